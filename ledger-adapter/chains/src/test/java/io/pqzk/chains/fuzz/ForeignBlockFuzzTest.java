package io.pqzk.chains.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.chains.ChainAdapter;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.ChainException;
import io.pqzk.chains.ForeignBlock;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Foreign blocks through {@link ChainAdapter#parse}, as {@code pqzk adapter hash} and {@code pqzk
 * attest} read them. Input: one byte choosing the adapter (even: Fabric {@code common.Block};
 * odd: Ethereum, a header or block as JSON-RPC JSON, RLP or RLP hex), then the block. A block is
 * read (its hash computed as that chain does, every commitment inside it checked) or refused with
 * a {@link ChainException} whose message is one printable line; reading is deterministic.
 */
class ForeignBlockFuzzTest {
  static final ChainAdapter FABRIC = ChainAdapters.forName(ChainAdapters.FABRIC);
  static final ChainAdapter ETHEREUM = ChainAdapters.forName(ChainAdapters.ETHEREUM);

  @FuzzTest
  @Timeout(10)
  void parse(byte[] input) throws ChainException {
    if (input.length < 1) {
      return;
    }
    ChainAdapter adapter = (input[0] & 1) == 0 ? FABRIC : ETHEREUM;
    byte[] block = Arrays.copyOfRange(input, 1, input.length);
    ForeignBlock b;
    try {
      b = adapter.parse(block);
    } catch (ChainException refused) {
      ChainFuzzChecks.printable(refused);
      return;
    }
    ForeignBlock again = adapter.parse(block);
    assertArrayEquals(b.hash(), again.hash());
    assertArrayEquals(b.subject(), again.subject());
  }
}
