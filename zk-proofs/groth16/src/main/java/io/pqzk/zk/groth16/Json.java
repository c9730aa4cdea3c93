package io.pqzk.zk.groth16;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.curves.G1Point;
import io.pqzk.zk.curves.G2Point;
import io.pqzk.zk.curves.InvalidPointException;
import io.pqzk.zk.curves.PairingCurve;
import java.math.BigInteger;

/**
 * Strict reading of ZoKrates' JSON: field elements are "0x"-prefixed big-endian hex; a G1 point is
 * [x, y]; a G2 point is [[x.c0, x.c1], [y.c0, y.c1]] (real part first, checked against files made
 * by zokrates-js 1.1.9, see src/test/resources/zokrates). Every problem becomes a {@link
 * MalformedProofException} naming the field.
 */
final class Json {
  private Json() {}

  static JsonObject parseObject(String text, String what) throws MalformedProofException {
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        throw new MalformedProofException(what + " is not a JSON object");
      }
      return e.getAsJsonObject();
    } catch (RuntimeException ex) { // JsonParseException, stack overflow guard of Gson
      throw new MalformedProofException(what + " is not valid JSON: " + ex.getMessage(), ex);
    }
  }

  static JsonElement member(JsonObject o, String name, String what) throws MalformedProofException {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new MalformedProofException(what + " has no \"" + name + "\"");
    }
    return e;
  }

  static String string(JsonElement e, String what) throws MalformedProofException {
    if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isString()) {
      throw new MalformedProofException(what + " must be a string");
    }
    return e.getAsString();
  }

  static JsonArray array(JsonElement e, int size, String what) throws MalformedProofException {
    if (!e.isJsonArray()) {
      throw new MalformedProofException(what + " must be an array");
    }
    JsonArray a = e.getAsJsonArray();
    if (size >= 0 && a.size() != size) {
      throw new MalformedProofException(what + " must have " + size + " elements, has " + a.size());
    }
    return a;
  }

  /** A 0x-hex integer below {@code bound}; at most {@code maxBytes} bytes of hex digits. */
  static BigInteger hex(JsonElement e, BigInteger bound, int maxBytes, String what)
      throws MalformedProofException {
    String s = string(e, what);
    if (!s.startsWith("0x") || s.length() < 3 || s.length() > 2 + 2 * maxBytes) {
      throw new MalformedProofException(
          what + " must be 0x-prefixed hex of at most " + maxBytes + " bytes");
    }
    for (int i = 2; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        throw new MalformedProofException(what + " has a non-hex character");
      }
    }
    BigInteger v = new BigInteger(s.substring(2), 16);
    if (v.compareTo(bound) >= 0) {
      throw new MalformedProofException(what + " is not canonical: it is not below the modulus");
    }
    return v;
  }

  /** A G1 point, on the curve and in the order-r subgroup. */
  static G1Point g1(JsonElement e, PairingCurve c, String what) throws MalformedProofException {
    JsonArray a = array(e, 2, what);
    BigInteger x = hex(a.get(0), c.p(), c.fieldBytes(), what + ".x");
    BigInteger y = hex(a.get(1), c.p(), c.fieldBytes(), what + ".y");
    try {
      G1Point p = c.g1(x, y);
      if (!c.isInSubgroup(p)) {
        throw new MalformedProofException(what + " is not in the order-r subgroup of G1");
      }
      return p;
    } catch (InvalidPointException ex) {
      throw new MalformedProofException(what + ": " + ex.getMessage(), ex);
    }
  }

  /** A G2 point, on the twist and in the order-r subgroup. */
  static G2Point g2(JsonElement e, PairingCurve c, String what) throws MalformedProofException {
    JsonArray a = array(e, 2, what);
    JsonArray x = array(a.get(0), 2, what + ".x");
    JsonArray y = array(a.get(1), 2, what + ".y");
    int n = c.fieldBytes();
    BigInteger x0 = hex(x.get(0), c.p(), n, what + ".x.c0");
    BigInteger x1 = hex(x.get(1), c.p(), n, what + ".x.c1");
    BigInteger y0 = hex(y.get(0), c.p(), n, what + ".y.c0");
    BigInteger y1 = hex(y.get(1), c.p(), n, what + ".y.c1");
    try {
      G2Point p = c.g2(x0, x1, y0, y1);
      if (!c.isInSubgroup(p)) {
        throw new MalformedProofException(what + " is not in the order-r subgroup of G2");
      }
      return p;
    } catch (InvalidPointException ex) {
      throw new MalformedProofException(what + ": " + ex.getMessage(), ex);
    }
  }

  static ZokratesCurve schemeAndCurve(JsonObject o, String what) throws MalformedProofException {
    String scheme = string(member(o, "scheme", what), what + ".scheme");
    if (!scheme.equals("g16")) {
      throw new MalformedProofException(
          what + " is for scheme \"" + scheme + "\"; only Groth16 (\"g16\") is supported");
    }
    return ZokratesCurve.of(string(member(o, "curve", what), what + ".curve"));
  }
}
