package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance soak: four nodes, concurrent clients, the leader SIGKILLed at random moments. */
class SoakTest {
  @Test
  void fiveThousandTransactions_twoLeaderKills_nothingLost(@TempDir Path dir) throws Exception {
    SoakRun.Result r = SoakRun.run(dir, Integer.getInteger("pqzk.soak.transactions", 5000),
        2, 200);
    System.out.println("soak: " + r.line());
    assertEquals(0, r.lost(), r.line());
    assertEquals(2, r.kills());
    assertTrue(r.acknowledged() >= 0.99 * Integer.getInteger("pqzk.soak.transactions", 5000),
        r.line());
  }

  @Test
  @Tag("slow")
  void twentyThousandTransactions_fiveLeaderKills_nothingLost(@TempDir Path dir)
      throws Exception {
    SoakRun.Result r = SoakRun.run(dir, 20_000, 5, 400);
    System.out.println("soak (slow): " + r.line());
    assertEquals(0, r.lost(), r.line());
    assertEquals(5, r.kills());
  }
}
