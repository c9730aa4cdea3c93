package io.pqzk.cli.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.CliRun;
import io.pqzk.ledger.store.ChainFiles;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.store.StoredBlock;
import io.pqzk.ledger.store.TestChain;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk chain verify} exits 1 only for a chain that does not verify: running out of heap or
 * a scratch store that cannot be made is exit 3 in one line, and a torn record at the end of the
 * files (an interrupted append) is a warning naming the block after which it starts, exit 0,
 * unless the stored head certificate shows that the torn block had been acknowledged.
 */
class VerifyExitCodeTest {
  @TempDir static Path shared;
  static Path pristine;
  @TempDir Path work;

  @BeforeAll
  static void buildChain() throws Exception {
    pristine = shared.resolve("pristine");
    TestChain chain = new TestChain(1);
    try (Ledger l = chain.open(pristine)) {
      chain.fill(l, 3);
    }
  }

  private Path copy() throws Exception {
    Path data = work.resolve("data");
    ChainFiles.copyTree(pristine, data);
    return data;
  }

  @Test
  void outOfMemoryInTheParallelChecks_exits3_inOneLine() throws Exception {
    // the block fits 64 MiB, but not the copies its checks make on every core: some run out
    // in a worker thread, which left chain verify waiting for it forever (the worker may also
    // die of a class that out of memory kept from initializing: "a worker thread died")
    Path chain = LargeChain.of(8600, 4096);
    ChildJvm.Result r = ChildJvm.pqzk(work, List.of("-Xmx64m"), "chain", "verify", "--quiet",
        "--data", chain.toString());
    assertEquals(3, r.exit(), r::describe);
    assertEquals(1, r.err().strip().lines().count(), r::describe);
    assertTrue(r.err().startsWith("pqzk: internal error: "), r::describe);
  }

  @Test
  void tornRecordAtTheEnd_warnsNamingTheBlockBeforeIt_exit0() throws Exception {
    Path data = copy();
    List<StoredBlock> blocks = ChainFiles.records(data);
    // a crash in the middle of an append: the first part of a record, header and all
    byte[] record = Files.readAllBytes(ChainFiles.segment0(data));
    byte[] start = Arrays.copyOfRange(record, 0, 20 + blocks.get(0).payload().length / 2);
    ByteBuffer.wrap(start).putLong(8, 3); // labelled as the next height, as the engine writes it
    Files.write(ChainFiles.segment0(data), start, StandardOpenOption.APPEND);
    expectTornTail(data);
  }

  @Test
  void zerosAtTheEnd_warnsNamingTheBlockBeforeIt_exit0() throws Exception {
    Path data = copy();
    // the file grew before its data reached the disk
    Files.write(ChainFiles.segment0(data), new byte[4096], StandardOpenOption.APPEND);
    expectTornTail(data);
  }

  private static void expectTornTail(Path data) throws Exception {
    Map<String, String> before = ChainFiles.fingerprint(data);
    CliRun r = CliRun.of("chain", "verify", "--quiet", "--data", data.toString());
    assertEquals(0, r.exit(), r::describe);
    assertTrue(r.out().contains("3 blocks"), r::describe);
    assertTrue(r.out().contains("finalized height 2"), r::describe);
    assertEquals(1, r.err().strip().lines().count(), r::describe);
    assertTrue(r.err().startsWith("pqzk: warning: the block files end in a torn record after"
        + " block 2"), r::describe);
    assertEquals(before, ChainFiles.fingerprint(data), "verify must not repair the files");
  }

  @Test
  void certifiedLastBlockCutShort_isNotATornTail_exit1NamingIt() throws Exception {
    Path data = copy();
    Path seg = ChainFiles.segment0(data);
    byte[] f = Files.readAllBytes(seg);
    // block 2 was acknowledged (head.qc certifies it): losing its end is no interrupted append
    Files.write(seg, Arrays.copyOf(f, f.length - 100));
    CliRun r = CliRun.of("chain", "verify", "--quiet", "--data", data.toString());
    assertEquals(1, r.exit(), r::describe);
    assertEquals(1, r.err().strip().lines().count(), r::describe);
    assertTrue(r.err().startsWith("pqzk: chain verification failed at block 2: damaged at the"
        + " end of the block files"), r::describe);
    assertTrue(r.err().contains("a commit certificate of it is stored: it was final"),
        r::describe);
  }

  @Test
  void damagedRecordBeforeTheEnd_isNotATornTail_exit1() throws Exception {
    Path data = copy();
    Path seg = ChainFiles.segment0(data);
    byte[] f = Files.readAllBytes(seg);
    long at = ChainFiles.records(data).get(1).location().offset() + 40;
    f[(int) at] ^= 1;
    Files.write(seg, f);
    CliRun r = CliRun.of("chain", "verify", "--quiet", "--data", data.toString());
    assertEquals(1, r.exit(), r::describe);
    assertTrue(r.err().contains("block 1"), r::describe);
  }

  @Test
  void scratchStoreCannotBeMade_exits3_inOneLine() throws Exception {
    Path data = copy();
    Path notADirectory = Files.writeString(work.resolve("tmp-is-a-file"), "x");
    ChildJvm.Result r = ChildJvm.pqzk(work, List.of("-Djava.io.tmpdir=" + notADirectory),
        "chain", "verify", "--quiet", "--data", data.toString());
    assertEquals(3, r.exit(), r::describe);
    // newer JVMs warn about such a java.io.tmpdir themselves, before pqzk runs: not pqzk's line
    List<String> lines = r.err().strip().lines()
        .filter(l -> !l.startsWith("WARNING: java.io.tmpdir")).toList();
    assertEquals(1, lines.size(), r::describe);
    assertTrue(lines.get(0).startsWith("pqzk: internal error: "), r::describe);
    assertTrue(lines.get(0).contains("scratch store"), r::describe);
  }

  @Test
  void outOfMemory_exits3_inOneLine() throws Exception {
    // a block of 4095 registrations, about 14 MiB: checking it needs about 96 MiB, and pqzk
    // itself starts in about 14 MiB
    Path chain = LargeChain.of(8600, 4096);
    ChildJvm.Result r = ChildJvm.pqzk(work, List.of("-Xmx24m"), "chain", "verify", "--quiet",
        "--data", chain.toString());
    assertEquals(3, r.exit(), r::describe);
    assertEquals(1, r.err().strip().lines().count(), r::describe);
    assertTrue(r.err().startsWith("pqzk: internal error: out of memory"), r::describe);
    assertFalse(r.err().contains("while starting"), r::describe);
    assertFalse(r.out().contains("verified"), r::describe);
  }
}
