package io.pqzk.zk.stark.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.pqzk.zk.stark.StarkAcceptance;
import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.StarkSecurity;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Integrity claims with the STARK (schema-2 records, depth-20 registry): "the record committed
 * under root R has this document digest", with or without attribute predicates. An honest
 * document verifies; a document differing in one byte, another subject's document, a document
 * under another root, and statements of the other schema are refused; the prover refuses to
 * prove any of them, and a proof forced from the real record under another document's statement
 * is rejected by the verifier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityClaimTest {
  static final int DEPTH = 20;
  static final ClaimContext CTX = ClaimContext.ofHex("1e");
  final StarkProofSystem stark = new StarkProofSystem();
  final StarkRegistryHash h = new StarkRegistryHash();
  byte[] docA;
  byte[] docB;
  Record a;
  Record b;
  SparseMerkleTree tree;
  SparseMerkleTree otherTree;
  byte[] proof;

  @BeforeAll
  void setUp() throws ProofException {
    Random r = new Random(2026);
    docA = "medical report of subject 1: fit for deployment".getBytes(StandardCharsets.UTF_8);
    docB = "medical report of subject 2: not fit".getBytes(StandardCharsets.UTF_8);
    a = Record.of(new long[] {1, 1990, 2, 80, 20260115, 3, 7}, DocumentDigest.ofDocument(docA),
        new long[] {r.nextLong() >>> 1, r.nextLong() >>> 1});
    b = Record.of(new long[] {2, 2001, 1, 60, 20250101, 1, 7}, DocumentDigest.ofDocument(docB),
        new long[] {r.nextLong() >>> 1, r.nextLong() >>> 1});
    tree = SparseMerkleTree.build(h, List.of(h.leaf(a), h.leaf(b)));
    // the same record and document, salted afresh, in another registry
    Record a2 = Record.of(a.attributes(), DocumentDigest.ofDocument(docA),
        new long[] {r.nextLong() >>> 1, r.nextLong() >>> 1});
    otherTree = SparseMerkleTree.build(h, List.of(h.leaf(a2)));
    proof = stark.prove(integrity(tree.root(), docA, Policy.none()), witnessA());
  }

  ClaimStatement integrity(byte[] root, byte[] document, Policy policy) {
    return ClaimStatement.integrity(root, policy, CTX, DocumentDigest.ofDocument(document));
  }

  ClaimWitness witnessA() {
    return new ClaimWitness(a, tree.path(0));
  }

  static byte[] flipped(byte[] doc, int at) {
    byte[] d = doc.clone();
    d[at] ^= 1;
    return d;
  }

  @Test
  void verify_honestDocument_accepts() throws ProofException {
    assertEquals("stark", stark.verify(integrity(tree.root(), docA, Policy.none()), proof)
        .system());
  }

  Stream<Arguments> wrongDocuments() {
    return Stream.of(Arguments.of("first byte changed", flipped(docA, 0)),
        Arguments.of("last byte changed", flipped(docA, docA.length - 1)),
        Arguments.of("middle byte changed", flipped(docA, docA.length / 2)),
        Arguments.of("one byte appended", java.util.Arrays.copyOf(docA, docA.length + 1)),
        Arguments.of("another subject's document", docB),
        Arguments.of("empty document", new byte[0]));
  }

  @ParameterizedTest(name = "{0}: rejected, and the prover refuses it")
  @MethodSource("wrongDocuments")
  void verify_wrongDocument_rejected(String what, byte[] doc) {
    ClaimStatement s = integrity(tree.root(), doc, Policy.none());
    assertThrows(ProofRejectedException.class, () -> stark.verify(s, proof));
    assertThrows(ClaimNotSatisfiedException.class, () -> stark.prove(s, witnessA()));
  }

  @Test
  void verify_documentUnderAnotherRoot_rejected() {
    assertThrows(ProofRejectedException.class,
        () -> stark.verify(integrity(otherTree.root(), docA, Policy.none()), proof));
  }

  /** The prover's checks bypassed: the trace of record A under the statement about B's document. */
  @Test
  void verify_forcedProofForAnotherDocument_rejected() {
    ClaimStatement s = integrity(tree.root(), docB, Policy.none());
    ClaimAir air = ClaimAir.of(DEPTH, s, StarkOptions.DEFAULT);
    SecureRandom rnd = new SecureRandom();
    long[][] t = ClaimTrace.build(air, a, tree.path(0), rnd);
    assertTrue(StarkProver.firstViolation(air, t).startsWith("constraint " + air.cDocument));
    byte[] forced = StarkProver.proveUncheckedForTesting(air, t, StarkOptions.DEFAULT, rnd);
    assertThrows(ProofRejectedException.class, () -> stark.verify(s, forced));
  }

  /** To name the subject publicly, the policy adds subject_id==S: another S is rejected. */
  @Test
  void verify_withSubjectPredicate_bindsTheSubject() throws ProofException {
    ClaimStatement s = integrity(tree.root(), docA, Policy.parse("subject_id==1 && fitness>=70"));
    byte[] p = stark.prove(s, witnessA());
    stark.verify(s, p);
    assertThrows(ProofRejectedException.class, () -> stark.verify(
        integrity(tree.root(), docA, Policy.parse("subject_id==2 && fitness>=70")), p));
    assertThrows(ProofRejectedException.class, () -> stark.verify(
        integrity(tree.root(), docA, Policy.none()), p));
    assertThrows(ClaimNotSatisfiedException.class, () -> stark.prove(
        integrity(tree.root(), docA, Policy.parse("subject_id==2")), witnessA()));
  }

  /** A schema-2 eligibility claim keeps the document private; schemas never verify as each other. */
  @Test
  void schemas_areSeparated() throws ProofException {
    ClaimStatement v2 = new ClaimStatement(tree.root(), Policy.parse("fitness>=70"), CTX,
        RecordSchema.V2);
    byte[] p = stark.prove(v2, witnessA());
    stark.verify(v2, p);
    ClaimStatement v1 = new ClaimStatement(tree.root(), Policy.parse("fitness>=70"), CTX);
    assertThrows(ProofRejectedException.class, () -> stark.verify(v1, p));
    assertThrows(ClaimNotSatisfiedException.class, () -> stark.prove(v1, witnessA()));
    assertThrows(ProofRejectedException.class,
        () -> stark.verify(integrity(tree.root(), docA, Policy.parse("fitness>=70")), p));
    // a schema-1 leaf of the same attributes and salt is another leaf
    Record v1a = Record.of(a.attributes(), a.salt());
    assertTrue(!java.util.Arrays.equals(h.leaf(v1a), h.leaf(a)));
  }

  @Test
  void statement_integrityNeedsSchema2_andEmptyPoliciesOnlyForIntegrity() {
    assertThrows(IllegalArgumentException.class, () -> new ClaimStatement(tree.root(),
        Policy.none(), CTX, RecordSchema.V2));
    assertThrows(IllegalArgumentException.class, () -> new ClaimStatement(tree.root(),
        Policy.none(), CTX, RecordSchema.V1, java.util.Optional.of(
            DocumentDigest.ofDocument(docA))));
  }

  /** Integrity proofs are as small as the others: the document adds five assertions' worth. */
  @Test
  void proof_size_withinTheDefaultCap() throws ProofException {
    ClaimStatement s = integrity(tree.root(), docA, Policy.none());
    assertTrue(proof.length <= stark.maxProofBytes(s) && proof.length < 40_000,
        proof.length + " bytes");
    StarkProofSystem strict = new StarkProofSystem(DEPTH,
        StarkAcceptance.of(StarkSecurity.DEFAULT, StarkOptions.DEFAULT));
    strict.verify(s, proof);
  }
}
