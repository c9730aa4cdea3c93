package io.pqzk.cli.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.CliRun;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.ChainFiles;
import io.pqzk.ledger.store.Ledger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk demo} never destroys what is not its own: a directory of a user's files is refused
 * and left as it was, with or without {@code --force}; a ledger open in another process (or in
 * this one) is refused and its lock file survives; on a directory an earlier demo made, {@code
 * --force} replaces the demo's files and leaves everything else.
 */
class DemoDirectoryTest {
  @TempDir Path dir;

  @Test
  void usersDirectoryWithoutGenesis_refusedAndUntouched_withAndWithoutForce() throws Exception {
    // what the demo used to delete without asking: keys/, records/, index/ and LOCK
    Path d = dir.resolve("mine");
    write(d.resolve("keys/id_mldsa.key"), "my key");
    write(d.resolve("records/patients.csv"), "subject_id\n1\n");
    write(d.resolve("index/notes.txt"), "notes");
    write(d.resolve("LOCK"), "");
    write(d.resolve("thesis.tex"), "\\documentclass{article}");
    Map<String, String> before = ChainFiles.fingerprint(d);
    for (boolean force : new boolean[] {false, true}) {
      CliRun r = demo(d, force);
      assertEquals(2, r.exit(), r::describe);
      assertTrue(r.err().contains("is not a pqzk demo directory"), r::describe);
      assertEquals(1, r.err().strip().lines().count(), r::describe);
      assertEquals(before, ChainFiles.fingerprint(d), "the demo changed a user's directory");
    }
  }

  @Test
  void force_whileLedgerOpenInThisProcess_refused_lockFileSurvives() throws Exception {
    Path d = dir.resolve("demo");
    assertEquals(0, demo(d, false).exit());
    Object inode = Files.getAttribute(d.resolve("LOCK"), "unix:ino");
    try (Ledger open = Ledger.open(d, rules(d))) {
      Map<String, String> before = withoutIndex(d);
      CliRun r = demo(d, true);
      assertEquals(2, r.exit(), r::describe);
      assertTrue(r.err().contains("is open in another process"), r::describe);
      assertEquals(before, withoutIndex(d), "the demo changed an open ledger's directory");
      assertEquals(inode, Files.getAttribute(d.resolve("LOCK"), "unix:ino"));
      // and the lock still holds for everyone else (closing a second descriptor of the lock
      // file would have dropped this process's POSIX lock)
      Process other = new ProcessBuilder(ChildJvm.command(List.of(),
          LedgerHolder.class.getName(), d.toString())).redirectErrorStream(true).start();
      other.getOutputStream().close();
      String said = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, other.waitFor(), said);
      assertTrue(said.startsWith("REFUSED ") && said.contains("open in another process"), said);
      assertTrue(open.height() >= 0);
    }
    assertEquals(0, demo(d, true).exit(), "once the ledger is closed, --force replaces it");
  }

  @Test
  void force_whileLedgerOpenInAnotherProcess_refused_lockFileSurvives() throws Exception {
    Path d = dir.resolve("demo");
    assertEquals(0, demo(d, false).exit());
    Object inode = Files.getAttribute(d.resolve("LOCK"), "unix:ino");
    Process holder = new ProcessBuilder(ChildJvm.command(List.of(), LedgerHolder.class.getName(),
        d.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("OPEN "), "the holder did not open: " + line);
      Map<String, String> before = withoutIndex(d);
      CliRun r = demo(d, true);
      assertEquals(2, r.exit(), r::describe);
      assertTrue(r.err().contains("is open in another process"), r::describe);
      assertEquals(before, withoutIndex(d), "the demo changed an open ledger's directory");
      assertEquals(inode, Files.getAttribute(d.resolve("LOCK"), "unix:ino"));
      holder.getOutputStream().close(); // the holder closes its ledger
      assertEquals("CLOSED", out.readLine());
      assertEquals(0, holder.waitFor());
    } finally {
      holder.destroyForcibly();
    }
    assertEquals(0, demo(d, true).exit(), "once the ledger is closed, --force replaces it");
  }

  @Test
  void force_whileTheEscrowIsOpenInAnotherProcess_refused_nothingDeleted() throws Exception {
    // pqzk records commands open the owner's escrow without the ledger (and its lock)
    Path d = dir.resolve("demo");
    assertEquals(0, demo(d, false).exit());
    Process holder = new ProcessBuilder(ChildJvm.command(List.of(), EscrowHolder.class.getName(),
        d.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertEquals("OPEN", line, "the holder did not open the escrow");
      Map<String, String> before = outside(d, "escrow/");
      CliRun r = demo(d, true);
      assertEquals(2, r.exit(), r::describe);
      assertEquals(1, r.err().strip().lines().count(), r::describe);
      assertTrue(r.err().contains("escrow is open in another process"), r::describe);
      assertTrue(r.err().contains("the demo deleted nothing"), r::describe);
      assertEquals(before, outside(d, "escrow/"), "the demo deleted part of the directory");
      holder.getOutputStream().close();
      assertEquals("CLOSED", out.readLine());
      assertEquals(0, holder.waitFor());
    } finally {
      holder.destroyForcibly();
    }
    CliRun r = demo(d, true);
    assertEquals(0, r.exit(), r::describe);
  }

  @Test
  void clusterDemo_refusesAForeignDirectory_evenWithForce_untouched() throws Exception {
    // a user's files, and a single-node demo's directory: neither is a cluster demo's to clear
    Path mine = dir.resolve("mine");
    write(mine.resolve("thesis.tex"), "\\documentclass{article}");
    write(mine.resolve("n0/data/ledger/genesis.json"), "{}");
    Path single = dir.resolve("single");
    assertEquals(0, demo(single, false).exit());
    for (Path d : List.of(mine, single)) {
      Map<String, String> before = ChainFiles.fingerprint(d);
      for (boolean force : new boolean[] {false, true}) {
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--nodes", "4",
            "--records", "10", "--data", d.toString()));
        if (force) {
          args.add("--force");
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, r.exit(), r::describe);
        assertEquals(1, r.err().strip().lines().count(), r::describe);
        assertTrue(r.err().contains("is not a cluster demo's directory (no PQZK-CLUSTER-DEMO"
            + " file)"), r::describe);
        assertEquals(before, ChainFiles.fingerprint(d), "the cluster demo changed " + d);
      }
    }
  }

  @Test
  void singleNodeDemo_refusesAClusterDemosDirectory_evenWithForce() throws Exception {
    Path cluster = dir.resolve("cluster");
    write(cluster.resolve("PQZK-CLUSTER-DEMO"), "Made by `pqzk demo --nodes`.\n");
    write(cluster.resolve("n0/data/ledger/genesis.json"), "{}");
    Map<String, String> before = ChainFiles.fingerprint(cluster);
    for (boolean force : new boolean[] {false, true}) {
      CliRun r = demo(cluster, force);
      assertEquals(2, r.exit(), r::describe);
      assertTrue(r.err().contains("is not a pqzk demo directory"), r::describe);
      assertEquals(before, ChainFiles.fingerprint(cluster));
    }
  }

  @Test
  void force_onDemoDirectory_replacesTheDemosFiles_keepsEverythingElse() throws Exception {
    Path d = dir.resolve("demo");
    assertEquals(0, demo(d, false).exit());
    String chainBefore = Genesis.load(d.resolve(Genesis.FILE_NAME)).chainId();
    Object inode = Files.getAttribute(d.resolve("LOCK"), "unix:ino");
    write(d.resolve("notes.txt"), "what I saw in the demo");
    write(d.resolve("keys/my-own.txt"), "not a demo key");
    write(d.resolve("blocks/copy-of-block-0.bin"), "kept");

    CliRun again = demo(d, false);
    assertEquals(2, again.exit(), again::describe);
    assertTrue(again.err().contains("already holds a chain; pass --force"), again::describe);

    CliRun r = demo(d, true);
    assertEquals(0, r.exit(), r::describe);
    assertNotEquals(chainBefore, Genesis.load(d.resolve(Genesis.FILE_NAME)).chainId());
    assertEquals("what I saw in the demo", Files.readString(d.resolve("notes.txt")));
    assertEquals("not a demo key", Files.readString(d.resolve("keys/my-own.txt")));
    assertEquals("kept", Files.readString(d.resolve("blocks/copy-of-block-0.bin")));
    assertEquals(inode, Files.getAttribute(d.resolve("LOCK"), "unix:ino"));
    CliRun verify = CliRun.of("chain", "verify", "--quiet", "--data", d.toString());
    assertEquals(0, verify.exit(), verify::describe);
  }

  @Test
  void emptyDirectory_orOneHoldingOnlyALockFile_isUsed() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(0, demo(empty, false).exit());
    assertTrue(Files.isRegularFile(empty.resolve("PQZK-DEMO")));
    Path lockOnly = dir.resolve("lock-only");
    write(lockOnly.resolve("LOCK"), "");
    assertEquals(0, demo(lockOnly, false).exit());
  }

  @Test
  void aFileInsteadOfADirectory_refused() throws Exception {
    Path f = write(dir.resolve("file"), "x");
    CliRun r = demo(f, true);
    assertEquals(2, r.exit(), r::describe);
    assertTrue(r.err().contains("is not a directory"), r::describe);
    assertEquals("x", Files.readString(f));
    assertFalse(Files.exists(dir.resolve("LOCK")));
  }

  private static CliRun demo(Path d, boolean force) {
    List<String> args = new java.util.ArrayList<>(List.of("demo", "--data", d.toString(),
        "--records", "5", "--validators", "1", "--groth16", "off"));
    if (force) {
      args.add("--force");
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private static BlockRules rules(Path d) throws Exception {
    return new BlockRules(Genesis.load(d.resolve(Genesis.FILE_NAME)));
  }

  /**
   * SHA-256 of the directory's files but the index (an open engine may write to it at any time)
   * and the lock file, which is never read: closing any descriptor of it would drop the POSIX
   * lock this process holds.
   */
  private static Map<String, String> withoutIndex(Path d) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(d)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = d.relativize(p).toString();
        if (!name.startsWith("index/") && !name.equals("LOCK")) {
          m.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
              .digest(Files.readAllBytes(p))));
        }
      }
    }
    return m;
  }

  /** SHA-256 of the files of {@code d} but its lock files and those under {@code except}. */
  private static Map<String, String> outside(Path d, String except) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(d)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = d.relativize(p).toString();
        if (!name.startsWith(except) && !p.getFileName().toString().equals("LOCK")) {
          m.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
              .digest(Files.readAllBytes(p))));
        }
      }
    }
    return m;
  }

  private static Path write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
