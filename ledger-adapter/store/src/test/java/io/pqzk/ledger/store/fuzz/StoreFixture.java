package io.pqzk.ledger.store.fuzz;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MemoryStateStore;
import io.pqzk.ledger.store.BlockFiles;
import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.ledger.store.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real data directory written by the engine ({@link StoreSeeds}): genesis, one block segment
 * of three blocks, the head certificate. Targets lay a copy out in a fresh directory with one
 * file replaced by the fuzzed bytes (first input byte even: the segment; odd: the head
 * certificate).
 */
final class StoreFixture {
  static final String DIR = "/io/pqzk/ledger/store/fuzz/chain/";
  final byte[] genesisJson = resource("genesis.json");
  final byte[] segment = resource("blocks-000000.dat");
  final byte[] headCertificate = resource("head.qc");
  final BlockRules rules;
  /** Header hashes of the genuine blocks, by height. */
  final List<String> hashes = new ArrayList<>();

  private StoreFixture() throws LedgerException, IOException {
    rules = new BlockRules(Genesis.parse(genesisJson));
    Path dir = layOut(new byte[] {0});
    try (MemoryStateStore store = new MemoryStateStore()) {
      new ChainVerifier(rules).verify(dir, store, null);
      ChainState s = ChainState.open(rules.genesis(), store);
      for (long h = 0; h <= s.height(); h++) {
        hashes.add(HexFormat.of().formatHex(s.headerHashAt(h)));
      }
    } finally {
      delete(dir);
    }
  }

  private static StoreFixture instance;

  static synchronized StoreFixture get() {
    if (instance == null) {
      try {
        instance = new StoreFixture();
      } catch (LedgerException | IOException e) {
        throw new IllegalStateException("the store fixture does not verify: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  /** A fresh data directory: the fixture with the file the first byte names replaced. */
  Path layOut(byte[] input) throws IOException {
    boolean certificate = input.length > 0 && (input[0] & 1) == 1;
    byte[] fuzzed = input.length > 0 ? Arrays.copyOfRange(input, 1, input.length) : new byte[0];
    Path dir = Files.createTempDirectory("pqzk-fuzz-data");
    Files.write(dir.resolve(Genesis.FILE_NAME), genesisJson);
    Files.writeString(dir.resolve(DataDirectory.FORMAT_FILE), DataDirectory.FORMAT + "\n");
    Files.createDirectories(DataDirectory.blocks(dir));
    Files.write(DataDirectory.blocks(dir).resolve(BlockFiles.segmentName(0)),
        certificate || input.length == 1 && input[0] == 0 ? segment : fuzzed);
    Files.write(DataDirectory.headCertificate(dir), certificate ? fuzzed : headCertificate);
    return dir;
  }

  /** Whether {@code head} at {@code height} is the genuine chain's block there. */
  boolean genuine(long height, byte[] head) {
    return height < hashes.size() && hashes.get((int) height).equals(HexFormat.of().formatHex(head));
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = StoreFixture.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + DIR + name
            + " (regenerate with -Dfuzz.seeds=write)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One printable line (what {@code pqzk chain verify} prints for a bad directory). */
  static void printable(Throwable refused) {
    String m = refused.getMessage();
    if (m == null || m.isBlank()) {
      throw new AssertionError("refusal without a message: " + refused, refused);
    }
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw new AssertionError("refusal message carries character U+"
            + String.format("%04X", (int) c) + " at " + i + ": " + refused.getClass().getName(),
            refused);
      }
    }
  }
}
