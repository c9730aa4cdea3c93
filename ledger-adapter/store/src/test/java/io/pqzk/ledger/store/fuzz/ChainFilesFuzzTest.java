package io.pqzk.ledger.store.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MemoryStateStore;
import io.pqzk.ledger.store.ChainVerifier;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * A data directory whose block segment (or head certificate) is fuzzed, through the independent
 * validator {@link ChainVerifier#verify} ({@code pqzk chain verify}): the segment reader, every
 * block rule, the head certificate. A directory verifies only as a prefix of the chain the
 * validators sealed; anything else is refused with a {@link LedgerException} whose message is
 * one printable line.
 */
class ChainFilesFuzzTest {
  @FuzzTest
  @Timeout(30)
  void verify(byte[] input) throws IOException {
    StoreFixture f = StoreFixture.get();
    Path dir = f.layOut(input);
    try (MemoryStateStore store = new MemoryStateStore()) {
      new ChainVerifier(f.rules).verify(dir, store, null);
      ChainState s = ChainState.open(f.rules.genesis(), store);
      if (s.height() >= 0 && !f.genuine(s.height(), s.headHash())) {
        throw new AssertionError("verified a chain the validators never sealed: head "
            + s.height());
      }
    } catch (LedgerException refused) {
      StoreFixture.printable(refused);
    } finally {
      StoreFixture.delete(dir);
    }
  }
}
