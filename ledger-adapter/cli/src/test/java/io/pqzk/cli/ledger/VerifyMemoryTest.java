package io.pqzk.cli.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk chain verify} keeps what it learns (transaction ids, commitments, grants, header
 * hashes) in a scratch store on disk, so its heap does not grow with the chain: a chain of 10^5
 * transactions verifies in a child JVM limited to 64 MiB of heap, and one of 10^6 (tagged
 * {@code slow}: {@code -Dexhaustive}) in 128 MiB. Each run prints the child's peak heap from its
 * collector log.
 */
class VerifyMemoryTest {
  static final int PER_BLOCK = 1000;

  @Test
  void verify_100kTransactions_in64MiB(@TempDir Path work) throws Exception {
    verifyWithin(100_000, "64m", work);
  }

  @Test
  @Tag("slow")
  void verify_1MTransactions_in128MiB(@TempDir Path work) throws Exception {
    verifyWithin(1_000_000, "128m", work);
  }

  private static void verifyWithin(int transactions, String heap, Path work) throws Exception {
    Path chain = LargeChain.of(transactions, PER_BLOCK);
    long blocks = LargeChain.blocks(transactions, PER_BLOCK);
    Path gc = work.resolve("gc.log");
    ChildJvm.Result r = ChildJvm.pqzk(work, List.of("-Xmx" + heap, ChildJvm.gcLog(gc)),
        "chain", "verify", "--quiet", "--data", chain.toString());
    ChildJvm.Heap used = ChildJvm.heap(gc);
    System.out.printf("chain verify of %,d transactions in %d blocks with -Xmx%s: exit %d, %s%n",
        transactions, blocks, heap, r.exit(), used);
    assertEquals(0, r.exit(), r::describe);
    assertTrue(r.out().contains(blocks + " blocks, " + transactions + " transactions"), r.out());
    assertTrue(r.out().contains("finalized height " + (blocks - 1)), r.out());
    assertTrue(r.err().isBlank(), r::describe);
  }
}
