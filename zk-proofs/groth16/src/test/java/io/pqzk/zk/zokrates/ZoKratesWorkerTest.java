package io.pqzk.zk.zokrates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.groth16.Groth16Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java client against the real zokrates-js worker (Node). Needs Node and the pinned
 * zokrates-js: when {@code node/node_modules} is missing, {@code npm ci} installs it from the
 * lockfile first (npm registry only). A missing Node fails these tests; it never skips them.
 */
class ZoKratesWorkerTest {
  static final Path NODE_DIR = Path.of("node");
  static final String CUBIC =
      "def main(private field x, field y) {\n    assert(x * x * x + x + 5 == y);\n    return;\n}\n";
  static ZoKrates zok;

  @BeforeAll
  static void installAndStart() throws IOException, InterruptedException, ProofException {
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/zokrates-js"))) {
      Process p =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(NODE_DIR.toFile())
              .inheritIO()
              .start();
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), "npm ci timed out");
      assertEquals(0, p.exitValue(), "npm ci failed in " + NODE_DIR.toAbsolutePath());
    }
    zok = ZoKrates.create("node", NODE_DIR.resolve("worker.mjs"), Duration.ofMinutes(2));
  }

  @AfterAll
  static void stop() {
    if (zok != null) {
      zok.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bn128", "bls12_381"})
  void fullFlow_proofVerifiesInZokratesJsAndInJava(String curve) throws ProofException {
    ZoKratesOptions o = ZoKratesOptions.g16(curve);
    Artifacts a = zok.compile(CUBIC, o);
    assertTrue(a.constraintCount() > 0);
    assertTrue(new String(a.program(), 0, 3, java.nio.charset.StandardCharsets.US_ASCII).equals("ZOK"));
    Witness w = zok.computeWitness(a, "[\"3\", \"35\"]");
    Keypair k = zok.setup(a);
    String proof = zok.generateProof(a, w, k);
    w.destroy();
    assertTrue(zok.verify(k.verificationKeyJson(), proof, o));
    Groth16Verifier.verify(k.verificationKeyJson(), proof); // the Java verifier agrees
    String forged = proof.replace("0000000000000000000000000000000000000000000000000000000000000023\"",
        "0000000000000000000000000000000000000000000000000000000000000024\"");
    assertFalse(forged.equals(proof));
    assertFalse(zok.verify(k.verificationKeyJson(), forged, o));
    assertThrows(ProofRejectedException.class, () -> Groth16Verifier.verify(k.verificationKeyJson(), forged));
  }

  /**
   * A loaded program and key cross the pipe once: the second proof sends only its arguments;
   * after a worker crash they are sent again, transparently; an unsatisfied witness is a typed
   * error; the proofs verify.
   */
  @Test
  void prove_loadedProgram_sentOnce_reloadedAfterRestart() throws ProofException {
    Artifacts a = zok.compile(CUBIC, ZoKratesOptions.G16_BN128);
    Keypair k = zok.setup(a);
    ZoKrates.Loaded loaded = zok.load(a, k);
    long bytes = a.program().length + k.provingKey().length;
    long c0 = zok.charsSent();
    String p1 = zok.prove(loaded, "[\"3\", \"35\"]");
    long c1 = zok.charsSent();
    String p2 = zok.prove(loaded, "[\"3\", \"35\"]");
    long c2 = zok.charsSent();
    assertTrue(c1 - c0 > bytes, "first proof sends program and key: " + (c1 - c0));
    assertTrue(c2 - c1 < 1000, "second proof sends its arguments only: " + (c2 - c1));
    Groth16Verifier.verify(k.verificationKeyJson(), p1);
    Groth16Verifier.verify(k.verificationKeyJson(), p2);
    assertThrows(ZoKratesException.Witness.class, () -> zok.prove(loaded, "[\"3\", \"36\"]"));
    assertThrows(ZoKratesException.Worker.class, () -> zok.crashWorkerForTest());
    Groth16Verifier.verify(k.verificationKeyJson(), zok.prove(loaded, "[\"3\", \"35\"]"));
    assertTrue(zok.charsSent() - c2 > bytes, "reloaded after the restart");
  }

  @Test
  void compile_syntaxError_throwsCompileWithZokratesLocation() {
    ZoKratesException.Compile e =
        assertThrows(
            ZoKratesException.Compile.class,
            () -> zok.compile("def main() {\n  field x = ;\n}\n", ZoKratesOptions.G16_BN128));
    assertTrue(e.getMessage().contains("2:"), e.getMessage());
  }

  @Test
  void computeWitness_unsatisfiedAssertion_throwsWitness() throws ProofException {
    Artifacts a = zok.compile(CUBIC, ZoKratesOptions.G16_BN128);
    ZoKratesException.Witness e =
        assertThrows(ZoKratesException.Witness.class, () -> zok.computeWitness(a, "[\"3\", \"36\"]"));
    assertFalse(e.getMessage().isEmpty());
  }

  @Test
  void workerCrash_isReportedThenRestarted() throws ProofException {
    zok.version();
    int before = zok.workerStarts();
    assertThrows(ZoKratesException.Worker.class, () -> zok.crashWorkerForTest());
    assertEquals("0.8.8", zok.version());
    assertEquals(before + 1, zok.workerStarts());
  }

  @Test
  void timeout_killsWorker_nextCallRestarts() throws ProofException {
    // a Poseidon Merkle circuit takes seconds to compile: far beyond 1 ms
    String merkle;
    try {
      merkle = Files.readString(NODE_DIR.resolve("circuits/merkle.zok"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    try (ZoKrates quick = ZoKrates.create("node", NODE_DIR.resolve("worker.mjs"), Duration.ofMillis(1))) {
      // the first call includes start-up grace (30 s), so start the worker first
      try {
        quick.version();
      } catch (ZoKratesException.Timeout ignored) {
        // a very slow start still counts; the compile below must time out either way
      }
      assertThrows(ZoKratesException.Timeout.class, () -> quick.compile(merkle, ZoKratesOptions.G16_BN128));
    }
  }

  @Test
  void exportSolidityVerifier_bn128_isSolidity() throws ProofException {
    Artifacts a = zok.compile(CUBIC, ZoKratesOptions.G16_BN128);
    Keypair k = zok.setup(a);
    String sol = zok.exportSolidityVerifier(k.verificationKeyJson(), ZoKratesOptions.G16_BN128);
    assertTrue(sol.contains("pragma solidity"), sol.substring(0, Math.min(200, sol.length())));
    assertTrue(sol.contains("verifyTx"));
  }

  @Test
  void options_unsupportedCombination_throws() {
    assertThrows(IllegalArgumentException.class, () -> new ZoKratesOptions("bellman", "bls12_381", "g16"));
    assertThrows(IllegalArgumentException.class, () -> ZoKratesOptions.g16("secp256k1"));
  }
}
