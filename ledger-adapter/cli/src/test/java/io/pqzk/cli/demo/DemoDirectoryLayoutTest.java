package io.pqzk.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code pqzk demo --force} deletes is exactly what a demo wrote: the chain, the index, the
 * key files and TLS certificates, the custodian's vault, chain index and key store, the owner's
 * escrow. After a real demo, {@link DemoDirectory#prepare} with {@code force} leaves the marker,
 * the lock files and the files a user put anywhere in the tree (symbolic links too, and what
 * they point to), nothing else; then {@code demo --force} on the same directory builds a chain
 * that verifies and whose custodian serves a read (before, it found the last demo's vault and
 * stopped: "belongs to another chain").
 */
class DemoDirectoryLayoutTest {
  @TempDir Path dir;

  @Test
  void demoThenForce_deletesWhatTheDemoWrote_andNothingElse_thenADemoRunsThere()
      throws Exception {
    Path d = dir.resolve("demo");
    CliRun first = demo(d, false);
    assertEquals(0, first.exit(), first::describe);
    Set<String> written = files(d).keySet();
    for (String folder : new String[] {"custodian/vault", "custodian/chain-index",
        "custodian/keystore", "escrow", "index", "keys/tls", "blocks"}) {
      assertTrue(written.stream().anyMatch(f -> f.startsWith(folder + "/")), folder);
    }
    assertTrue(written.stream().anyMatch(f -> f.endsWith(".X-Wing.key")), written::toString);

    Path outside = Files.writeString(dir.resolve("outside.ML-DSA-65.key"), "not the demo's");
    Map<String, String> mine = new TreeMap<>();
    for (String f : new String[] {"notes.txt", "genesis.json.bak", "keys/my-own.txt",
        "keys/id.ML-DSA-65.key.bak", "keys/tls/my-ca.pem", "custodian/notes.txt",
        "custodian/vault/notes.txt", "custodian/other-store/CURRENT", "escrow/README",
        "index/notes.txt", "blocks/copy-of-block-0.bin", "records/patients.csv"}) {
      write(d.resolve(f), "mine: " + f);
      mine.put(f, "mine: " + f);
    }
    Files.createSymbolicLink(d.resolve("keys/linked.ML-DSA-65.key"), outside);
    Files.createSymbolicLink(d.resolve("escrow/000099.sst"), outside);

    try (DemoDirectory prepared = DemoDirectory.prepare(d, true)) {
      prepared.release();
    }

    Set<String> left = new TreeSet<>(files(d).keySet());
    Set<String> expected = new TreeSet<>(mine.keySet());
    expected.addAll(Set.of("PQZK-DEMO", "LOCK", "index/LOCK", "custodian/vault/LOCK",
        "custodian/chain-index/LOCK", "custodian/keystore/LOCK", "escrow/LOCK",
        "keys/linked.ML-DSA-65.key", "escrow/000099.sst"));
    assertEquals(expected, left, "what --force left");
    for (Map.Entry<String, String> e : mine.entrySet()) {
      assertEquals(e.getValue(), Files.readString(d.resolve(e.getKey())), e.getKey());
    }
    assertTrue(Files.isSymbolicLink(d.resolve("keys/linked.ML-DSA-65.key")));
    assertEquals("not the demo's", Files.readString(outside));
    Files.delete(d.resolve("escrow/000099.sst")); // RocksDB would read it as its own table

    CliRun again = demo(d, true);
    assertEquals(0, again.exit(), again::describe);
    // the same layout as the first demo wrote, and the user's files
    Set<String> now = files(d).keySet().stream().filter(f -> !mine.containsKey(f)
        && !f.equals("keys/linked.ML-DSA-65.key")).map(DemoDirectoryLayoutTest::folderAndKind)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(written.stream().map(DemoDirectoryLayoutTest::folderAndKind)
        .collect(Collectors.toCollection(TreeSet::new)), now);
    CliRun verify = CliRun.of("chain", "verify", "--quiet", "--data", d.toString());
    assertEquals(0, verify.exit(), verify::describe);
    // the custodian of the new chain serves the read the demo suggests
    Matcher m = Pattern.compile("\\./pqzk (records read [^\\n]*--purpose TREAT[^\\n]*)")
        .matcher(again.out());
    assertTrue(m.find(), again.out());
    CliRun read = CliRun.of(m.group(1).split(" "));
    assertEquals(0, read.exit(), read::describe);
    assertTrue(read.err().contains("(final)"), read::describe);
  }

  /** A file's folder and kind: RocksDB numbers its files as it goes, key names are fixed. */
  private static String folderAndKind(String file) {
    return file.replaceAll("\\d{6}", "N");
  }

  private static CliRun demo(Path d, boolean force) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("demo", "--data",
        d.toString(), "--records", "5", "--validators", "1", "--groth16", "off"));
    if (force) {
      args.add("--force");
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  /** Every file and symbolic link under {@code d}, by relative path (links not followed). */
  private static Map<String, Boolean> files(Path d) throws Exception {
    Map<String, Boolean> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(d)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
          .forEach(p -> out.put(d.relativize(p).toString(), Files.isSymbolicLink(p)));
    }
    return out;
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
