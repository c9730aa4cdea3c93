package io.pqzk.ledger.store.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.store.Ledger;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * The engine's recovery on a data directory whose block segment (or head certificate) is
 * fuzzed: {@link Ledger#open} scans the segment, truncates a torn tail, revalidates and indexes
 * every block into a fresh RocksDB index, and checks the head certificate. It opens on a prefix
 * of the chain the validators sealed, or refuses with a {@link LedgerException} whose message is
 * one printable line.
 */
class RecoveryFuzzTest {
  @FuzzTest
  @Timeout(30)
  void open(byte[] input) throws IOException {
    StoreFixture f = StoreFixture.get();
    Path dir = f.layOut(input);
    try (Ledger l = Ledger.open(dir, f.rules)) {
      if (l.height() >= 0 && !f.genuine(l.height(), l.state().headHash())) {
        throw new AssertionError("opened on a chain the validators never sealed: head "
            + l.height());
      }
    } catch (LedgerException refused) {
      StoreFixture.printable(refused);
    } finally {
      StoreFixture.delete(dir);
    }
  }
}
