package io.pqzk.records.custodian;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.zk.claims.Attribute;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record document as imported: the exact bytes (stored, hashed and returned as they are, never
 * re-serialized) and the attributes claims use, read from them. This schema's documents are JSON
 * objects in UTF-8 whose top level carries each attribute of {@link Attribute} by its column name
 * ({@code subject_id}, {@code birth_year}, {@code blood_group}, {@code fitness}, {@code vax_date},
 * {@code clearance}, {@code issuer}) as a non-negative integer below 2^32, exactly once; any other
 * member (names, dates, notes, identifiers) is kept in the document and read by nobody here.
 * Parsed strictly: a duplicate attribute, a missing one, a fraction, an exponent or a string where
 * a number belongs is refused, naming the field.
 */
public final class RecordDocument {
  /** The record schema these documents follow. */
  public static final String SCHEMA = "service-member/v1";
  /** Documents above this size are refused before parsing. */
  public static final int MAX_BYTES = 4 << 20;

  private final byte[] bytes;
  private final long[] attributes;

  private RecordDocument(byte[] bytes, long[] attributes) {
    this.bytes = bytes;
    this.attributes = attributes;
  }

  /**
   * Reads a document; {@code source} names it in errors (a file name, never its content).
   *
   * @throws InvalidRecordInputException naming the source and the field
   */
  public static RecordDocument parse(byte[] bytes, String source)
      throws InvalidRecordInputException {
    if (bytes.length > MAX_BYTES) {
      throw new InvalidRecordInputException(source + ": " + bytes.length + " bytes, a document"
          + " may have at most " + MAX_BYTES);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRecordInputException(source + ": not UTF-8 text");
    }
    long[] attrs = new long[Attribute.values().length];
    boolean[] seen = new boolean[attrs.length];
    try (JsonReader r = new JsonReader(new StringReader(text))) {
      r.setStrictness(Strictness.STRICT);
      if (r.peek() != JsonToken.BEGIN_OBJECT) {
        throw new InvalidRecordInputException(source + ": a record document is a JSON object");
      }
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        Attribute a = attribute(name);
        if (a == null) {
          r.skipValue();
          continue;
        }
        if (seen[a.ordinal()]) {
          throw new InvalidRecordInputException(source + ": \"" + name + "\" appears twice");
        }
        seen[a.ordinal()] = true;
        attrs[a.ordinal()] = integer(r, name, source);
      }
      r.endObject();
      if (r.peek() != JsonToken.END_DOCUMENT) {
        throw new InvalidRecordInputException(source + ": text after the JSON object");
      }
    } catch (IOException | IllegalStateException e) {
      throw new InvalidRecordInputException(source + ": not valid JSON ("
          + firstLine(e.getMessage()) + ")");
    }
    for (Attribute a : Attribute.values()) {
      if (!seen[a.ordinal()]) {
        throw new InvalidRecordInputException(source + ": the attribute \"" + a.columnName()
            + "\" is missing (a " + SCHEMA + " document carries all of "
            + Arrays.stream(Attribute.values()).map(Attribute::columnName).toList() + ")");
      }
    }
    return new RecordDocument(bytes.clone(), attrs);
  }

  /**
   * A document of another format (a FHIR R4 Bundle) whose attributes a reader of that format
   * extracted by its own documented rules; the bytes are kept exactly as given. {@code source}
   * names it in errors.
   *
   * @throws InvalidRecordInputException if it is too large or an attribute is out of range
   */
  public static RecordDocument extracted(byte[] bytes, long[] attributes, String source)
      throws InvalidRecordInputException {
    if (bytes.length > MAX_BYTES) {
      throw new InvalidRecordInputException(source + ": " + bytes.length + " bytes, a document"
          + " may have at most " + MAX_BYTES);
    }
    if (attributes.length != Attribute.values().length) {
      throw new IllegalArgumentException("a record has " + Attribute.values().length
          + " attributes, got " + attributes.length);
    }
    for (Attribute a : Attribute.values()) {
      long v = attributes[a.ordinal()];
      if (v < 0 || v >= Attribute.LIMIT) {
        throw new InvalidRecordInputException(source + ": " + a.columnName() + " is not in [0,"
            + " 2^32)");
      }
    }
    return new RecordDocument(bytes.clone(), attributes.clone());
  }

  private static Attribute attribute(String name) {
    for (Attribute a : Attribute.values()) {
      if (a.columnName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  private static long integer(JsonReader r, String name, String source)
      throws IOException, InvalidRecordInputException {
    if (r.peek() != JsonToken.NUMBER) {
      throw new InvalidRecordInputException(source + ": \"" + name + "\" must be a number, got "
          + r.peek().name().toLowerCase(java.util.Locale.ROOT));
    }
    String digits = r.nextString();
    if (!digits.matches("0|[1-9][0-9]{0,9}")) {
      throw new InvalidRecordInputException(source + ": \"" + name + "\" must be an integer in"
          + " [0, 2^32) without sign, fraction or exponent");
    }
    BigInteger v = new BigInteger(digits);
    if (v.bitLength() > 32) {
      throw new InvalidRecordInputException(source + ": \"" + name + "\" is at least 2^32");
    }
    return v.longValueExact();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").replaceAll("[^\\x20-\\x7e]", "?");
  }

  /** The exact bytes: a secret, the caller wipes the copy. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The attributes in {@link Attribute} order. */
  public long[] attributes() {
    return attributes.clone();
  }

  /** The subject id, as requests name it (decimal). */
  public String subjectId() {
    return Long.toString(attributes[Attribute.SUBJECT_ID.ordinal()]);
  }

  public void wipe() {
    Arrays.fill(bytes, (byte) 0);
    Arrays.fill(attributes, 0);
  }

  @Override
  public String toString() {
    return "RecordDocument[" + bytes.length + " bytes, redacted]";
  }
}
