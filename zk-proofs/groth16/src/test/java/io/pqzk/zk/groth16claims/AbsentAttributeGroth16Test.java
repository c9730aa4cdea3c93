package io.pqzk.zk.groth16claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesException;
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

/**
 * The finding: an absent attribute is 2^32 - 1 in the commitment, and only the Java-side
 * {@code Predicate.holds} refused it, so a prover that skips the Java checks proved {@code
 * fitness>=70} about a record without a fitness score: the circuit's {@code v >= c} holds on
 * 2^32 - 1. Now the statement the verifier derives carries the bound {@code fitness<=2^32-2} in
 * the next slot ({@link io.pqzk.zk.claims.Policy#effectivePredicates()}). Run with the real
 * zokrates-js worker (Node) against the claim circuit, unchanged, and the pure-Java verifier;
 * shares {@code target/groth16claims} with {@link ZokratesGroth16ClaimTest}.
 */
class AbsentAttributeGroth16Test {
  static final ClaimContext CONTEXT = ClaimContext.of("absent".getBytes(StandardCharsets.UTF_8));
  static ZokratesGroth16ProofSystem system;
  static SparseMerkleTree tree;
  /** Record 0 comes from a FHIR bundle without fitness and clearance. */
  static List<Record> records;

  @BeforeAll
  static void setUp() throws Exception {
    Path node = Path.of("node");
    if (!Files.isDirectory(node.resolve("node_modules/zokrates-js"))) {
      Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
          .directory(node.toFile()).inheritIO().start();
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), "npm ci timed out");
      assertEquals(0, p.exitValue(), "npm ci failed in " + node.toAbsolutePath());
    }
    system = new ZokratesGroth16ProofSystem(ClaimCircuit.in(
        Path.of("target", "groth16claims", ClaimCircuit.id(ClaimCircuit.load().source()))));
    records = List.of(
        Record.of(new long[] {1, 1990, 2, Attribute.ABSENT, 20260115, Attribute.ABSENT, 7},
            new long[] {11, 12}),
        Record.of(new long[] {2, 1990, 2, Attribute.MAX_PRESENT, 20260115, 3, 7},
            new long[] {21, 22}));
    List<byte[]> leaves = new ArrayList<>();
    for (Record r : records) {
      leaves.add(system.registryHash().leaf(r));
    }
    tree = SparseMerkleTree.build(system.registryHash(), leaves);
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

  /**
   * The attack, past every Java check: (1) with the inputs the verifier derives, the circuit
   * itself refuses the witness, so no proof of them can be computed; (2) the proof main's
   * encoding allowed (slot 1 unused: {@code fitness>=70} alone, which the circuit accepts on
   * 2^32 - 1) is computed by ZoKrates, and the verifier refuses it, whether its inputs are left
   * as they are or rewritten to the statement's (then the pairing fails).
   */
  @Test
  void verify_lowerBoundOnAbsentAttribute_noAcceptableProof() throws Exception {
    ClaimStatement s = statement("fitness>=70");
    String args = ClaimInputs.witnessArguments(s, witness(0));
    JsonArray old = JsonParser.parseString(args).getAsJsonArray();
    for (int group = 0; group < 3; group++) { // attribute, op code, constant of slot 1
      old.set(1 + group * ClaimInputs.SLOTS + 1, new JsonPrimitive("0"));
    }
    byte[] forged;
    try (ZoKrates zk = ZoKrates.create(Duration.ofMinutes(15))) {
      ClaimCircuit.Prover p = system.circuit().prover(zk);
      assertThrows(ZoKratesException.Witness.class, () -> zk.computeWitness(p.program(), args));
      forged = zk.prove(zk.load(p.program(), p.keys()), old.toString())
          .getBytes(StandardCharsets.UTF_8);
    }
    ProofRejectedException e = assertThrows(ProofRejectedException.class,
        () -> system.verify(s, forged));
    assertTrue(e.getMessage().contains("policy slot 1"), e.getMessage());
    JsonObject rewritten = JsonParser.parseString(new String(forged, StandardCharsets.UTF_8))
        .getAsJsonObject();
    JsonArray inputs = new JsonArray();
    for (BigInteger x : ClaimInputs.publicInputs(s)) {
      inputs.add(String.format("0x%064x", x));
    }
    rewritten.add("inputs", inputs);
    ProofRejectedException pairing = assertThrows(ProofRejectedException.class,
        () -> system.verify(s, rewritten.toString().getBytes(StandardCharsets.UTF_8)));
    assertTrue(pairing.getMessage().contains("pairing"), pairing.getMessage());
  }

  @Test
  void prove_absentAttribute_honestProverRefuses() {
    ClaimNotSatisfiedException e = assertThrows(ClaimNotSatisfiedException.class,
        () -> system.prove(statement("clearance>=2"), witness(0)));
    assertTrue(e.getMessage().contains("clearance>=2"), e.getMessage());
  }

  /** The largest present value still proves, with its bound in the next slot. */
  @Test
  void proveVerify_largestPresentValue_accepted() throws ProofException {
    ClaimStatement s = statement("fitness>=4294967294 && vax_date>=20260101");
    List<BigInteger> in = ClaimInputs.publicInputs(s);
    int slot = 2; // after the policy's own two: fitness <= 2^32 - 2
    assertEquals(List.of(BigInteger.valueOf(Attribute.FITNESS.ordinal()), BigInteger.TWO,
        BigInteger.valueOf(Attribute.MAX_PRESENT)), List.of(in.get(1 + slot),
        in.get(1 + ClaimInputs.SLOTS + slot), in.get(1 + 2 * ClaimInputs.SLOTS + slot)));
    system.verify(s, system.prove(s, witness(1)));
  }

  /** A policy whose bounds do not fit the 8 slots is refused by name, on both sides. */
  @Test
  void policyTooLongWithItsBounds_refusedNamingTheBounds() {
    ClaimStatement s = statement("subject_id==2 && birth_year>=1985 && birth_year<=1995"
        + " && blood_group==2 && fitness>=95 && vax_date<=20260301 && clearance>=1"
        + " && issuer==7");
    ProofException p = assertThrows(ProofException.class, () -> system.prove(s, witness(1)));
    assertTrue(p.getMessage().contains("needs 10 of the Groth16 claim circuit's 8 predicate"
        + " slots"), p.getMessage());
    assertTrue(p.getMessage().contains("[fitness<=4294967294, clearance<=4294967294]"),
        p.getMessage());
    MalformedProofException v = assertThrows(MalformedProofException.class,
        () -> system.verify(s, "{}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(v.getMessage().contains("predicate slots"), v.getMessage());
  }
}
