package io.pqzk.cli.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk demo --nodes 4}: four node processes, the leader killed with SIGKILL part way;
 * nothing acknowledged is lost, and every node's data directory passes {@code pqzk chain
 * verify}.
 */
class ClusterDemoTest {
  @Test
  void fourNodes_leaderKilled_nothingLost_andEveryNodeVerifies(@TempDir Path dir) {
    Path data = dir.resolve("cluster");
    CliRun r = CliRun.of("demo", "--nodes", "4", "--records", "400", "--data", data.toString());
    assertEquals(0, r.exit(), r.describe());
    assertTrue(r.out().contains("acknowledged 400, present on every node 400, lost 0"),
        r.describe());
    assertTrue(r.err().contains("(SIGKILL)"), r.err());
    for (int i = 0; i < 4; i++) {
      CliRun v = CliRun.of("chain", "verify", "--quiet", "--data",
          data.resolve("n" + i + "/data/ledger").toString());
      assertEquals(0, v.exit(), v.describe());
      assertTrue(v.out().contains("400 transactions"), v.out());
    }
  }
}
