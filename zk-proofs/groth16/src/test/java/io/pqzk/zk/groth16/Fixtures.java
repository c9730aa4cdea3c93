package io.pqzk.zk.groth16;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The zokrates-js 1.1.9 fixtures in src/test/resources/zokrates (made by node/make-fixtures.mjs). */
final class Fixtures {
  static final List<String> CIRCUITS = List.of("cubic", "merkle", "multi");
  static final List<String> CURVES = List.of("bn128", "bls12_381");

  private Fixtures() {}

  /** "circuit/curve" for every fixture. */
  static List<String> all() {
    List<String> out = new ArrayList<>();
    for (String c : CIRCUITS) {
      for (String k : CURVES) {
        out.add(c + "/" + k);
      }
    }
    return out;
  }

  static String read(String fixture, String file) {
    String res = "/zokrates/" + fixture + "/" + file;
    try (InputStream in = Fixtures.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException(res + " missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  static String hex(BigInteger v, int bytes) {
    String h = v.toString(16);
    return "0x" + "0".repeat(Math.max(0, 2 * bytes - h.length())) + h;
  }

  static BigInteger value(JsonElement e) {
    return new BigInteger(e.getAsString().substring(2), 16);
  }

  /** The JSON paths of every base-field coordinate in proof.proof: a (2), b (4), c (2). */
  static List<int[]> coordinatePaths() {
    List<int[]> out = new ArrayList<>();
    // {point 0=a 1=b 2=c, index, sub-index or -1}
    out.add(new int[] {0, 0, -1});
    out.add(new int[] {0, 1, -1});
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        out.add(new int[] {1, i, j});
      }
    }
    out.add(new int[] {2, 0, -1});
    out.add(new int[] {2, 1, -1});
    return out;
  }

  static String describe(int[] path) {
    String pt = "abc".substring(path[0], path[0] + 1);
    return path[2] < 0 ? pt + "[" + path[1] + "]" : pt + "[" + path[1] + "][" + path[2] + "]";
  }

  /** A copy of the proof JSON with one coordinate replaced by {@code f(old)}. */
  static String withCoordinate(String proofJson, int[] path, java.util.function.UnaryOperator<BigInteger> f, int bytes) {
    JsonObject o = json(proofJson);
    JsonArray pt = o.getAsJsonObject("proof").getAsJsonArray("abc".substring(path[0], path[0] + 1));
    JsonArray holder = path[2] < 0 ? pt : pt.get(path[1]).getAsJsonArray();
    int idx = path[2] < 0 ? path[1] : path[2];
    holder.set(idx, new JsonPrimitive(hex(f.apply(value(holder.get(idx))), bytes)));
    return o.toString();
  }
}
