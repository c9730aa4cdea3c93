package io.pqzk.ledger.store;

import io.pqzk.ledger.Genesis;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.TransactionRejectedException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.stark.claim.StarkProofSystem;
import io.pqzk.zk.stark.claim.StarkRegistryHash;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STARK claims on the ledger, with real proofs: an honest claim is accepted by the engine and by
 * the independent validator, and every forged or replayed attachment is rejected, each for the
 * reason it names.
 */
class StarkClaimLedgerTest {
  static final String POLICY = "fitness>=70 && vax_date>=20250101";
  static TestChain chain;
  static final StarkRegistryHash HASH = new StarkRegistryHash();
  static final StarkProofSystem STARK = new StarkProofSystem();
  static final SecureRandom RANDOM = new SecureRandom();
  static List<Record> records = new ArrayList<>();
  static List<byte[]> leaves = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    chain = new TestChain(4, "stark");
    for (int i = 0; i < 6; i++) {
      Record r = Record.withRandomSalt(new long[] {100 + i, 1990, 2, 60 + 5 * i, 20250301, 2, 1},
          RANDOM);
      records.add(r);
      leaves.add(HASH.leaf(r));
    }
  }

  /** Block 0 registers records 0-2, block 1 records 3-5. */
  Ledger openWithRecords(Path dir) throws Exception {
    return chain.openWithRegistrations(dir, 2, 3, i -> List.of(leaves.get(i)));
  }

  /** Root of the registry after {@code n} records, as a prover computes it from the records. */
  static SparseMerkleTree tree(int n) {
    return SparseMerkleTree.build(HASH, leaves.subList(0, n));
  }

  static byte[] prove(SparseMerkleTree tree, int index, String policy, byte[] context)
      throws Exception {
    return TestChain.proveClaim(STARK, tree, records.get(index), index, policy, context);
  }

  static Claim claim(long rootHeight, String policy, byte[] context, byte[] proof) {
    return TestChain.claim("stark", rootHeight, policy, context, proof);
  }

  byte[] submitRejected(Ledger l, Claim c, String expected) {
    TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
        () -> l.submit(chain.txs.claim(chain.clinic, c)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    return null;
  }

  @Test
  void honestClaim_acceptedByEngineAndIndependentValidator(@TempDir Path dir) throws Exception {
    byte[] ctx = TestChain.claimContext(TestChain.CHAIN, 0, chain.clinic);
    try (Ledger l = openWithRecords(dir)) {
      assertArrayEquals(tree(3).root(), l.state().claimRootAt(0, 0),
          "the header's stark root is the root a prover computes from the records");
      assertArrayEquals(tree(6).root(), l.state().claimRootAt(0, 1));
      l.submit(chain.txs.claim(chain.clinic, claim(0, POLICY, ctx, prove(tree(3), 2, POLICY, ctx))));
      l.seal(chain.proposer, chain.commits);
    }
    ChainVerifier.Report r = new ChainVerifier(new BlockRules(
        Genesis.load(dir.resolve(Genesis.FILE_NAME)))).verify(dir, null);
    assertEquals(3, r.blocks());
  }

  @Test
  void forgedAttachments_rejectedWithTheirReason(@TempDir Path dir) throws Exception {
    byte[] ctx = TestChain.claimContext(TestChain.CHAIN, 0, chain.clinic);
    byte[] proof = prove(tree(3), 2, POLICY, ctx);
    try (Ledger l = openWithRecords(dir)) {
      byte[] flipped = proof.clone();
      flipped[flipped.length / 2] ^= 1;
      submitRejected(l, claim(0, POLICY, ctx, flipped), "stark proof does not verify");
      submitRejected(l, claim(0, "fitness>=71 && vax_date>=20250101", ctx, proof),
          "stark proof does not verify");
      // the same proof against block 1's root (more records, another root), context to match
      byte[] ctx1 = TestChain.claimContext(TestChain.CHAIN, 1, chain.clinic);
      submitRejected(l, claim(1, POLICY, ctx1, prove(tree(3), 2, POLICY, ctx1)),
          "stark proof does not verify");
      submitRejected(l, claim(1, POLICY, ctx, proof), "claim context must be");
      submitRejected(l, claim(7, POLICY, TestChain.claimContext(TestChain.CHAIN, 7, chain.clinic),
          proof), "which the chain does not have");
      byte[] other = TestChain.claimContext("another-chain", 0, chain.clinic);
      submitRejected(l, claim(0, POLICY, other, prove(tree(3), 2, POLICY, other)),
          "claim context must be");
      Claim groth = claim(0, POLICY, ctx, proof).toBuilder()
          .setProof(ProofAttachment.newBuilder().setSystem("zokrates-groth16")
              .setProof(ByteString.copyFrom(proof))).build();
      submitRejected(l, groth, "not among the genesis claim systems");
      Claim withInputs = claim(0, POLICY, ctx, proof).toBuilder()
          .setProof(claim(0, POLICY, ctx, proof).getProof().toBuilder()
              .addPublicInputs(ByteString.copyFrom(new byte[32]))).build();
      submitRejected(l, withInputs, "takes none from the prover");
      // finally the honest one goes through once, and its replay in a new transaction does not
      l.submit(chain.txs.claim(chain.clinic, claim(0, POLICY, ctx, proof)));
      submitRejected(l, claim(0, POLICY, ctx, proof), "already used");
      l.seal(chain.proposer, chain.commits);
      submitRejected(l, claim(0, POLICY, ctx, proof), "already used");
    }
  }

  /**
   * The audit's order-of-checks finding: a claim's proof was verified before the transaction's
   * signature, so anyone could make a validator spend a proof verification on a transaction
   * nobody signed. Now the signature is checked first: a claim with a bad proof and a bad
   * signature is refused for its signature.
   */
  @Test
  void claimWithBadSignatureAndBadProof_refusedForTheSignature_beforeAnyProofWork(
      @TempDir Path dir) throws Exception {
    byte[] ctx = TestChain.claimContext(TestChain.CHAIN, 0, chain.clinic);
    byte[] proof = prove(tree(3), 2, POLICY, ctx);
    proof[proof.length / 2] ^= 1;
    io.pqzk.ledger.proto.Transaction t = io.pqzk.ledger.proto.Transaction.parseFrom(
        chain.txs.claim(chain.clinic, claim(0, POLICY, ctx, proof)));
    byte[] sig = t.getSignature().getSignature().toByteArray();
    sig[10] ^= 1;
    byte[] unsigned = t.toBuilder().setSignature(t.getSignature().toBuilder()
        .setSignature(ByteString.copyFrom(sig))).build().toByteArray();
    try (Ledger l = openWithRecords(dir)) {
      TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
          () -> l.submit(unsigned));
      assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
      assertFalse(e.getMessage().contains("proof"), e.getMessage());
      // the same with a correct signature: now the proof is what is refused
      submitRejected(l, claim(0, POLICY, ctx, proof), "stark proof does not verify");
    }
  }

  @Test
  void pendingClaimCopiedByAnotherAuthor_refused_andTheHonestOneLands(@TempDir Path dir)
      throws Exception {
    byte[] ctx = TestChain.claimContext(TestChain.CHAIN, 0, chain.clinic);
    Claim honest = claim(0, POLICY, ctx, prove(tree(3), 2, POLICY, ctx));
    try (Ledger l = openWithRecords(dir)) {
      // another genesis member saw the clinic's pending claim and submits it first, as its own
      TransactionRejectedException copied = assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.txs.claim(chain.authority, honest)));
      assertTrue(copied.getMessage().contains("claim context must be")
          && copied.getMessage().contains(chain.authority.publicKey().keyIdHex()),
          copied.getMessage());
      // naming itself in the context instead breaks the proof, which commits to the context
      Claim renamed = honest.toBuilder().setContext(ByteString.copyFrom(
          TestChain.renamedContext(ctx, chain.authority))).build();
      TransactionRejectedException forged = assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.txs.claim(chain.authority, renamed)));
      assertTrue(forged.getMessage().contains("stark proof does not verify"),
          forged.getMessage());
      l.submit(chain.txs.claim(chain.clinic, honest));
      l.seal(chain.proposer, chain.commits);
    }
    assertEquals(3, new ChainVerifier(chain.rules).verify(dir, null).blocks());
  }

  @Test
  void registrations_withoutOrWithBadLeaves_rejected(@TempDir Path dir) throws Exception {
    try (Ledger l = chain.open(dir)) {
      TransactionRejectedException missing = assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.txs.registerRecord(chain.authority, chain.randomCommitment(),
              "service-member/v1")));
      assertTrue(missing.getMessage().contains("carries 0 claim registry leaves"),
          missing.getMessage());
      byte[] bad = new byte[32];
      java.util.Arrays.fill(bad, (byte) 0xff);
      TransactionRejectedException nonCanonical = assertThrows(
          TransactionRejectedException.class,
          () -> l.submit(chain.txs.registerRecord(chain.authority, chain.randomCommitment(),
              "service-member/v1", List.of(bad))));
      assertTrue(nonCanonical.getMessage().contains("leaf for 'stark' is invalid"),
          nonCanonical.getMessage());
    }
  }

  @Test
  void falseClaims_cannotBeProven() {
    byte[] ctx = TestChain.claimContext(TestChain.CHAIN, 0, chain.clinic);
    // record 0 has fitness 60: the policy fails
    assertThrows(ClaimNotSatisfiedException.class, () -> prove(tree(3), 0, POLICY, ctx));
    // record 5 is not under block 0's root: its path there leads elsewhere
    SparseMerkleTree t3 = tree(3);
    assertThrows(ClaimNotSatisfiedException.class, () -> STARK.prove(
        new ClaimStatement(t3.root(), Policy.parse(POLICY), ClaimContext.of(ctx)),
        new ClaimWitness(records.get(5), t3.path(2))));
  }
}
