package io.pqzk.ledger.store;

import io.pqzk.ledger.Genesis;

import io.pqzk.ledger.proto.Block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine runs in a child JVM sealing blocks as fast as it can and is
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) at a random point of its
 * work, 22 times; each restart must recover, and in the end every acknowledged block is present
 * with the very header hash that was acknowledged, and the whole chain verifies.
 */
class CrashSuiteTest {
  static final int KILLS = 22;

  @Test
  void killNine_repeatedly_losesNoAcknowledgedBlockAndChainVerifies(@TempDir Path dir)
      throws Exception {
    TestChain chain = new TestChain(25);
    Files.write(dir.resolve(Genesis.FILE_NAME), chain.genesisBytes);
    CrashChild.writeKey(dir, "validator", chain.validatorMl);
    CrashChild.writeKey(dir, "validator", chain.validatorSlh);
    CrashChild.writeKey(dir, "authority", chain.authority);
    Map<Long, String> acked = new TreeMap<>();
    Random rnd = new Random();
    long maxAcked = -1;
    long recoveredTotal = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process p = child(dir);
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String open = out.readLine();
        assertTrue(open != null && open.startsWith("OPEN "), () -> "child did not open: "
            + stderr(p));
        String[] o = open.split(" ");
        long height = Long.parseLong(o[1]);
        recoveredTotal += Long.parseLong(o[2]);
        assertTrue(height >= maxAcked, "restart lost acknowledged blocks: head " + height
            + " < acknowledged " + maxAcked);
        int target = 1 + rnd.nextInt(12); // kill after a random number of acknowledgements
        for (int seen = 0; seen < target; ) {
          String line = out.readLine();
          assertTrue(line != null, () -> "child died: " + stderr(p));
          if (line.startsWith("ACK ")) {
            String[] a = line.split(" ");
            long h = Long.parseLong(a[1]);
            acked.put(h, a[2]);
            maxAcked = Math.max(maxAcked, h);
            seen++;
          }
        }
        // Not synchronisation: a random pause so that the kill lands anywhere in the next
        // sign / append / fsync / index cycle rather than right after an acknowledgement.
        Thread.sleep(rnd.nextInt(30));
        p.destroyForcibly();
        p.waitFor();
      } finally {
        p.destroyForcibly();
      }
    }
    assertTrue(acked.size() >= KILLS, "acknowledged " + acked.size());
    try (Ledger l = chain.open(dir)) {
      assertTrue(l.height() >= maxAcked, "head " + l.height() + " < acknowledged " + maxAcked);
      for (Map.Entry<Long, String> e : acked.entrySet()) {
        byte[] block = l.blockBytes(e.getKey());
        byte[] header = io.pqzk.ledger.proto.Block.parseFrom(block).getHeader().toByteArray();
        assertEquals(e.getValue(), HexFormat.of().formatHex(chain.rules.headerHash(header)),
            "block " + e.getKey() + " is not the block that was acknowledged");
      }
    }
    ChainVerifier.Report r = new ChainVerifier(chain.rules).verify(dir, null);
    assertTrue(r.blocks() > maxAcked, "verified " + r.blocks() + " blocks");
    System.out.printf("crash suite: %d kills, %d blocks acknowledged, chain of %d blocks verified,"
        + " %d blocks recovered from files on restart%n", KILLS, acked.size(), r.blocks(),
        recoveredTotal);
  }

  private static Process child(Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xss4m", "-XX:TieredStopAtLevel=1",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), dir.toString()));
    return new ProcessBuilder(cmd).redirectError(dir.resolve("child.err").toFile()).start();
  }

  private static String stderr(Process p) {
    try {
      p.destroyForcibly().waitFor();
      return "see child.err";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
