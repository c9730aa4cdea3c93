package io.pqzk.ledger.fuzz;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.proto.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The real chain the ledger targets run against, read from test resources ({@code chain/}): the
 * genesis (deterministic keys, STARK claims), blocks 0 and 1 applied to an in-memory state, and
 * the genuine candidates for height 2 (blocks in {@code next/}, transactions in {@code tx/}),
 * each signed by the genesis keys. {@link LedgerSeeds} writes them.
 */
final class LedgerFixture {
  static final String DIR = "/io/pqzk/ledger/fuzz/chain/";
  static final int PREFIX_BLOCKS = 2;
  static final String[] NEXT_BLOCKS = {"claim-and-reads", "registrations", "empty"};
  static final String[] TRANSACTIONS = {"claim", "register", "grant", "read", "delegate"};

  final Genesis genesis;
  final BlockRules rules;
  /** The state after blocks 0 and 1. */
  final ChainState state;
  /** Header hashes of blocks 0 and 1. */
  final List<byte[]> prefixHashes = new ArrayList<>();
  final List<Block> prefix = new ArrayList<>();

  private LedgerFixture() throws LedgerException, IOException {
    genesis = Genesis.parse(resource("genesis.json"));
    rules = new BlockRules(genesis);
    state = ChainState.inMemory(genesis);
    for (int h = 0; h < PREFIX_BLOCKS; h++) {
      BlockRules.ValidatedBlock v = rules.validate(resource("block-" + h + ".bin"), state);
      state.apply(v.effects(), List.of());
      prefixHashes.add(v.headerHash());
      prefix.add(v.block());
    }
  }

  private static LedgerFixture instance;

  static synchronized LedgerFixture get() {
    if (instance == null) {
      try {
        instance = new LedgerFixture();
      } catch (LedgerException | IOException e) {
        throw new IllegalStateException("the fuzz chain fixture does not load (regenerate it"
            + " with -Dfuzz.seeds=write): " + e.getMessage(), e);
      }
    }
    return instance;
  }

  static byte[] resource(String name) {
    try (InputStream in = LedgerFixture.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + DIR + name
            + " (regenerate with -Dfuzz.seeds=write)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A message that can reach a terminal or a log as it is: one line of printable ASCII (what
   * {@code Printable} promises for anything taken from a block).
   */
  static void printable(Throwable refused) {
    String m = refused.getMessage();
    if (m == null || m.isBlank()) {
      throw new AssertionError("refusal without a message: " + refused, refused);
    }
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw new AssertionError("refusal message carries character U+"
            + String.format("%04X", (int) c) + " at " + i + " (input echoed unescaped): "
            + refused.getClass().getName(), refused);
      }
    }
  }
}
