package io.pqzk.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pqzk.chains.internal.HeaderLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Ethereum headers, Frontier to Prague (SOURCES.md): each hashes to its published block
 * hash, its layout is read from the fields present, and changing any header field either changes
 * the hash or is refused.
 */
class EthereumBlocksTest {
  static final ChainAdapter ETH = ChainAdapters.forName("ethereum");

  static Stream<Fixtures.Row> blocks() {
    return Fixtures.table("ethereum").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void parse_realHeader_givesPublishedHash(Fixtures.Row row) throws ChainException {
    ForeignBlock b = ETH.parse(Fixtures.bytes(row.file()));
    assertEquals(row.hash(), b.hashHex());
    assertEquals(row.number(), b.number());
    assertEquals(HeaderLayout.valueOf(row.layout()).describe(), b.layout());
    assertTrue(b.chainId().isEmpty(), "Ethereum headers name no chain id");
  }

  /** Every header field changed by one unit: the hash changes, or the stated hash refuses it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void parse_anyFieldChanged_changesHashOrIsRejected(Fixtures.Row row) throws ChainException {
    JsonObject original = JsonParser.parseString(Fixtures.text(row.file())).getAsJsonObject();
    List<String> unnoticed = new ArrayList<>();
    for (HeaderLayout.Field f : HeaderLayout.FIELDS) {
      if (!original.has(f.name())) {
        continue;
      }
      JsonObject edited = original.deepCopy();
      edited.addProperty(f.name(), bump(original.get(f.name()).getAsString()));
      byte[] in = edited.toString().getBytes(StandardCharsets.UTF_8);
      if (original.has("hash")) {
        assertThrows(CommitmentMismatchException.class, () -> ETH.parse(in), f.name());
        edited.remove("hash");
      }
      ForeignBlock b;
      try {
        b = ETH.parse(edited.toString().getBytes(StandardCharsets.UTF_8));
      } catch (CommitmentMismatchException e) {
        continue; // e.g. an empty list no longer matches its root
      }
      if (b.hashHex().equals(row.hash())) {
        unnoticed.add(f.name());
      }
    }
    assertEquals(List.of(), unnoticed);
  }

  /** The last hex digit plus one (wrapping), keeping the length. */
  static String bump(String hex) {
    if (hex.equals("0x")) {
      return "0x01";
    }
    char last = hex.charAt(hex.length() - 1);
    int d = (Character.digit(last, 16) + 1) % 16;
    return hex.substring(0, hex.length() - 1) + Character.forDigit(d, 16);
  }

  @Test
  void checkLinks_firstMainnetBlocks_link() throws ChainException {
    List<ForeignBlock> chain = new ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      chain.add(ETH.parse(Fixtures.bytes("ethereum/mainnet-" + n + ".json")));
    }
    Sequences.checkLinks(chain);
    List<ForeignBlock> gap = List.of(chain.get(0), chain.get(2));
    assertThrows(CommitmentMismatchException.class, () -> Sequences.checkLinks(gap));
    List<ForeignBlock> swapped = new ArrayList<>(chain);
    swapped.set(3, ETH.parse(Fixtures.bytes("ethereum/mainnet-2000004.json")));
    assertThrows(CommitmentMismatchException.class, () -> Sequences.checkLinks(swapped));
  }
}
