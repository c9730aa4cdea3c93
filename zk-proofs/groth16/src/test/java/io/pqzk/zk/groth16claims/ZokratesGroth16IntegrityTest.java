package io.pqzk.zk.groth16claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.claims.RecordSchema;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Integrity claims with Groth16 (schema-2 records, the Poseidon leaf with the document digest):
 * an honest document verifies; a document differing in one byte, another subject's document and
 * a document under another root are refused; ZoKrates itself refuses a witness whose document is
 * not the disclosed one; schema-2 eligibility claims and schema-1 statements never verify as
 * each other. Shares the artifact directory (one setup) with {@link ZokratesGroth16ClaimTest}.
 */
class ZokratesGroth16IntegrityTest {
  static final ClaimContext CTX = ClaimContext.of("integrity".getBytes(StandardCharsets.US_ASCII));
  static final byte[] DOC_A = "report of subject 1".getBytes(StandardCharsets.UTF_8);
  static final byte[] DOC_B = "report of subject 2".getBytes(StandardCharsets.UTF_8);
  static ZokratesGroth16ProofSystem system;
  static Record a;
  static SparseMerkleTree tree;
  static SparseMerkleTree otherTree;
  static byte[] proof;

  @BeforeAll
  static void setUp() throws Exception {
    ZokratesGroth16ClaimTest.setUp(); // npm ci and the shared setup, if needed
    ZokratesGroth16ClaimTest.tearDown();
    system = new ZokratesGroth16ProofSystem(ClaimCircuit.in(
        Path.of("target", "groth16claims", ClaimCircuit.id(ClaimCircuit.load().source()))));
    PoseidonRegistryHash h = new PoseidonRegistryHash();
    a = Record.of(new long[] {1, 1990, 2, 80, 20260115, 3, 7}, DocumentDigest.ofDocument(DOC_A),
        new long[] {11, 12});
    Record b = Record.of(new long[] {2, 2001, 1, 60, 20250101, 1, 7},
        DocumentDigest.ofDocument(DOC_B), new long[] {21, 22});
    tree = SparseMerkleTree.build(h, List.of(h.leaf(a), h.leaf(b)));
    Record a2 = Record.of(a.attributes(), DocumentDigest.ofDocument(DOC_A), new long[] {31, 32});
    otherTree = SparseMerkleTree.build(h, List.of(h.leaf(a2)));
    proof = system.prove(integrity(tree.root(), DOC_A, Policy.none()), witnessA());
  }

  @AfterAll
  static void tearDown() {
    if (system != null) {
      system.close();
    }
  }

  static ClaimStatement integrity(byte[] root, byte[] doc, Policy policy) {
    return ClaimStatement.integrity(root, policy, CTX, DocumentDigest.ofDocument(doc));
  }

  static ClaimWitness witnessA() {
    return new ClaimWitness(a, tree.path(0));
  }

  static byte[] flipped(byte[] doc, int at) {
    byte[] d = doc.clone();
    d[at] ^= 1;
    return d;
  }

  @Test
  void verify_honestDocument_accepts() throws ProofException {
    assertEquals("zokrates-groth16",
        system.verify(integrity(tree.root(), DOC_A, Policy.none()), proof).system());
  }

  static Stream<Arguments> wrongDocuments() {
    return Stream.of(Arguments.of("first byte changed", flipped(DOC_A, 0)),
        Arguments.of("last byte changed", flipped(DOC_A, DOC_A.length - 1)),
        Arguments.of("another subject's document", DOC_B));
  }

  @ParameterizedTest(name = "{0}: rejected, and the prover refuses it")
  @MethodSource("wrongDocuments")
  void verify_wrongDocument_rejected(String what, byte[] doc) {
    ClaimStatement s = integrity(tree.root(), doc, Policy.none());
    ProofRejectedException e = assertThrows(ProofRejectedException.class,
        () -> system.verify(s, proof));
    assertTrue(e.getMessage().contains("document digest"), e.getMessage());
    assertThrows(ClaimNotSatisfiedException.class, () -> system.prove(s, witnessA()));
  }

  @Test
  void verify_documentUnderAnotherRoot_rejected() {
    assertThrows(ProofRejectedException.class,
        () -> system.verify(integrity(otherTree.root(), DOC_A, Policy.none()), proof));
  }

  /** The Java checks bypassed: the circuit itself refuses record A with B's document disclosed. */
  @Test
  void computeWitness_wrongDisclosedDocument_zokratesRefuses() throws Exception {
    ClaimStatement s = integrity(tree.root(), DOC_B, Policy.none());
    try (ZoKrates zk = ZoKrates.create(Duration.ofMinutes(5))) {
      ClaimCircuit.Prover p = system.circuit().prover(zk);
      String args = ClaimInputs.witnessArguments(s, witnessA());
      assertThrows(ZoKratesException.Witness.class, () -> zk.computeWitness(p.program(), args));
      zk.computeWitness(p.program(), ClaimInputs.witnessArguments(
          integrity(tree.root(), DOC_A, Policy.none()), witnessA())).destroy();
    }
  }

  @Test
  void verify_withSubjectPredicate_bindsTheSubject() throws ProofException {
    ClaimStatement s = integrity(tree.root(), DOC_A, Policy.parse("subject_id==1"));
    byte[] p = system.prove(s, witnessA());
    system.verify(s, p);
    assertThrows(ProofRejectedException.class,
        () -> system.verify(integrity(tree.root(), DOC_A, Policy.parse("subject_id==2")), p));
  }

  @Test
  void schemas_areSeparated() throws ProofException {
    ClaimStatement v2 = new ClaimStatement(tree.root(), Policy.parse("fitness>=70"), CTX,
        RecordSchema.V2);
    byte[] p = system.prove(v2, witnessA());
    system.verify(v2, p);
    ClaimStatement v1 = new ClaimStatement(tree.root(), Policy.parse("fitness>=70"), CTX);
    ProofRejectedException e = assertThrows(ProofRejectedException.class,
        () -> system.verify(v1, p));
    assertTrue(e.getMessage().contains("record schema"), e.getMessage());
    assertThrows(ClaimNotSatisfiedException.class, () -> system.prove(v1, witnessA()));
    assertFalse(java.util.Arrays.equals(new PoseidonRegistryHash().leaf(
        Record.of(a.attributes(), a.salt())), new PoseidonRegistryHash().leaf(a)));
  }
}
