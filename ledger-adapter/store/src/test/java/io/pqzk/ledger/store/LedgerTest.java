package io.pqzk.ledger.store;

import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.LedgerCorruptedException;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.TransactionRejectedException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  static TestChain chain;

  @BeforeAll
  static void keys() throws Exception {
    chain = new TestChain(2);
  }

  @Test
  void seal_thenReopen_keepsHeadAndVerifies(@TempDir Path dir) throws Exception {
    byte[] head;
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 3);
      assertEquals(2, l.height());
      head = l.state().headHash();
    }
    try (Ledger l = chain.open(dir)) {
      assertEquals(2, l.height());
      assertArrayEquals(head, l.state().headHash());
      chain.fill(l, 1);
    }
    ChainVerifier.Report r = new ChainVerifier(chain.rules).verify(dir, null);
    assertEquals(4, r.blocks());
    assertEquals(16, r.transactions());
    assertEquals(8, r.registrySize());
    assertEquals(2, r.slhDsaBlockSignatures());
  }

  @Test
  void submit_replayedTransaction_throws(@TempDir Path dir) throws Exception {
    try (Ledger l = chain.open(dir)) {
      byte[] tx = chain.register(chain.randomCommitment());
      l.submit(tx);
      TransactionRejectedException same = assertThrows(TransactionRejectedException.class,
          () -> l.submit(tx));
      assertTrue(same.getMessage().contains("replays"), same.getMessage());
      l.seal(chain.proposer, chain.commits);
      assertThrows(TransactionRejectedException.class, () -> l.submit(tx));
    }
  }

  @Test
  void submit_registrationByClinic_throws(@TempDir Path dir) throws Exception {
    try (Ledger l = chain.open(dir)) {
      byte[] tx = chain.txs.registerRecord(chain.clinic, chain.randomCommitment(), "s");
      TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
          () -> l.submit(tx));
      assertTrue(e.getMessage().contains("authority"), e.getMessage());
    }
  }

  @Test
  void submit_accessWithoutGrant_throws(@TempDir Path dir) throws Exception {
    try (Ledger l = chain.open(dir)) {
      byte[] c = chain.randomCommitment();
      l.submit(chain.register(c));
      assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.access(chain.txs.newGrantId(), c)));
    }
  }

  @Test
  void open_twice_throws(@TempDir Path dir) throws Exception {
    try (Ledger l = chain.open(dir)) {
      assertThrows(LedgerException.class, () -> chain.open(dir));
    }
  }

  @Test
  void reopen_withoutIndex_rebuildsFromBlockFiles(@TempDir Path dir) throws Exception {
    byte[] root;
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 3);
      root = l.state().stateRoot();
    }
    deleteTree(dir.resolve("index"));
    try (Ledger l = chain.open(dir)) {
      assertEquals(3, l.recovery().recoveredBlocks());
      assertArrayEquals(root, l.state().stateRoot());
    }
  }

  @Test
  void reopen_tornTail_truncatesKeepsCopyAndContinues(@TempDir Path dir) throws Exception {
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 2);
    }
    Path seg = ChainFiles.segment0(dir);
    byte[] good = java.nio.file.Files.readAllBytes(seg);
    byte[] torn = java.util.Arrays.copyOf(ChainFiles.records(dir).get(1).payload(), 500);
    java.nio.file.Files.write(seg, new byte[] {'P', 'Q', 'Z', 'B', 0, 0, 9, 0},
        java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.write(seg, torn, java.nio.file.StandardOpenOption.APPEND);
    try (Ledger l = chain.open(dir)) {
      assertEquals(508, l.recovery().truncatedBytes());
      assertEquals(1, l.height());
      assertArrayEquals(good, java.nio.file.Files.readAllBytes(seg));
      assertTrue(java.nio.file.Files.exists(Ledger.blocksDir(dir).resolve(
          "torn-000000-" + good.length + ".bin")), "dropped bytes are kept aside");
      chain.fill(l, 1);
    }
    assertEquals(3, new ChainVerifier(chain.rules).verify(dir, null).blocks());
  }

  @Test
  void reopen_damageBeforeTail_refusesToOpen(@TempDir Path dir) throws Exception {
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 3);
    }
    Path seg = ChainFiles.segment0(dir);
    byte[] f = java.nio.file.Files.readAllBytes(seg);
    long off = ChainFiles.records(dir).get(1).location().offset() + 40;
    f[(int) off] ^= 1;
    java.nio.file.Files.write(seg, f);
    deleteTree(dir.resolve("index"));
    LedgerCorruptedException e = assertThrows(LedgerCorruptedException.class,
        () -> chain.open(dir));
    assertTrue(e.getMessage().contains("block 1"), e.getMessage());
    assertArrayEquals(f, java.nio.file.Files.readAllBytes(seg), "nothing deleted");
  }

  @Test
  void append_blocksSealedElsewhere_sameHeadAndForeignBlockRejectedUnchanged(@TempDir Path dir)
      throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    try (Ledger la = chain.open(a); Ledger lb = chain.open(b)) {
      chain.fill(la, 3);
      for (long h = 0; h <= la.height(); h++) {
        lb.append(la.blockBytes(h), h == la.height() ? la.headCommit() : null);
      }
      assertArrayEquals(la.state().headHash(), lb.state().headHash());
      assertArrayEquals(la.state().stateRoot(), lb.state().stateRoot());
      long size = java.nio.file.Files.size(ChainFiles.segment0(b));
      byte[] replay = la.blockBytes(1);
      BlockRejectedException e = assertThrows(BlockRejectedException.class,
          () -> lb.append(replay, null));
      assertEquals(3, e.height());
      assertEquals(size, java.nio.file.Files.size(ChainFiles.segment0(b)), "nothing written");
      assertEquals(2, lb.height());
    }
  }

  static void deleteTree(Path p) throws Exception {
    try (var s = java.nio.file.Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
