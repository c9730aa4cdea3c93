package io.pqzk.zk.zokrates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.ProofException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every answer the Java client reads from the zokrates-js worker, through the real {@link
 * ZoKrates} client over a stand-in worker (a Node script that answers each request with the
 * fuzzed line, the request's id put in place of {@code @ID@}). Input: one byte choosing the call
 * (0 version, 1 compile, 2 computeWitness, 3 setup, 4 generateProof, 5 verify, 6
 * exportSolidityVerifier), then the answer line. The seeds are answers the real worker gave
 * ({@link WorkerSeeds}). Every answer is used or refused with a {@link ZoKratesException}.
 */
class WorkerResponseFuzzTest {
  static final String FAKE_WORKER = """
      const fs = require('fs');
      const path = require('path');
      const rl = require('readline').createInterface({ input: process.stdin });
      rl.on('line', (l) => {
        let id = 0;
        let op = '';
        try { const r = JSON.parse(l); id = r.id; op = r.op; } catch (e) { }
        if (op === 'exit') { process.exit(0); }
        const t = fs.readFileSync(path.join(__dirname, 'response.txt'), 'utf8');
        process.stdout.write(t.split('@ID@').join(String(id)) + '\\n');
      });
      """;
  static final String SEEDS = "WorkerResponseFuzzTestInputs/respond/";
  static final String REGENERATE = "regenerate with ./mvnw -pl zk-proofs/groth16 -am test"
      + " -Dtest=WorkerSeeds -Dfuzz.seeds=write -Dsurefire.failIfNoSpecifiedTests=false";
  private static Path dir;
  private static ZoKrates client;

  private static synchronized ZoKrates client() {
    if (client == null) {
      try {
        dir = Files.createTempDirectory("pqzk-fake-worker");
        Files.createDirectories(dir.resolve("node_modules").resolve("zokrates-js"));
        Files.writeString(dir.resolve("worker.cjs"), FAKE_WORKER);
        client = ZoKrates.create(System.getProperty("pqzk.node", "node"),
            dir.resolve("worker.cjs"), Duration.ofSeconds(5));
        ZoKrates c = client;
        Runtime.getRuntime().addShutdownHook(new Thread(c::close));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ZoKratesException e) {
        throw new IllegalStateException(e);
      }
    }
    return client;
  }

  /**
   * The call an input's first byte picks, answered by the rest of it: what the client made of the
   * answer ({@code Boolean} for verify), or the {@link ZoKratesException} it refused it with.
   */
  static Object answer(byte[] input) throws IOException, ZoKratesException {
    ZoKrates z = client();
    String line = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8)
        .replace('\n', ' ').replace('\r', ' ');
    Files.writeString(dir.resolve("response.txt"), line);
    Artifacts program = Artifacts.of(new byte[] {'Z', 'O', 'K', 0}, "{}",
        ZoKratesOptions.G16_BN128);
    return switch (Byte.toUnsignedInt(input[0]) % 7) {
      case 0 -> z.version();
      case 1 -> z.compile("def main() { return; }", ZoKratesOptions.G16_BN128);
      case 2 -> z.computeWitness(program, "[\"3\", \"35\"]");
      case 3 -> z.setup(program);
      case 4 -> z.generateProof(program, new Witness(new byte[] {1}, "[]"),
          new Keypair("{}", new byte[] {2}));
      case 5 -> z.verify("{}", "{}", ZoKratesOptions.G16_BN128);
      default -> z.exportSolidityVerifier("{}", ZoKratesOptions.G16_BN128);
    };
  }

  @FuzzTest
  @Timeout(20)
  void respond(byte[] input) throws IOException {
    if (input.length < 1) {
      return;
    }
    try {
      answer(input);
    } catch (ZoKratesException refused) {
      if (refused.getMessage() == null) {
        throw new AssertionError("refusal without a message", refused);
      }
    } catch (ProofException other) {
      throw new AssertionError("not a ZoKratesException: " + other, other);
    }
  }

  /**
   * The seeds WorkerSeeds records are still read as the real worker meant them (they stop being
   * so silently when the protocol changes, and the target then explores refusals only): through
   * the target's own dispatch, each answer of a call that succeeded gives the client's result (the
   * version, the compiled program, the witness and its output, the keys, a proof, "valid": true,
   * the Solidity contract), and the two recorded errors are the compile and witness errors they
   * were, not protocol refusals. The finding-* reproducers are refusals and not checked here.
   */
  @Test
  void seeds_areStillReadAsTheWorkerMeantThem() throws Exception {
    String version = answered("ping", 0, String.class);
    assertFalse(version.isBlank(), stale("ping", "an empty version"));
    Artifacts compiled = answered("compile", 1, Artifacts.class);
    assertTrue(compiled.program().length > 0 && compiled.constraintCount() > 0,
        stale("compile", "no program or no constraint count: " + compiled));
    refusedAs("compile-error", 1, ZoKratesException.Compile.class);
    Witness witness = answered("witness", 2, Witness.class);
    assertNotNull(witness.outputJson(), stale("witness", "no output"));
    refusedAs("witness-error", 2, ZoKratesException.Witness.class);
    Keypair keys = answered("setup", 3, Keypair.class);
    assertTrue(keys.provingKey().length > 0 && keys.verificationKeyJson().contains("alpha"),
        stale("setup", "no proving key or no Groth16 verification key: " + keys));
    String proof = answered("proof", 4, String.class);
    assertTrue(proof.contains("\"proof\""), stale("proof", "no proof: " + proof));
    assertEquals(Boolean.TRUE, answered("verify", 5, Boolean.class),
        stale("verify", "not read as valid"));
    String solidity = answered("solidity", 6, String.class);
    assertTrue(solidity.contains("contract Verifier"), stale("solidity", "no verifier contract"));
  }

  private static <T> T answered(String name, int call, Class<T> type) throws IOException {
    byte[] input = seed(name, call);
    Object a;
    try {
      a = answer(input);
    } catch (ZoKratesException refused) {
      throw new AssertionError(stale(name, "refused: " + refused), refused);
    }
    assertInstanceOf(type, a, stale(name, "answered with " + a));
    return type.cast(a);
  }

  private static void refusedAs(String name, int call, Class<? extends ZoKratesException> type)
      throws IOException {
    byte[] input = seed(name, call);
    ZoKratesException e = assertThrows(ZoKratesException.class, () -> answer(input),
        stale(name, "a recorded error answer accepted"));
    assertInstanceOf(type, e, stale(name, "refused as " + e + ", not as the "
        + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " error it records"));
  }

  private static byte[] seed(String name, int call) throws IOException {
    byte[] input;
    try (InputStream in = WorkerResponseFuzzTest.class.getResourceAsStream(SEEDS + name)) {
      assertNotNull(in, stale(name, "missing"));
      input = in.readAllBytes();
    }
    assertEquals(call, Byte.toUnsignedInt(input[0]) % 7, stale(name, "its first byte picks"
        + " another call"));
    return input;
  }

  private static String stale(String name, String what) {
    return SEEDS + name + ": " + what + " (stale after a protocol change? " + REGENERATE + ")";
  }
}
