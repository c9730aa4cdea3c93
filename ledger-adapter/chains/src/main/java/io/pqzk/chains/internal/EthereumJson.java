package io.pqzk.chains.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.pqzk.chains.ChainException;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.MalformedBlockException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A header in the JSON-RPC shape ({@code eth_getBlockByNumber}): every header field under its
 * JSON-RPC name, hex strings with 0x, the fork read from which optional fields are present. A
 * name given twice, or a field this reader does not know, is refused rather than guessed at (a
 * later fork's field must not be silently left out of the hash).
 */
final class EthereumJson {
  /** Fields of a block object that are not header fields (and are not hashed). */
  private static final Set<String> NOT_HEADER = Set.of("hash", "size", "totalDifficulty",
      "transactions", "uncles", "withdrawals", "author", "sealFields");

  private EthereumJson() {}

  static ForeignBlock parse(String text) throws ChainException {
    Map<String, JsonElement> obj = object(text);
    if (obj.containsKey("jsonrpc") || obj.containsKey("result")) {
      JsonElement result = obj.get("result");
      if (result == null || !result.isJsonObject()) {
        throw EthereumAdapter.malformed("a JSON-RPC response without a block as its result");
      }
      obj = object(result.toString());
    }
    for (String name : obj.keySet()) {
      if (!NOT_HEADER.contains(name) && HeaderLayout.FIELDS.stream()
          .noneMatch(f -> f.name().equals(name))) {
        throw EthereumAdapter.malformed("unknown field '" + name + "' (a header field of a fork"
            + " after Prague, or not an Ethereum block)");
      }
    }
    List<HeaderLayout.Field> fields = HeaderLayout.FIELDS;
    int count = 0;
    while (count < fields.size() && present(obj, fields.get(count).name())) {
      count++;
    }
    for (int i = count; i < fields.size(); i++) {
      if (present(obj, fields.get(i).name())) {
        throw EthereumAdapter.malformed(count < 15
            ? "missing header field '" + fields.get(count).name() + "'"
            : "'" + fields.get(i).name() + "' without '" + fields.get(count).name()
                + "', which every fork that has it also has");
      }
    }
    HeaderLayout layout = EthereumAdapter.layoutOf(count);
    byte[][] values = new byte[count][];
    List<byte[]> encoded = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      HeaderLayout.Field f = fields.get(i);
      values[i] = value(f, obj.get(f.name()));
      encoded.add(Rlp.string(values[i]));
    }
    byte[] hash = Keccak.hash(Rlp.list(encoded));
    ForeignBlock b = EthereumAdapter.block(layout, values, hash);
    long n = b.number();
    if (present(obj, "hash")) {
      byte[] stated = hex("hash", obj.get("hash"), 32);
      EthereumAdapter.check("block hash", n, stated, hash);
    }
    JsonElement uncles = obj.get("uncles");
    if (uncles != null && uncles.isJsonArray() && uncles.getAsJsonArray().isEmpty()) {
      EthereumAdapter.check("ommers hash (no uncles listed)", n, values[1],
          EthereumAdapter.EMPTY_OMMERS);
    }
    JsonElement txs = obj.get("transactions");
    if (txs != null && txs.isJsonArray() && txs.getAsJsonArray().isEmpty()) {
      EthereumAdapter.check("transactions root (no transactions listed)", n, values[4],
          PatriciaRoot.EMPTY);
    }
    JsonElement ws = obj.get("withdrawals");
    if (ws != null && !ws.isJsonNull()) {
      if (!layout.hasWithdrawals()) {
        throw EthereumAdapter.malformed("withdrawals listed in a " + layout.describe());
      }
      EthereumAdapter.check("withdrawals root", n, values[16], withdrawalsRoot(ws));
    }
    return b;
  }

  private static byte[] withdrawalsRoot(JsonElement ws) throws MalformedBlockException {
    if (!ws.isJsonArray()) {
      throw EthereumAdapter.malformed("withdrawals is not a list");
    }
    List<byte[]> items = new ArrayList<>();
    for (JsonElement e : ws.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        throw EthereumAdapter.malformed("a withdrawal is an object");
      }
      JsonObject w = e.getAsJsonObject();
      if (w.size() != 4) {
        throw EthereumAdapter.malformed("a withdrawal has index, validatorIndex, address and"
            + " amount, this one " + w.keySet());
      }
      items.add(Rlp.list(List.of(
          Rlp.integer(quantity("withdrawal index", w.get("index"))),
          Rlp.integer(quantity("withdrawal validatorIndex", w.get("validatorIndex"))),
          Rlp.string(hex("withdrawal address", w.get("address"), 20)),
          Rlp.integer(quantity("withdrawal amount", w.get("amount"))))));
    }
    return PatriciaRoot.ofList(items);
  }

  private static boolean present(Map<String, JsonElement> obj, String name) {
    JsonElement e = obj.get(name);
    return e != null && !e.isJsonNull();
  }

  private static byte[] value(HeaderLayout.Field f, JsonElement e) throws MalformedBlockException {
    byte[] v;
    switch (f.kind()) {
      case QUANTITY -> v = Rlp.unsigned(quantity(f.name(), e));
      case BYTES -> v = hex(f.name(), e, -1);
      default -> v = hex(f.name(), e, -1);
    }
    EthereumAdapter.checkSize(f, v);
    return v;
  }

  private static String string(String name, JsonElement e) throws MalformedBlockException {
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw EthereumAdapter.malformed(name + " is not a hex string");
    }
    String s = e.getAsString();
    if (!s.startsWith("0x") || !s.substring(2).matches("[0-9a-fA-F]*")) {
      throw EthereumAdapter.malformed(name + " '" + abbreviate(s) + "' is not 0x-prefixed hex");
    }
    return s.substring(2);
  }

  private static BigInteger quantity(String name, JsonElement e) throws MalformedBlockException {
    String s = string(name, e);
    if (s.isEmpty() || s.length() > 64) {
      throw EthereumAdapter.malformed(name + " is not a 256-bit quantity");
    }
    return new BigInteger(s, 16);
  }

  private static byte[] hex(String name, JsonElement e, int size) throws MalformedBlockException {
    String s = string(name, e);
    if (s.length() % 2 != 0) {
      throw EthereumAdapter.malformed(name + " has an odd number of hex digits");
    }
    byte[] b = HexFormat.of().parseHex(s);
    if (size >= 0 && b.length != size) {
      throw EthereumAdapter.malformed(name + " has " + b.length + " bytes, not " + size);
    }
    return b;
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }

  /** One JSON object, strictly parsed, refusing a name given twice. */
  private static Map<String, JsonElement> object(String text) throws MalformedBlockException {
    try (JsonReader r = new JsonReader(new StringReader(text))) {
      r.setStrictness(Strictness.STRICT);
      Map<String, JsonElement> out = new LinkedHashMap<>();
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        JsonElement v = JsonParser.parseReader(r);
        if (out.put(name, v) != null) {
          throw EthereumAdapter.malformed("field '" + name + "' given twice");
        }
      }
      r.endObject();
      if (r.peek() != JsonToken.END_DOCUMENT) {
        throw EthereumAdapter.malformed("text after the JSON object");
      }
      return out;
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw EthereumAdapter.malformed("not a JSON object: " + e.getMessage());
    }
  }

}
