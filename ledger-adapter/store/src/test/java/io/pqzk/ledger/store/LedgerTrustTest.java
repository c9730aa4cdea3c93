package io.pqzk.ledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.BlockSealer;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.LedgerCorruptedException;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.StateKeys;
import io.pqzk.ledger.StateStore;
import io.pqzk.ledger.TransactionRejectedException;
import io.pqzk.ledger.UnsupportedVersionException;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Limits;
import io.pqzk.ledger.proto.RecordRegistration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's findings on time, on what the engine seals, on limits and on format versions, each
 * reproduced and shown refused.
 */
class LedgerTrustTest {
  @TempDir Path dir;

  // ---- time --------------------------------------------------------------------------------

  @Test
  void blockStampedAtLongMax_isNeverCertifiedNorAppended() throws Exception {
    TestChain chain = new TestChain(1);
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 1);
      ChainState s = l.state();
      // a rogue proposer stamps its block at the end of time
      BlockDraft d = chain.rules.draft(s, Long.MAX_VALUE);
      d.admit(chain.rules.parseTransaction(chain.register(chain.randomCommitment())));
      BlockSealer.Sealed forged = new BlockSealer(chain.rules).seal(d, s, chain.proposer,
          Long.MAX_VALUE, l.headCommit().toByteArray());
      BlockRules.ValidatedBlock v = chain.rules.validate(forged.bytes(), s);
      BlockRejectedException e = assertThrows(BlockRejectedException.class,
          () -> chain.commits.vouch(v, System.currentTimeMillis()));
      assertTrue(e.getMessage().contains("ahead of this validator's clock"), e.getMessage());
      assertThrows(BlockRejectedException.class, () -> l.append(forged.bytes(),
          chain.commits.certify(v, System.currentTimeMillis())));
      assertEquals(0, l.height(), "nothing appended");
    }
  }

  @Test
  void blockStampedFarBehind_isNotCertified() throws Exception {
    TestChain chain = new TestChain(1);
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 1);
      long stale = l.state().headTimestamp() + 1;
      BlockDraft d = chain.rules.draft(l.state(), stale);
      BlockSealer.Sealed b = new BlockSealer(chain.rules).seal(d, l.state(), chain.proposer,
          stale, l.headCommit().toByteArray());
      BlockRules.ValidatedBlock v = chain.rules.validate(b.bytes(), l.state());
      long now = stale + 31_000; // the default drift bound is 30 s
      BlockRejectedException e = assertThrows(BlockRejectedException.class,
          () -> chain.commits.vouch(v, now));
      assertTrue(e.getMessage().contains("behind this validator's clock"), e.getMessage());
    }
  }

  @Test
  void blockTime_mustStrictlyIncrease() throws Exception {
    TestChain chain = new TestChain(1);
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 1);
      long same = l.state().headTimestamp();
      BlockDraft d = chain.rules.draft(l.state(), same);
      BlockSealer.Sealed b = new BlockSealer(chain.rules).seal(d, l.state(), chain.proposer,
          same, l.headCommit().toByteArray());
      BlockRejectedException e = assertThrows(BlockRejectedException.class,
          () -> chain.rules.validate(b.bytes(), l.state()));
      assertTrue(e.getMessage().contains("strictly increase"), e.getMessage());
    }
  }

  @Test
  void certifiedBlocks_replayedYearsLater_neverConsultTheClock() throws Exception {
    TestChain chain = new TestChain(1);
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 3);
    }
    RocksStateStore.destroy(dir.resolve("index")); // the state is rebuilt from the block files
    long tenYears = System.currentTimeMillis() + 10L * 365 * 24 * 3600 * 1000;
    try (Ledger l = Ledger.open(dir, chain.rules, BlockFiles.DEFAULT_SEGMENT_BYTES,
        () -> tenYears)) {
      assertEquals(2, l.height());
      assertEquals(2, l.finalizedHeight());
    }
  }

  // ---- the engine checks what it seals -------------------------------------------------------

  @Test
  void seal_byKeyOutsideTheGenesis_isRefusedAndNothingWritten() throws Exception {
    TestChain chain = new TestChain(1);
    ProposerKeys outsider = new ProposerKeys("mallory", Signatures.generate("ML-DSA-65"),
        Signatures.generate("SLH-DSA-SHA2-128f"));
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 1);
      long size = Files.size(ChainFiles.segment0(dir));
      l.submit(chain.register(chain.randomCommitment()));
      BlockRejectedException e = assertThrows(BlockRejectedException.class,
          () -> l.seal(outsider, chain.commits));
      assertTrue(e.getMessage().contains("not a validator"), e.getMessage());
      assertEquals(size, Files.size(ChainFiles.segment0(dir)), "nothing appended");
      assertEquals(0, l.height());
      l.seal(chain.proposer, chain.commits); // the honest proposer goes on
      assertEquals(1, l.height());
    }
  }

  @Test
  void seal_withFewerKeysThanTheQuorum_isRefused() throws Exception {
    TestChain chain = TestChain.withValidators(4);
    CommitSigner two = new CommitSigner(chain.rules,
        List.of(chain.validators.get(0).mlDsa(), chain.validators.get(1).mlDsa()));
    try (Ledger l = chain.open(dir)) {
      l.submit(chain.register(chain.randomCommitment()));
      BlockRejectedException e = assertThrows(BlockRejectedException.class,
          () -> l.seal(chain.proposer, two));
      assertTrue(e.getMessage().contains("a commit needs 3 of 4"), e.getMessage());
      assertEquals(-1, l.height());
    }
  }

  @Test
  void open_indexWhoseHeadDiffersFromTheFiles_isRefused() throws Exception {
    TestChain chain = new TestChain(1);
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 2);
    }
    try (RocksStateStore s = RocksStateStore.open(dir.resolve("index"))) {
      byte[] key = StateKeys.key(StateKeys.META, "head".getBytes(StandardCharsets.US_ASCII));
      byte[] head = s.get(key);
      head[8] ^= 1; // the head hash, right after the 8-byte height
      s.write(List.of(new StateStore.Put(key, head)));
    }
    LedgerCorruptedException e = assertThrows(LedgerCorruptedException.class,
        () -> chain.open(dir));
    assertTrue(e.getMessage().contains("head hash differs"), e.getMessage());
  }

  // ---- limits ----------------------------------------------------------------------------------

  @Test
  void transactionOverTheLimit_isRefusedAtAdmission_beforeAnyOtherCheck() throws Exception {
    TestChain chain = new TestChain(1);
    byte[] huge = chain.txs.sign(chain.authority, chain.txs.body(chain.authority)
        .setRecordRegistration(RecordRegistration.newBuilder()
            .setCommitment(ByteString.copyFrom(new byte[32]))
            .setSchema("x".repeat((1 << 20) + 10))));
    try (Ledger l = chain.open(dir)) {
      TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
          () -> l.submit(huge));
      assertTrue(e.getMessage().contains("the genesis allows at most 1048576"), e.getMessage());
    }
  }

  @Test
  void pendingBeyondTheBlockLimit_fillsBlocksBelowIt_andNothingWedges() throws Exception {
    TestChain base = new TestChain(1);
    // a genesis with small blocks: 80 KiB, transactions up to 4 KiB (ML-DSA-65 registrations)
    GenesisBuilder g = new GenesisBuilder(TestChain.CHAIN, 1_700_000_000_000L)
        .validator("validator-0", base.validatorMl.publicKey(), base.validatorSlh.publicKey())
        .authority("medical-authority", base.authority.publicKey())
        .limits(Limits.newBuilder().setMaxTransactionBytes(4 << 10).setMaxBlockBytes(80 << 10)
            .setMaxBlockTransactions(4096).setMaxClockDriftMillis(30_000).build());
    Genesis genesis = Genesis.parse(g.toJson());
    Files.write(dir.resolve(Genesis.FILE_NAME), g.toJson());
    BlockRules rules = new BlockRules(genesis);
    CommitSigner commits = new CommitSigner(rules, List.of(base.validatorMl));
    try (Ledger l = Ledger.open(dir, rules)) {
      for (int i = 0; i < 40; i++) { // 40 x ~3.6 KiB: about three blocks' worth
        l.submit(base.register(base.randomCommitment()));
      }
      int blocks = 0;
      while (l.pendingCount() > 0) {
        Ledger.SealResult r = l.seal(base.proposer, commits);
        assertTrue(r.sealed().bytes().length <= 80 << 10, "block within the limit");
        blocks++;
      }
      assertTrue(blocks >= 3, "spread over several blocks: " + blocks);
    }
  }

  // ---- versions -------------------------------------------------------------------------------

  @Test
  void genesisOfAnotherVersion_isRefusedNamingIt() {
    byte[] v1 = ("{\"format\": \"pqzk-genesis/v1\", \"chainId\": \"x\", \"validators\": []}")
        .getBytes(StandardCharsets.UTF_8);
    UnsupportedVersionException e = assertThrows(UnsupportedVersionException.class,
        () -> Genesis.parse(v1));
    assertTrue(e.getMessage().contains("'pqzk-genesis/v1'"), e.getMessage());
    assertTrue(e.getMessage().contains("reads pqzk-genesis/v2"), e.getMessage());
  }

  @Test
  void dataDirectoryOfAnotherVersion_isRefusedNamingIt() throws Exception {
    TestChain chain = new TestChain(1);
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 1);
    }
    Files.writeString(dir.resolve(DataDirectory.FORMAT_FILE), "pqzk-data/v9\n");
    UnsupportedVersionException e = assertThrows(UnsupportedVersionException.class,
        () -> chain.open(dir));
    assertTrue(e.getMessage().contains("'pqzk-data/v9'"), e.getMessage());
    Files.delete(dir.resolve(DataDirectory.FORMAT_FILE)); // as an earlier pqzk left it
    UnsupportedVersionException old = assertThrows(UnsupportedVersionException.class,
        () -> chain.open(dir));
    assertTrue(old.getMessage().contains("pqzk-data/v1"), old.getMessage());
  }
}
