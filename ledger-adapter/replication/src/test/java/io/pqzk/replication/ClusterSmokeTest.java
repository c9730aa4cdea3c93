package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.replication.proto.SubmitTransactionReply;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four nodes start, finalise submissions sent to each, and agree (the soak covers this too). */
@Tag("slow")
class ClusterSmokeTest {
  @Test
  void fourNodes_finaliseSubmissions_andAgree(@TempDir Path dir) throws Exception {
    try (TestNetwork net = new TestNetwork(dir, 4, 1024)) {
      net.startAll();
      net.leader(net.all(), 180);
      for (int i = 0; i < 10; i++) {
        try (LedgerClient c = net.client(i % 4)) {
          SubmitTransactionReply r = c.submit(net.registration(), 60);
          assertTrue(r.getHeight() >= 0);
        }
      }
      net.awaitAll(net.all(), "every node final at the same head", 60,
          s -> s.getFinalizedHeight() == s.getHeight() && s.getHeight() >= 0);
      long h = net.status(0).getHeight();
      for (int i = 1; i < 4; i++) {
        assertEquals(h, net.status(i).getHeight());
      }
    }
  }
}
