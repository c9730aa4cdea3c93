package io.pqzk.zk.zokrates;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the real zokrates-js worker's answers (node/worker.mjs, zokrates-js from the lockfile)
 * to the calls of {@link WorkerResponseFuzzTest}, through a shell wrapper around Node that copies
 * the worker's standard output, and writes them as that target's seeds. Run only on request:
 * {@code ./mvnw -pl zk-proofs/groth16 -am test -Dtest=WorkerSeeds -Dfuzz.seeds=write
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class WorkerSeeds {
  @Test
  void write() throws Exception {
    Path tmp = Files.createTempDirectory("pqzk-worker-record");
    Path record = tmp.resolve("record.jsonl");
    Path wrapper = tmp.resolve("node-tee.sh");
    Files.writeString(wrapper, "#!/bin/sh\nnode \"$@\" | tee -a '" + record + "'\n");
    wrapper.toFile().setExecutable(true);
    String cubic = Files.readString(Path.of("src/test/resources/zokrates/cubic/bn128/circuit.zok"));
    String[] names = {"ping", "compile", "compile-error", "witness", "witness-error", "setup",
        "proof", "verify", "solidity"};
    int[] ops = {0, 1, 1, 2, 2, 3, 4, 5, 6};
    try (ZoKrates z = ZoKrates.create(wrapper.toString(), Path.of("node/worker.mjs").toAbsolutePath(),
        Duration.ofSeconds(120))) {
      z.version();
      Artifacts a = z.compile(cubic, ZoKratesOptions.G16_BN128);
      try {
        z.compile("def main() { return 1; }", ZoKratesOptions.G16_BN128);
      } catch (ZoKratesException.Compile expected) {
        // recorded
      }
      Witness w = z.computeWitness(a, "[\"3\", \"35\"]");
      try {
        z.computeWitness(a, "[\"3\", \"36\"]");
      } catch (ZoKratesException.Witness expected) {
        // recorded
      }
      Keypair k = z.setup(a);
      String proof = z.generateProof(a, w, k);
      z.verify(k.verificationKeyJson(), proof, ZoKratesOptions.G16_BN128);
      z.exportSolidityVerifier(k.verificationKeyJson(), ZoKratesOptions.G16_BN128);
    }
    List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
    if (lines.size() < names.length) {
      throw new IllegalStateException("recorded " + lines.size() + " answers: " + lines);
    }
    Path out = Path.of("src/test/resources/io/pqzk/zk/zokrates/WorkerResponseFuzzTestInputs/respond");
    Files.createDirectories(out);
    for (int i = 0; i < names.length; i++) {
      String line = lines.get(i).replaceFirst("\"id\":\\d+", "\"id\":@ID@");
      byte[] body = line.getBytes(StandardCharsets.UTF_8);
      byte[] seed = new byte[body.length + 1];
      seed[0] = (byte) ops[i];
      System.arraycopy(body, 0, seed, 1, body.length);
      Files.write(out.resolve(names[i]), seed);
    }
  }
}
