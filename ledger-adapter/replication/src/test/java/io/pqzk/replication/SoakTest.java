package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak: four nodes, concurrent clients, the leader SIGKILLed at random moments and
 * restarted; nothing acknowledged is lost. The default run is short (a few hundred
 * transactions, two kills); the acceptance size, 5,000 transactions, and the long one run with
 * the slow tests ({@code -Dexhaustive}).
 */
class SoakTest {
  @Test
  void twoLeaderKills_nothingLost(@TempDir Path dir) throws Exception {
    soak(dir, Integer.getInteger("pqzk.soak.transactions", 300), 2, 200);
  }

  @Test
  @Tag("slow")
  void fiveThousandTransactions_twoLeaderKills_nothingLost(@TempDir Path dir)
      throws Exception {
    soak(dir, 5000, 2, 200);
  }

  @Test
  @Tag("slow")
  void twentyThousandTransactions_fiveLeaderKills_nothingLost(@TempDir Path dir)
      throws Exception {
    soak(dir, 20_000, 5, 400);
  }

  private static void soak(Path dir, int transactions, int kills, int inFlight)
      throws Exception {
    SoakRun.Result r = SoakRun.run(dir, transactions, kills, inFlight);
    System.out.println("soak (" + transactions + "): " + r.line());
    assertEquals(0, r.lost(), r.line());
    assertEquals(kills, r.kills(), r.line());
    // a submission whose node died is sent again, same bytes, to another node: all but a few
    // that ran out of attempts while no leader could be reached are acknowledged
    assertTrue(r.acknowledged() >= 0.99 * transactions, r.line());
    assertEquals(r.acknowledged(), r.presentEverywhere(), r.line());
  }
}
