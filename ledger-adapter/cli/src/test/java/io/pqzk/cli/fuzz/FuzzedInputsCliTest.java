package io.pqzk.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file-reading command on a sample of fuzzer-made inputs (taken from the fuzz targets'
 * corpora and findings, in {@code samples/<kind>/}): each is refused with exit 1 or 2, never a
 * stack trace; a bad input (exit 2) with one line on standard error, {@code pqzk: ...} (after
 * any {@code note:} the command always prints), a rejection (exit 1) with at most that line
 * beside the list of what failed. The other files a command
 * needs are real: the store targets' data directory, the attestation target's attesters, a key
 * pair and signature made here, a real zokrates-js key and proof.
 */
class FuzzedInputsCliTest {
  static final String SAMPLES = "/io/pqzk/cli/fuzz/samples/";
  @TempDir static Path dir;
  static Path data;
  static Path pub;
  static Path message;
  static Path signature;
  static Path passphrase;
  static Path block;
  static Path bundle;
  static Path attesters;
  static Path vk;
  static Path proof;

  @BeforeAll
  static void realFiles() throws Exception {
    data = dir.resolve("data");
    Files.createDirectories(data.resolve("blocks"));
    copy("/io/pqzk/ledger/store/fuzz/chain/genesis.json", data.resolve("genesis.json"));
    copy("/io/pqzk/ledger/store/fuzz/chain/head.qc", data.resolve("head.qc"));
    copy("/io/pqzk/ledger/store/fuzz/chain/blocks-000000.dat",
        data.resolve("blocks/blocks-000000.dat"));
    Files.writeString(data.resolve("FORMAT"), "pqzk-data/v2\n");
    Path key = dir.resolve("key.pem");
    assertEquals(0, CliRun.of("keygen", "--alg", "ML-DSA-65", "--unencrypted", "--out",
        key.toString()).exit());
    pub = dir.resolve("key.pem.pub");
    message = Files.writeString(dir.resolve("message.txt"), "a message");
    signature = dir.resolve("message.sig");
    assertEquals(0, CliRun.of("sign", "--key", key.toString(), "--in", message.toString(),
        "--out", signature.toString()).exit());
    passphrase = Files.writeString(dir.resolve("passphrase.txt"),
        "correct horse battery staple\n");
    block = copy("/io/pqzk/chains/fabric/mychannel-2.block", dir.resolve("mychannel-2.block"));
    bundle = copy("/io/pqzk/chains/fuzz/bundle.bin", dir.resolve("bundle.att"));
    attesters = copy("/io/pqzk/chains/fuzz/attesters.json", dir.resolve("attesters.json"));
    vk = copy(SAMPLES + "fixture/verification.key.json", dir.resolve("verification.key.json"));
    proof = copy(SAMPLES + "fixture/proof.json", dir.resolve("proof.json"));
  }

  @TestFactory
  Stream<DynamicTest> everyCommand_refusesFuzzedInput_inOneLine() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    add(tests, "segment", "chain verify", f -> {
      Path d = dataWith("blocks/blocks-000000.dat", f);
      return new String[] {"chain", "verify", "--quiet", "--data", d.toString()};
    });
    add(tests, "segment", "chain show", f -> new String[] {"chain", "show", "--data",
        dataWith("blocks/blocks-000000.dat", f).toString(), "--height", "1"});
    add(tests, "head-certificate", "chain verify", f -> new String[] {"chain", "verify",
        "--quiet", "--data", dataWith("head.qc", f).toString()});
    add(tests, "genesis", "chain verify --genesis", f -> new String[] {"chain", "verify",
        "--quiet", "--data", data.toString(), "--genesis", f.toString()});
    add(tests, "public-key", "verify --pub", f -> new String[] {"verify", "--pub", f.toString(),
        "--in", message.toString(), "--sig", signature.toString()});
    add(tests, "signature", "verify --sig", f -> new String[] {"verify", "--pub", pub.toString(),
        "--in", message.toString(), "--sig", f.toString()});
    add(tests, "private-key", "sign --key", f -> new String[] {"sign", "--key", f.toString(),
        "--in", message.toString(), "--out", dir.resolve("out-" + f.getFileName()).toString(),
        "--passphrase-file", passphrase.toString()});
    add(tests, "stark-proof", "claim verify", f -> new String[] {"claim", "verify", "--system",
        "stark", "--root", "00".repeat(32), "--policy", "fitness>=60 && vax_date>=20250101",
        "--context", "0011", "--proof", f.toString()});
    add(tests, "groth16-proof", "zokrates verify --proof", f -> new String[] {"zokrates",
        "verify", "--vk", vk.toString(), "--proof", f.toString()});
    add(tests, "groth16-vk", "zokrates verify --vk", f -> new String[] {"zokrates", "verify",
        "--vk", f.toString(), "--proof", proof.toString()});
    add(tests, "vectors", "vectors", f -> new String[] {"vectors", "-q", f.toString()});
    add(tests, "fabric-block", "adapter hash --chain fabric", f -> new String[] {"adapter",
        "hash", "--chain", "fabric", "--in", f.toString()});
    add(tests, "ethereum-block", "adapter hash --chain ethereum", f -> new String[] {"adapter",
        "hash", "--chain", "ethereum", "--in", f.toString()});
    add(tests, "attestations", "attest verify --att", f -> new String[] {"attest", "verify",
        "--chain", "fabric", "--in", block.toString(), "--att", f.toString(), "--validators",
        attesters.toString()});
    add(tests, "attesters", "attest verify --validators", f -> new String[] {"attest", "verify",
        "--chain", "fabric", "--in", block.toString(), "--att", bundle.toString(),
        "--validators", f.toString()});
    add(tests, "fabric-block", "attest verify --in", f -> new String[] {"attest", "verify",
        "--chain", "fabric", "--in", f.toString(), "--att", bundle.toString(), "--validators",
        attesters.toString()});
    return tests.stream();
  }

  private static void add(List<DynamicTest> tests, String kind, String command,
      Function<Path, String[]> args) throws IOException, URISyntaxException {
    Path samples = Path.of(FuzzedInputsCliTest.class.getResource(SAMPLES + kind).toURI());
    try (Stream<Path> files = Files.list(samples)) {
      for (Path f : files.sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(command + " " + kind + "/" + f.getFileName(), () -> {
          CliRun r = CliRun.of(args.apply(f));
          assertTrue(r.exit() == 1 || r.exit() == 2, r.describe());
          List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
          for (String l : lines) {
            assertFalse(l.matches("\\s+at \\S+\\(.*\\)") || l.startsWith("Caused by: ")
                || l.startsWith("Exception in thread"), "a stack trace: " + r.describe());
          }
          // "note: " lines say what a choice implies (Groth16 is not post-quantum), the rest is
          // the error: one line naming the problem; a rejection (exit 1) may instead list
          // what failed, one line each, as pqzk vectors and pqzk attest verify do
          List<String> errors = lines.stream().filter(l -> !l.startsWith("note: ")).toList();
          long pqzk = errors.stream().filter(l -> l.startsWith("pqzk: ")).count();
          if (r.exit() == 2) {
            assertEquals(List.of(errors.get(errors.size() - 1)), errors, "not one line: "
                + r.describe());
            assertEquals(1, pqzk, r.describe());
          } else {
            assertTrue(pqzk <= 1, r.describe());
          }
        }));
      }
    }
  }

  /** A copy of the real data directory with one file replaced by {@code fuzzed}. */
  private static Path dataWith(String file, Path fuzzed) {
    try {
      Path d = Files.createTempDirectory(dir, "data");
      for (String f : new String[] {"genesis.json", "head.qc", "FORMAT",
          "blocks/blocks-000000.dat"}) {
        Files.createDirectories(d.resolve(f).getParent());
        Files.copy(f.equals(file) ? fuzzed : data.resolve(f), d.resolve(f));
      }
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copy(String resource, Path to) throws IOException {
    try (InputStream in = FuzzedInputsCliTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      Files.write(to, in.readAllBytes());
    }
    return to;
  }
}
