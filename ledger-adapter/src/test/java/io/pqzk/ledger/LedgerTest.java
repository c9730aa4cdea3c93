package io.pqzk.ledger;

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
    ChainVerifier.Report r = new ChainVerifier(chain.rules).verify(Ledger.blocksDir(dir), null);
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
      l.seal(chain.proposer);
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

  static void deleteTree(Path p) throws Exception {
    try (var s = java.nio.file.Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
