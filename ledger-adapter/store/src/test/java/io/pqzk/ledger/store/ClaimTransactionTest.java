package io.pqzk.ledger.store;

import io.pqzk.ledger.Genesis;

import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ClaimContexts;
import io.pqzk.ledger.ProofVerifier;
import io.pqzk.ledger.TransactionRejectedException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ProofAttachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claim transactions: carried and checked structurally now; their proofs go through the
 * {@link ProofVerifier} seam, and with no verifier registered they are rejected, never accepted
 * unchecked.
 */
class ClaimTransactionTest {
  static TestChain chain;

  @BeforeAll
  static void keys() throws Exception {
    chain = new TestChain(4, "stark");
  }

  static Claim claim(long rootHeight, byte[] proof) {
    return Claim.newBuilder().setRootHeight(rootHeight).setPolicy("fitness>=70")
        .setContext(ByteString.copyFrom(ClaimContexts.of(TestChain.CHAIN, rootHeight,
            chain.clinic.publicKey().keyId(), new byte[ClaimContexts.NONCE_BYTES])))
        .setProof(ProofAttachment.newBuilder().setSystem("stark").setClaim("eligibility")
            .setProof(ByteString.copyFrom(proof)))
        .build();
  }

  @Test
  void submit_claimWithoutRegisteredVerifier_throws(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.write(dir.resolve(Genesis.FILE_NAME), chain.genesisBytes);
    try (Ledger l = Ledger.open(dir, new BlockRules(chain.genesis, List.of()))) {
      chain.fill(l, 1);
      TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.txs.claim(chain.clinic, claim(0, new byte[] {1, 2, 3}))));
      assertTrue(e.getMessage().contains("no verifier for proof system 'stark'"),
          e.getMessage());
    }
  }

  @Test
  void submit_claimWithoutProofBytes_throws(@TempDir Path dir) throws Exception {
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 1);
      TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.txs.claim(chain.clinic, claim(0, new byte[0]))));
      assertTrue(e.getMessage().contains("no proof attachment"), e.getMessage());
    }
  }

  @Test
  void submit_claimOnFutureRoot_throws(@TempDir Path dir) throws Exception {
    BlockRules rules = new BlockRules(chain.genesis, List.of(accepting(new AtomicReference<>())));
    try (Ledger l = Ledger.open(dir, rules)) {
      TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.txs.claim(chain.clinic, claim(5, new byte[] {1}))));
      assertTrue(e.getMessage().contains("which the chain does not have"), e.getMessage());
    }
  }

  @Test
  void claim_sealedWithVerifier_rejectedByValidatorWithout(@TempDir Path dir) throws Exception {
    AtomicReference<byte[]> seenRoot = new AtomicReference<>();
    BlockRules withVerifier = new BlockRules(chain.genesis, List.of(accepting(seenRoot)));
    try (Ledger l = Ledger.open(dir, withVerifier)) {
      chain.fill(l, 2);
      l.submit(chain.txs.claim(chain.clinic, claim(1, new byte[] {9})));
      l.seal(chain.proposer, chain.commits);
      assertTrue(java.util.Arrays.equals(seenRoot.get(), l.state().claimRootAt(0, 1)),
          "the verifier gets the stark registry root of the block the claim names");
    }
    assertEquals(3, new ChainVerifier(withVerifier).verify(dir, null).blocks());
    // a forged attachment sealed by a permissive node: the real STARK verifier rejects the block
    BlockRejectedException e = assertThrows(BlockRejectedException.class,
        () -> new ChainVerifier(chain.rules).verify(dir, null));
    assertEquals(2, e.height());
    assertTrue(e.getMessage().contains("stark proof does not verify"), e.getMessage());
  }

  /** Accepts every proof and records the root it was given (tests the seam, not a proof). */
  static ProofVerifier accepting(AtomicReference<byte[]> seen) {
    return new ProofVerifier() {
      @Override
      public String system() {
        return "stark";
      }

      @Override
      public void verify(Claim claim, byte[] registryRoot, String chainId) {
        seen.set(registryRoot);
      }
    };
  }

}
