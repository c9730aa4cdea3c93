package io.pqzk.zk.groth16claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Groth16 claim system end to end with the real zokrates-js worker (Node) and the pure-Java
 * verifier. One compile and one setup per run: artifacts live in {@code target/groth16claims}
 * (reused while the circuit is unchanged). Needs Node; {@code npm ci} runs when zokrates-js is
 * missing. Never skipped.
 */
class ZokratesGroth16ClaimTest {
  static final Path NODE_DIR = Path.of("node");
  static final ClaimContext CONTEXT = ClaimContext.of("chain=pqzk-test;height=42;nonce=7"
      .getBytes(StandardCharsets.US_ASCII));
  static final String POLICY = "fitness>=70 && vax_date>=20260101 && birth_year<=2008";

  static ZokratesGroth16ProofSystem system;
  static List<Record> records;
  static SparseMerkleTree tree;
  static byte[] proof;

  @BeforeAll
  static void setUp() throws Exception {
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/zokrates-js"))) {
      Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
          .directory(NODE_DIR.toFile()).inheritIO().start();
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), "npm ci timed out");
      assertEquals(0, p.exitValue(), "npm ci failed in " + NODE_DIR.toAbsolutePath());
    }
    ClaimCircuit circuit = ClaimCircuit.in(
        Path.of("target", "groth16claims", ClaimCircuit.id(ClaimCircuit.load().source())));
    system = new ZokratesGroth16ProofSystem(circuit);
    records = List.of(
        Record.of(new long[] {1, 1990, 2, 80, 20260115, 3, 7}, new long[] {11, 12}),
        Record.of(new long[] {2, 2001, 1, 60, 20250101, 1, 7}, new long[] {21, 22}),
        Record.of(new long[] {3, 1985, 4, 95, 20260301, 5, 9}, new long[] {Long.MAX_VALUE, 0}));
    List<byte[]> leaves = new ArrayList<>();
    for (Record r : records) {
      leaves.add(system.registryHash().leaf(r));
    }
    tree = SparseMerkleTree.build(system.registryHash(), leaves);
    proof = system.prove(statement(POLICY), witness(0));
  }

  @AfterAll
  static void tearDown() {
    if (system != null) {
      system.close();
    }
  }

  static ClaimStatement statement(String policy) {
    return new ClaimStatement(tree.root(), Policy.parse(policy), CONTEXT);
  }

  static ClaimWitness witness(int i) {
    return new ClaimWitness(records.get(i), tree.path(i));
  }

  @Test
  void prove_trueClaim_verifiesInJava() throws ProofException {
    ProofSystem.Verification v = system.verify(statement(POLICY), proof);
    assertEquals("zokrates-groth16", v.system());
    assertFalse(system.postQuantum());
    JsonObject p = JsonParser.parseString(new String(proof, StandardCharsets.UTF_8)).getAsJsonObject();
    assertEquals(ClaimInputs.PUBLIC_COUNT, p.getAsJsonArray("inputs").size());
  }

  /** Every slot used: each {@code >=} has an upper bound of its own, so none is added. */
  @Test
  void prove_eightPredicatesOnAnotherLeaf_verifies() throws ProofException {
    String policy = "subject_id==3 && birth_year>=1985 && birth_year<=1985 && blood_group==4"
        + " && fitness>=95 && fitness<=100 && vax_date<=20260301 && issuer==9";
    byte[] p = system.prove(statement(policy), witness(2));
    system.verify(statement(policy), p);
  }

  @Test
  void prove_predicateFalse_refuses() {
    ClaimNotSatisfiedException e = assertThrows(ClaimNotSatisfiedException.class,
        () -> system.prove(statement(POLICY), witness(1)));
    assertTrue(e.getMessage().contains("fitness>=70"), e.getMessage());
  }

  @Test
  void prove_recordNotInTree_refuses() {
    Record outsider = Record.of(new long[] {9, 1990, 2, 99, 20260115, 3, 7}, new long[] {1, 2});
    assertThrows(ClaimNotSatisfiedException.class,
        () -> system.prove(statement(POLICY), new ClaimWitness(outsider, tree.path(0))));
  }

  /** Bypasses the Java pre-checks: ZoKrates itself must refuse a doctored witness. */
  @Test
  void computeWitness_doctoredWitness_zokratesRefuses() throws Exception {
    ClaimCircuit.Prover p;
    try (ZoKrates zk = ZoKrates.create(Duration.ofMinutes(5))) {
      p = system.circuit().prover(zk);
      // Predicate false (record 1 has fitness 60).
      String falsePredicate = ClaimInputs.witnessArguments(statement(POLICY), witness(1));
      assertThrows(ZoKratesException.Witness.class, () -> zk.computeWitness(p.program(), falsePredicate));
      // Java root accepted by the circuit; the same witness with root + 1 refused.
      String ok = ClaimInputs.witnessArguments(statement("fitness>=60"), witness(1));
      zk.computeWitness(p.program(), ok).destroy();
      JsonArray args = JsonParser.parseString(ok).getAsJsonArray();
      args.set(0, new com.google.gson.JsonPrimitive(
          new BigInteger(args.get(0).getAsString()).add(BigInteger.ONE).toString()));
      assertThrows(ZoKratesException.Witness.class, () -> zk.computeWitness(p.program(), args.toString()));
      // Fitness 60 + 2^32 (aliasing 60 mod 2^32 would otherwise pass >= 60 checks): out of u32 range.
      JsonArray big = JsonParser.parseString(ok).getAsJsonArray();
      big.set(ClaimInputs.PUBLIC_COUNT + 3, new com.google.gson.JsonPrimitive("4294967356"));
      assertThrows(ZoKratesException.class, () -> zk.computeWitness(p.program(), big.toString()));
      // A direction bit that is not a boolean.
      JsonArray two = JsonParser.parseString(ok).getAsJsonArray();
      two.set(ClaimInputs.PUBLIC_COUNT + 11, new com.google.gson.JsonPrimitive("2"));
      assertThrows(ZoKratesException.class, () -> zk.computeWitness(p.program(), two.toString()));
    }
  }

  @Test
  void verify_changedRoot_rejected() {
    byte[] root = tree.root();
    root[31] ^= 1;
    ClaimStatement s = new ClaimStatement(root, Policy.parse(POLICY), CONTEXT);
    ProofRejectedException e = assertThrows(ProofRejectedException.class, () -> system.verify(s, proof));
    assertTrue(e.getMessage().contains("root"), e.getMessage());
  }

  @Test
  void verify_changedPolicyConstant_rejected() {
    assertThrows(ProofRejectedException.class,
        () -> system.verify(statement("fitness>=71 && vax_date>=20260101 && birth_year<=2008"), proof));
    assertThrows(ProofRejectedException.class,
        () -> system.verify(statement("fitness>=70 && vax_date>=20260101"), proof));
    assertThrows(ProofRejectedException.class,
        () -> system.verify(statement("fitness<=70 && vax_date>=20260101 && birth_year<=2008"), proof));
  }

  @Test
  void verify_changedContext_rejected() {
    ClaimStatement s = new ClaimStatement(tree.root(), Policy.parse(POLICY),
        ClaimContext.of("chain=pqzk-test;height=43;nonce=7".getBytes(StandardCharsets.US_ASCII)));
    ProofRejectedException e = assertThrows(ProofRejectedException.class, () -> system.verify(s, proof));
    assertTrue(e.getMessage().contains("context"), e.getMessage());
  }

  /** The proof's inputs rewritten to another statement: only the pairing check can catch it. */
  @Test
  void verify_inputsRewrittenToAnotherPolicy_pairingRejects() throws Exception {
    assertPairingRejects(statement("fitness>=90 && vax_date>=20260101 && birth_year<=2008"));
  }

  /** The context is bound by the proof itself, not only by the input comparison. */
  @Test
  void verify_inputsRewrittenToAnotherContext_pairingRejects() throws Exception {
    assertPairingRejects(new ClaimStatement(tree.root(), Policy.parse(POLICY),
        ClaimContext.of(new byte[] {1, 2, 3})));
  }

  private static void assertPairingRejects(ClaimStatement other) {
    JsonObject p = JsonParser.parseString(new String(proof, StandardCharsets.UTF_8)).getAsJsonObject();
    JsonArray inputs = new JsonArray();
    for (BigInteger x : ClaimInputs.publicInputs(other)) {
      inputs.add(String.format("0x%064x", x));
    }
    p.add("inputs", inputs);
    ProofRejectedException e = assertThrows(ProofRejectedException.class,
        () -> system.verify(other, p.toString().getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("pairing"), e.getMessage());
  }

  @Test
  void verify_garbage_malformed() {
    assertThrows(io.pqzk.zk.MalformedProofException.class,
        () -> system.verify(statement(POLICY), "{\"scheme\":".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void verify_inputNames_sayWhichPart() {
    assertEquals("registry root", ZokratesGroth16ProofSystem.inputName(0));
    assertEquals("policy slot 0 attribute", ZokratesGroth16ProofSystem.inputName(1));
    assertEquals("policy slot 7 constant", ZokratesGroth16ProofSystem.inputName(24));
    assertEquals("context", ZokratesGroth16ProofSystem.inputName(25));
    assertEquals("record schema", ZokratesGroth16ProofSystem.inputName(26));
    assertEquals("document digest (second half)", ZokratesGroth16ProofSystem.inputName(29));
  }

  /**
   * Groth16's statement encoding is one-to-one: {@code fitness>=70} and the same policy padded
   * with {@code subject_id>=0} (the STARK's old padding) have different public inputs (an unused
   * slot has op code 0, a used one never), so neither proof verifies as the other, not even with
   * its inputs rewritten (the pairing check refuses).
   */
  @Test
  void verify_paddedPolicy_doesNotShareAProof() throws ProofException {
    ClaimStatement one = statement("fitness>=70");
    ClaimStatement padded = statement("fitness>=70 && subject_id>=0");
    assertFalse(ClaimInputs.publicInputs(one).equals(ClaimInputs.publicInputs(padded)));
    byte[] p1 = system.prove(one, witness(0));
    system.verify(one, p1);
    assertThrows(ProofRejectedException.class, () -> system.verify(padded, p1));
    JsonObject p = JsonParser.parseString(new String(p1, StandardCharsets.UTF_8)).getAsJsonObject();
    JsonArray inputs = new JsonArray();
    for (BigInteger x : ClaimInputs.publicInputs(padded)) {
      inputs.add(String.format("0x%064x", x));
    }
    p.add("inputs", inputs);
    ProofRejectedException e = assertThrows(ProofRejectedException.class,
        () -> system.verify(padded, p.toString().getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("pairing"), e.getMessage());
  }

  /** Distinct statements, distinct public inputs (data-driven, every part of the statement). */
  @Test
  void publicInputs_distinctStatements_distinct() {
    ClaimContext c = CONTEXT;
    io.pqzk.zk.claims.DocumentDigest d1 = io.pqzk.zk.claims.DocumentDigest.ofDocument(new byte[] {1});
    io.pqzk.zk.claims.DocumentDigest d2 = io.pqzk.zk.claims.DocumentDigest.ofDocument(new byte[] {2});
    List<ClaimStatement> all = new ArrayList<>();
    for (String pol : new String[] {"fitness>=70", "fitness>=70 && subject_id>=0",
        "subject_id>=0 && fitness>=70", "fitness>=71", "fitness<=70", "fitness==70",
        "clearance>=70", "fitness>=70 && fitness>=70"}) {
      all.add(new ClaimStatement(tree.root(), Policy.parse(pol), c));
      all.add(new ClaimStatement(tree.root(), Policy.parse(pol), c,
          io.pqzk.zk.claims.RecordSchema.V2));
      all.add(ClaimStatement.integrity(tree.root(), Policy.parse(pol), c, d1));
    }
    all.add(ClaimStatement.integrity(tree.root(), Policy.none(), c, d1));
    all.add(ClaimStatement.integrity(tree.root(), Policy.none(), c, d2));
    java.util.Set<List<BigInteger>> seen = new java.util.HashSet<>();
    for (ClaimStatement s : all) {
      assertTrue(seen.add(ClaimInputs.publicInputs(s)), "collision: " + s);
    }
  }

  /** Oversized input is refused before any parsing. */
  @Test
  void verify_oversized_malformedBeforeParsing() {
    byte[] big = new byte[ZokratesGroth16ProofSystem.MAX_PROOF_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    io.pqzk.zk.MalformedProofException e = assertThrows(io.pqzk.zk.MalformedProofException.class,
        () -> system.verify(statement(POLICY), big));
    assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    assertTrue(proof.length < ZokratesGroth16ProofSystem.MAX_PROOF_BYTES / 2);
  }

  @Test
  void verify_noVerificationKey_unavailable(@TempDir Path empty) {
    ZokratesGroth16ProofSystem fresh = new ZokratesGroth16ProofSystem(ClaimCircuit.in(empty));
    assertThrows(io.pqzk.zk.UnavailableProofSystemException.class,
        () -> fresh.verify(statement(POLICY), proof));
  }

  @Test
  void prove_verificationKeyWithoutProvingKey_refusesNewSetup(@TempDir Path dir) throws Exception {
    Path src = system.circuit().directory();
    for (String f : List.of(ClaimCircuit.PROGRAM, ClaimCircuit.ABI, ClaimCircuit.VERIFICATION_KEY)) {
      Files.copy(src.resolve(f), dir.resolve(f));
    }
    byte[] vk = Files.readAllBytes(dir.resolve(ClaimCircuit.VERIFICATION_KEY));
    try (ZokratesGroth16ProofSystem verifierSide = new ZokratesGroth16ProofSystem(ClaimCircuit.in(dir))) {
      verifierSide.verify(statement(POLICY), proof);
      ProofException e = assertThrows(ProofException.class,
          () -> verifierSide.prove(statement(POLICY), witness(0)));
      assertTrue(e.getMessage().contains("proving.key"), e.getMessage());
    }
    assertTrue(java.util.Arrays.equals(vk, Files.readAllBytes(dir.resolve(ClaimCircuit.VERIFICATION_KEY))));
  }

  @Test
  void circuit_artifactsAreZokratesFormats() throws IOException {
    Path dir = system.circuit().directory();
    byte[] program = Files.readAllBytes(dir.resolve(ClaimCircuit.PROGRAM));
    assertEquals("ZOK", new String(program, 0, 3, StandardCharsets.US_ASCII));
    assertTrue(Files.readString(dir.resolve(ClaimCircuit.VERIFICATION_KEY)).contains("gamma_abc"));
  }

}
