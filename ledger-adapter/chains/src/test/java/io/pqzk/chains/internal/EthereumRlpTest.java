package io.pqzk.chains.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pqzk.chains.ChainAdapter;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.CommitmentMismatchException;
import io.pqzk.chains.Fixtures;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.MalformedBlockException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RLP forms: every real header re-encoded as RLP (binary and hex text) gives its published
 * hash; non-canonical encodings are refused; a whole block's transactions root, ommers hash and
 * withdrawals root are recomputed from its lists.
 */
class EthereumRlpTest {
  static final ChainAdapter ETH = ChainAdapters.forName("ethereum");

  static Stream<Fixtures.Row> blocks() {
    return Fixtures.table("ethereum").stream();
  }

  /** The header's RLP from its JSON fields, in header order. */
  static List<byte[]> fields(JsonObject o) {
    List<byte[]> out = new ArrayList<>();
    for (HeaderLayout.Field f : HeaderLayout.FIELDS) {
      JsonElement e = o.get(f.name());
      if (e == null) {
        break;
      }
      String h = e.getAsString().substring(2);
      byte[] v = f.kind() == HeaderLayout.Kind.QUANTITY
          ? Rlp.unsigned(new BigInteger(h.isEmpty() ? "0" : h, 16))
          : HexFormat.of().parseHex(h);
      out.add(Rlp.string(v));
    }
    return out;
  }

  static JsonObject json(String file) {
    return JsonParser.parseString(Fixtures.text(file)).getAsJsonObject();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void parse_realHeaderAsRlp_givesPublishedHash(Fixtures.Row row) throws Exception {
    byte[] rlp = Rlp.list(fields(json(row.file())));
    assertEquals(row.hash(), ETH.parse(rlp).hashHex());
    byte[] hex = ("0x" + HexFormat.of().formatHex(rlp) + "\n").getBytes(StandardCharsets.US_ASCII);
    assertEquals(row.hash(), ETH.parse(hex).hashHex());
  }

  @Test
  void parse_nonCanonicalRlp_refused() {
    List<byte[]> f = fields(json("ethereum/mainnet-15571241.json"));
    byte[] ok = Rlp.list(f);
    // trailing byte
    assertThrows(MalformedBlockException.class, () -> ETH.parse(Arrays.copyOf(ok, ok.length + 1)));
    // truncated
    assertThrows(MalformedBlockException.class, () -> ETH.parse(Arrays.copyOf(ok, ok.length - 1)));
    // a quantity with a leading zero byte
    List<byte[]> zero = new ArrayList<>(f);
    zero.set(9, Rlp.string(concat(new byte[] {0}, content(f.get(9)))));
    assertThrows(MalformedBlockException.class, () -> ETH.parse(Rlp.list(zero)));
    // a single byte below 0x80 wrapped as a one-byte string (the Paris header's difficulty is 0,
    // so take gas used and make it 0x05)
    List<byte[]> wrapped = new ArrayList<>(f);
    wrapped.set(10, new byte[] {(byte) 0x81, 0x05});
    assertThrows(MalformedBlockException.class, () -> ETH.parse(Rlp.list(wrapped)));
    // a field count no fork has
    List<byte[]> eighteen = new ArrayList<>(f);
    eighteen.add(Rlp.string(new byte[32]));
    eighteen.add(Rlp.string(new byte[0]));
    assertThrows(MalformedBlockException.class, () -> ETH.parse(Rlp.list(eighteen)));
    // a hash of 31 bytes
    List<byte[]> shortHash = new ArrayList<>(f);
    shortHash.set(3, Rlp.string(new byte[31]));
    assertThrows(MalformedBlockException.class, () -> ETH.parse(Rlp.list(shortHash)));
    // a byte string, not a list
    assertThrows(MalformedBlockException.class, () -> ETH.parse(Rlp.string(new byte[40])));
  }

  /** A Shanghai block [header, transactions, ommers, withdrawals] with real withdrawals. */
  @Test
  void parse_wholeBlock_rootsRecomputed() throws Exception {
    JsonObject o = json("ethereum/goerli-8705029.json");
    List<byte[]> withdrawals = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray("withdrawals")) {
      JsonObject w = e.getAsJsonObject();
      withdrawals.add(Rlp.list(List.of(q(w, "index"), q(w, "validatorIndex"),
          Rlp.string(HexFormat.of().parseHex(w.get("address").getAsString().substring(2))),
          q(w, "amount"))));
    }
    // transactions: a legacy one (an RLP list) and a typed one (type || payload, as a string)
    byte[] legacy = Rlp.list(List.of(Rlp.string(new byte[] {1}), Rlp.string(new byte[] {2})));
    byte[] typed = concat(new byte[] {0x02}, Rlp.list(List.of(Rlp.string(new byte[] {3}))));
    byte[] txRoot = PatriciaRoot.ofList(List.of(legacy, typed));
    o.addProperty("transactionsRoot", "0x" + HexFormat.of().formatHex(txRoot));
    byte[] header = Rlp.list(fields(o));
    byte[] block = Rlp.list(List.of(header, Rlp.list(List.of(legacy, Rlp.string(typed))),
        Rlp.list(List.of()), Rlp.list(withdrawals)));
    ForeignBlock b = ETH.parse(block);
    assertEquals(Keccak.hash(header).length, b.hash().length);
    assertEquals(HexFormat.of().formatHex(Keccak.hash(header)), HexFormat.of().formatHex(b.hash()));

    byte[] otherTx = Rlp.list(List.of(header, Rlp.list(List.of(legacy)), Rlp.list(List.of()),
        Rlp.list(withdrawals)));
    assertThrows(CommitmentMismatchException.class, () -> ETH.parse(otherTx));
    byte[] oneWithdrawalLess = Rlp.list(List.of(header,
        Rlp.list(List.of(legacy, Rlp.string(typed))), Rlp.list(List.of()),
        Rlp.list(withdrawals.subList(1, withdrawals.size()))));
    assertThrows(CommitmentMismatchException.class, () -> ETH.parse(oneWithdrawalLess));
    byte[] withOmmer = Rlp.list(List.of(header, Rlp.list(List.of(legacy, Rlp.string(typed))),
        Rlp.list(List.of(header)), Rlp.list(withdrawals)));
    assertThrows(CommitmentMismatchException.class, () -> ETH.parse(withOmmer));
    byte[] noWithdrawals = Rlp.list(List.of(header,
        Rlp.list(List.of(legacy, Rlp.string(typed))), Rlp.list(List.of())));
    assertThrows(MalformedBlockException.class, () -> ETH.parse(noWithdrawals));
  }

  @Test
  void patriciaRoot_emptyAndKnown() {
    assertEquals("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
        HexFormat.of().formatHex(PatriciaRoot.ofList(List.of())));
    assertEquals("1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
        HexFormat.of().formatHex(EthereumAdapter.EMPTY_OMMERS));
  }

  /** The content of an encoded string item. */
  static byte[] content(byte[] encoded) {
    try {
      return Rlp.decode(encoded).bytes();
    } catch (Rlp.RlpException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] q(JsonObject w, String name) {
    return Rlp.integer(new BigInteger(w.get(name).getAsString().substring(2), 16));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
