package io.pqzk.ledger.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Block records through {@link BlockRules#validate} as the next block (height 2) after the
 * fixture chain: the path of the engine's recovery, every validator and {@code pqzk chain
 * verify}. A block is accepted only if it is one the genesis validators really sealed for that
 * height; anything else is refused with {@link BlockRejectedException} whose message is one
 * printable line.
 */
class BlockFuzzTest {
  private static final HexFormat HEX = HexFormat.of();
  private static Set<String> genuine;

  private static synchronized Set<String> genuine(LedgerFixture f) {
    if (genuine == null) {
      genuine = Stream.of(LedgerFixture.NEXT_BLOCKS).map(n -> {
        try {
          return HEX.formatHex(f.rules.validate(LedgerFixture.resource("next/" + n + ".bin"),
              f.state).headerHash());
        } catch (BlockRejectedException e) {
          throw new IllegalStateException("fixture block " + n + " no longer validates", e);
        }
      }).collect(Collectors.toUnmodifiableSet());
    }
    return genuine;
  }

  @FuzzTest
  @Timeout(20)
  void validate(byte[] input) {
    LedgerFixture f = LedgerFixture.get();
    Set<String> sealed = genuine(f);
    BlockRules.ValidatedBlock v;
    try {
      v = f.rules.validate(input, f.state);
    } catch (BlockRejectedException refused) {
      LedgerFixture.printable(refused);
      return;
    }
    if (!sealed.contains(HEX.formatHex(v.headerHash()))) {
      throw new AssertionError("accepted a block the validators never sealed: header "
          + HEX.formatHex(v.headerHash()));
    }
  }
}
