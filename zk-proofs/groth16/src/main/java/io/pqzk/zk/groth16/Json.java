package io.pqzk.zk.groth16;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.curves.G1Point;
import io.pqzk.zk.curves.G2Point;
import io.pqzk.zk.curves.InvalidPointException;
import io.pqzk.zk.curves.PairingCurve;
import io.pqzk.zk.groth16.StrictJson.Arr;
import io.pqzk.zk.groth16.StrictJson.Obj;
import io.pqzk.zk.groth16.StrictJson.Scalar;
import io.pqzk.zk.groth16.StrictJson.Str;
import io.pqzk.zk.groth16.StrictJson.Value;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ZoKrates' JSON documents, read strictly: a size cap before anything else, then {@link
 * StrictJson}'s grammar, then one of ZoKrates' two layouts byte for byte (so a document has one
 * encoding per layout), then the schema. Field elements are "0x" and exactly twice their byte
 * length in lowercase hex digits, big-endian; a G1 point is [x, y]; a G2 point is [[x.c0, x.c1],
 * [y.c0, y.c1]] (real part first, checked against files made by zokrates-js 1.1.9, see
 * src/test/resources/zokrates). Every problem becomes a {@link MalformedProofException} naming the
 * member.
 */
final class Json {
  /** Public inputs are elements of GF(r), r below 2^256 on both curves: 32 bytes. */
  static final int INPUT_HEX_DIGITS = 64;

  private Json() {}

  /** Strict UTF-8 after the cap: a document's bytes are checked before they become a string. */
  static String decode(byte[] bytes, int maxBytes, String document) throws MalformedProofException {
    if (bytes.length > maxBytes) {
      throw new InputTooLargeException(document, bytes.length, maxBytes);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedProofException(document + " is not UTF-8 text", e);
    }
  }

  /**
   * The document's top object: at most {@code maxBytes} long, strict JSON, and laid out as ZoKrates
   * writes it (compact, or two-space indented with at most one final line feed).
   */
  static Obj document(String text, int maxBytes, String document, String root)
      throws MalformedProofException {
    if (text.length() > maxBytes) { // a char is at least one UTF-8 byte
      throw new InputTooLargeException(
          document, text.getBytes(StandardCharsets.UTF_8).length, maxBytes);
    }
    Obj o = object(StrictJson.parse(text, document, root));
    String compact = StrictJson.render(o, false);
    if (!text.equals(compact)) {
      String pretty = StrictJson.render(o, true);
      if (!text.equals(pretty) && !text.equals(pretty + "\n")) {
        String nearest = text.indexOf('\n') >= 0 ? pretty : compact;
        int i = 0;
        while (i < text.length() && i < nearest.length() && text.charAt(i) == nearest.charAt(i)) {
          i++;
        }
        throw new MalformedProofException(document + " is not laid out as ZoKrates writes it"
            + " (compact, or indented by two spaces with at most one final line feed): it differs"
            + " at " + StrictJson.where(text, i));
      }
    }
    return o;
  }

  /** Exactly these members, in this order (ZoKrates writes them so). */
  static void members(Obj o, String... names) throws MalformedProofException {
    for (String n : names) {
      member(o, n);
    }
    List<String> expected = List.of(names);
    for (String n : o.members().keySet()) {
      if (!expected.contains(n)) {
        throw new MalformedProofException(o.path() + " has an unknown member \""
            + StrictJson.shorten(n) + "\" (expected exactly " + String.join(", ", names) + ")");
      }
    }
    if (!List.copyOf(o.members().keySet()).equals(expected)) {
      throw new MalformedProofException(o.path() + "'s members must come in ZoKrates' order: "
          + String.join(", ", names));
    }
  }

  static Value member(Obj o, String name) throws MalformedProofException {
    Value v = o.members().get(name);
    if (v == null) {
      throw new MalformedProofException(o.path() + " has no \"" + name + "\"");
    }
    return v;
  }

  static Obj object(Value v) throws MalformedProofException {
    if (v instanceof Obj o) {
      return o;
    }
    throw new MalformedProofException(v.path() + " must be an object, found " + kind(v));
  }

  /** An array of {@code size} elements, any size when negative. */
  static Arr array(Value v, int size) throws MalformedProofException {
    if (!(v instanceof Arr a)) {
      throw new MalformedProofException(v.path() + " must be an array, found " + kind(v));
    }
    if (size >= 0 && a.items().size() != size) {
      throw new MalformedProofException(
          v.path() + " must have " + size + " elements, has " + a.items().size());
    }
    return a;
  }

  static String string(Value v) throws MalformedProofException {
    if (v instanceof Str s) {
      return s.value();
    }
    throw new MalformedProofException(v.path() + " must be a string, found " + kind(v));
  }

  private static String kind(Value v) {
    if (v instanceof Obj) {
      return "an object";
    } else if (v instanceof Arr) {
      return "an array";
    } else if (v instanceof Str) {
      return "a string";
    }
    String t = ((Scalar) v).token();
    return t.equals("true") || t.equals("false") || t.equals("null") ? t : "a number";
  }

  /**
   * "0x" then exactly {@code digits} lowercase hex digits, big-endian, of a value below {@code
   * bound} ({@code boundName} in messages).
   */
  static BigInteger hex(Value v, int digits, BigInteger bound, String boundName)
      throws MalformedProofException {
    String s = string(v);
    String form = " must be \"0x\" and exactly " + digits + " lowercase hex digits";
    if (s.length() != 2 + digits || !s.startsWith("0x")) {
      throw new MalformedProofException(v.path() + form + ", found a string of length "
          + s.length() + (s.startsWith("0x") ? "" : " not starting with \"0x\""));
    }
    for (int i = 2; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch >= '0' && ch <= '9') && !(ch >= 'a' && ch <= 'f')) {
        throw new MalformedProofException(v.path() + form + ", found " + StrictJson.describe(ch));
      }
    }
    BigInteger n = new BigInteger(s.substring(2), 16);
    if (n.compareTo(bound) >= 0) {
      throw new MalformedProofException(
          v.path() + " is not canonical: it is not below " + boundName);
    }
    return n;
  }

  /** A G1 point: on the curve, in the order-r subgroup, and not the point at infinity. */
  static G1Point g1(Value v, PairingCurve c) throws MalformedProofException {
    List<Value> xy = array(v, 2).items();
    int digits = 2 * c.fieldBytes();
    BigInteger x = hex(xy.get(0), digits, c.p(), "p");
    BigInteger y = hex(xy.get(1), digits, c.p(), "p");
    G1Point p;
    try {
      p = c.g1(x, y);
    } catch (InvalidPointException ex) {
      throw new MalformedProofException(v.path() + ": " + ex.getMessage(), ex);
    }
    if (p.isInfinity()) {
      throw new MalformedProofException(v.path() + " is the point at infinity");
    }
    if (!c.isInSubgroup(p)) {
      throw new MalformedProofException(v.path() + " is not in the order-r subgroup of G1");
    }
    return p;
  }

  /** A G2 point: on the twist, in the order-r subgroup, and not the point at infinity. */
  static G2Point g2(Value v, PairingCurve c) throws MalformedProofException {
    List<Value> xy = array(v, 2).items();
    List<Value> x = array(xy.get(0), 2).items();
    List<Value> y = array(xy.get(1), 2).items();
    int digits = 2 * c.fieldBytes();
    BigInteger x0 = hex(x.get(0), digits, c.p(), "p");
    BigInteger x1 = hex(x.get(1), digits, c.p(), "p");
    BigInteger y0 = hex(y.get(0), digits, c.p(), "p");
    BigInteger y1 = hex(y.get(1), digits, c.p(), "p");
    G2Point p;
    try {
      p = c.g2(x0, x1, y0, y1);
    } catch (InvalidPointException ex) {
      throw new MalformedProofException(v.path() + ": " + ex.getMessage(), ex);
    }
    if (p.isInfinity()) {
      throw new MalformedProofException(v.path() + " is the point at infinity");
    }
    if (!c.isInSubgroup(p)) {
      throw new MalformedProofException(v.path() + " is not in the order-r subgroup of G2");
    }
    return p;
  }

  /** The scheme (only "g16") and curve, read before the member set so a message names them. */
  static ZokratesCurve schemeAndCurve(Obj o) throws MalformedProofException {
    String scheme = string(member(o, "scheme"));
    if (!scheme.equals("g16")) {
      throw new MalformedProofException(o.path() + " is for scheme \"" + StrictJson.shorten(scheme)
          + "\"; only Groth16 (\"g16\") is supported");
    }
    return ZokratesCurve.of(string(member(o, "curve")));
  }
}
