package io.pqzk.chains.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.chains.ChainAdapter;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.ChainException;
import io.pqzk.chains.Fixtures;
import io.pqzk.chains.ForeignBlock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
  static final String SEEDS = "ForeignBlockFuzzTestInputs/parse/";

  /** The adapter an input's first byte picks. */
  static ChainAdapter adapter(byte first) {
    return (first & 1) == 0 ? FABRIC : ETHEREUM;
  }

  @FuzzTest
  @Timeout(10)
  void parse(byte[] input) throws ChainException {
    if (input.length < 1) {
      return;
    }
    ChainAdapter adapter = adapter(input[0]);
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

  /**
   * The seeds ChainSeeds writes are still real blocks to today's adapters (they stop being so
   * silently when a format changes, and the target then explores refusals only): each one, through
   * the target's own adapter choice, reads as a block of the chain it names, an Ethereum block
   * with the number and hash published for it (blocks.tsv), a Fabric mychannel block with its
   * number. The finding-* reproducers are refusals and not checked here.
   */
  @Test
  void seeds_areStillReadAsTheBlocksTheyWereMadeFrom() {
    Map<String, Fixtures.Row> published = new LinkedHashMap<>();
    for (Fixtures.Row row : Fixtures.table("ethereum")) {
      published.put(row.file().substring("ethereum/".length(), row.file().length() - 5), row);
    }
    Map<String, String> seeds = new LinkedHashMap<>();
    for (String f : new String[] {"mychannel-0", "mychannel-1", "mychannel-4", "cluster-block3"}) {
      seeds.put("fabric-" + f, f);
    }
    for (String f : new String[] {"mainnet-1", "mainnet-9515350", "mainnet-15571241",
        "goerli-8705029", "mainnet-23094898"}) {
      seeds.put("ethereum-json-" + f, f);
      seeds.put("ethereum-rlp-" + f, f);
    }
    seeds.put("ethereum-rlp-hex-mainnet-1", "mainnet-1");
    for (Map.Entry<String, String> e : seeds.entrySet()) {
      String seed = SEEDS + e.getKey();
      String fixture = e.getValue();
      byte[] input = ChainFuzzChecks.resource(AttestationFuzzTest.DIR + seed);
      ChainAdapter adapter = adapter(input[0]);
      ForeignBlock b;
      try {
        b = adapter.parse(Arrays.copyOfRange(input, 1, input.length));
      } catch (ChainException refused) {
        throw new AssertionError(ChainFuzzChecks.stale(seed, "refused by the " + adapter.name()
            + " adapter: " + refused.getMessage()), refused);
      }
      if (e.getKey().startsWith("fabric-")) {
        assertEquals(ChainAdapters.FABRIC, b.chain(), ChainFuzzChecks.stale(seed, "not read as"
            + " a Fabric block (its first byte picks the adapter)"));
        if (fixture.startsWith("mychannel-")) {
          assertEquals(Long.parseLong(fixture.substring("mychannel-".length())), b.number(),
              ChainFuzzChecks.stale(seed, "read as another block than " + fixture));
        }
      } else {
        Fixtures.Row row = published.get(fixture);
        assertEquals(ChainAdapters.ETHEREUM, b.chain(), ChainFuzzChecks.stale(seed, "not read as"
            + " an Ethereum block (its first byte picks the adapter)"));
        assertEquals(row.number(), b.number(), ChainFuzzChecks.stale(seed, "read as another"
            + " block number than " + fixture + "'s"));
        assertEquals(row.hash(), b.hashHex(), ChainFuzzChecks.stale(seed, "hashes to another"
            + " hash than " + fixture + "'s published one"));
      }
    }
  }
}
