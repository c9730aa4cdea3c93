package io.pqzk.zk.groth16claims;

import io.pqzk.zk.zokrates.*;
import io.pqzk.zk.claims.*;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.groth16.*;
import java.nio.file.*;
import java.util.*;
import java.time.Duration;

/**
 * One-run figures for the Groth16 claim at depth 20 (compile, setup, witness, prove through the
 * worker, proof size, Java verify vs zokrates-js verify). Not a test and not JMH: wall-clock means
 * of one run, noisy on a shared machine; compare them as ratios. Run from the repository root
 * after a build:
 * {@code java -cp ledger-adapter/cli/target/pqzk.jar zk-proofs/groth16/src/test/java/io/pqzk/zk/groth16claims/ClaimFigures.java}
 */
public class ClaimFigures {
  public static void main(String[] a) throws Exception {
    ClaimCircuit circuit = ClaimCircuit.load(); // only its source: nothing is written
    try (ZoKrates zk = ZoKrates.create(Duration.ofMinutes(20))) {
      zk.version();
      long t0 = System.nanoTime();
      Artifacts prog = zk.compile(circuit.source(), "claim.zok", ZoKratesOptions.G16_BN128);
      long t1 = System.nanoTime();
      Keypair keys = zk.setup(prog);
      long t2 = System.nanoTime();
      System.out.printf("constraints %d, program %d bytes, proving key %d bytes%n", prog.constraintCount(), prog.program().length, keys.provingKey().length);
      System.out.printf("compile %.0f ms, setup %.0f ms%n", (t1-t0)/1e6, (t2-t1)/1e6);
      PoseidonRegistryHash h = new PoseidonRegistryHash();
      io.pqzk.zk.claims.Record r = io.pqzk.zk.claims.Record.of(new long[] {1, 1990, 2, 80, 20260115, 3, 7}, new long[] {11, 12});
      SparseMerkleTree tree = SparseMerkleTree.build(h, List.of(h.leaf(r)));
      ClaimStatement st = new ClaimStatement(tree.root(), Policy.parse("fitness>=70 && vax_date>=20260101 && birth_year<=2008"), ClaimContext.of(new byte[] {1,2,3}));
      String args = ClaimInputs.witnessArguments(st, new ClaimWitness(r, tree.path(0)));
      String proof = null;
      for (int i = 0; i < 4; i++) {
        long w0 = System.nanoTime();
        Witness w = zk.computeWitness(prog, args);
        long w1 = System.nanoTime();
        proof = zk.generateProof(prog, w, keys);
        long w2 = System.nanoTime();
        System.out.printf("witness %.0f ms, prove %.0f ms%n", (w1-w0)/1e6, (w2-w1)/1e6);
      }
      System.out.println("proof.json bytes " + proof.length());
      Groth16VerifyingKey vk = Groth16VerifyingKey.fromJson(keys.verificationKeyJson());
      Groth16Proof p = Groth16Proof.fromJson(proof);
      for (int i = 0; i < 300; i++) Groth16Verifier.verify(vk, p);
      int n = 500; long v0 = System.nanoTime();
      for (int i = 0; i < n; i++) Groth16Verifier.verify(vk, p);
      System.out.printf("Java verify (parsed key+proof) %.3f ms/op over %d%n", (System.nanoTime()-v0)/1e6/n, n);
      v0 = System.nanoTime();
      for (int i = 0; i < 200; i++) Groth16Verifier.verify(keys.verificationKeyJson(), proof);
      System.out.printf("Java verify incl. JSON parsing %.3f ms/op%n", (System.nanoTime()-v0)/1e6/200);
      v0 = System.nanoTime();
      for (int i = 0; i < 20; i++) zk.verify(keys.verificationKeyJson(), proof, ZoKratesOptions.G16_BN128);
      System.out.printf("zokrates-js verify (worker round trip) %.3f ms/op%n", (System.nanoTime()-v0)/1e6/20);
    }
  }
}
