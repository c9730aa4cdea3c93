package io.pqzk.zk.stark.fuzz;

import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.registry.SparseMerkleTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the STARK target's seeds: real proofs of its statements 0 and 1, made here with the
 * production prover. Rerun after the proof format changes: {@code ./mvnw -pl zk-proofs/stark -am
 * test -Dtest=StarkSeeds -Dfuzz.seeds=write -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class StarkSeeds {
  @Test
  void write() throws Exception {
    Path dir = Path.of("src/test/resources/io/pqzk/zk/stark/fuzz/StarkProofFuzzTestInputs/verify");
    Files.createDirectories(dir);
    SparseMerkleTree tree = StarkProofFuzzTest.tree(3);
    var statements = StarkProofFuzzTest.statements();
    String[] names = {"eligibility", "disclosure"};
    int[] record = {1, 1};
    for (int s = 0; s < 2; s++) {
      byte[] proof = StarkProofFuzzTest.STARK.prove(statements.get(s), new ClaimWitness(
          StarkProofFuzzTest.records().get(record[s]), tree.path(record[s])));
      StarkProofFuzzTest.STARK.verify(statements.get(s), proof);
      byte[] seed = new byte[proof.length + 1];
      seed[0] = (byte) s;
      System.arraycopy(proof, 0, seed, 1, proof.length);
      Files.write(dir.resolve(names[s]), seed);
    }
  }
}
