package io.pqzk.vectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opening and reading vector files: gzip is recognised by its magic bytes, not by the file name,
 * so {@code .json}, {@code .json.gz} and renamed files all read the same. Field accessors turn a
 * missing or mistyped field into a {@link VectorFormatException} naming the field.
 */
public final class VectorIo {
  private VectorIo() {}

  /** Opens {@code path}, transparently decompressing gzip. */
  public static InputStream open(Path path) throws IOException {
    return decompressIfGzip(Files.newInputStream(path));
  }

  /** Wraps {@code in} in a gzip decoder when it starts with the gzip magic bytes. */
  public static InputStream decompressIfGzip(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
    b.mark(2);
    int m0 = b.read();
    int m1 = b.read();
    b.reset();
    if (m0 == 0x1f && m1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
    }
    return b;
  }

  /** Reads all (decompressed) bytes of {@code path}. */
  public static byte[] readAll(Path path) throws IOException {
    try (InputStream in = open(path)) {
      return in.readAllBytes();
    }
  }

  /** Parses a JSON object from {@code in} (already decompressed or not). */
  public static JsonObject parseJson(InputStream in) throws IOException {
    try (InputStreamReader r =
        new InputStreamReader(decompressIfGzip(in), StandardCharsets.UTF_8)) {
      JsonElement e = JsonParser.parseReader(r);
      if (!e.isJsonObject()) {
        throw new VectorFormatException("top level is not a JSON object");
      }
      return e.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      // Gson's message names its exception class and adds a second line (a troubleshooting
      // link): the first line, without the class, is what pqzk vectors prints
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("")
          .replaceFirst("^[\\w.]+Exception: ", "");
      throw new VectorFormatException("malformed JSON: " + why, e);
    }
  }

  public static JsonObject parseJson(byte[] bytes) throws IOException {
    return parseJson(new java.io.ByteArrayInputStream(bytes));
  }

  public static String str(JsonObject o, String field) throws VectorFormatException {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      throw new VectorFormatException("missing field '" + field + "'");
    }
    if (!e.isJsonPrimitive()) {
      throw new VectorFormatException("field '" + field + "' is not a string");
    }
    return e.getAsString();
  }

  public static String optStr(JsonObject o, String field) throws VectorFormatException {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? null : str(o, field);
  }

  public static byte[] hex(JsonObject o, String field) throws VectorFormatException {
    try {
      return Hex.decode(str(o, field));
    } catch (VectorFormatException e) {
      throw new VectorFormatException("field '" + field + "': " + e.getMessage());
    }
  }

  public static byte[] optHex(JsonObject o, String field) throws VectorFormatException {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? null : hex(o, field);
  }

  public static int integer(JsonObject o, String field) throws VectorFormatException {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new VectorFormatException("missing or non-numeric field '" + field + "'");
    }
    long v = decimal(e, field);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new VectorFormatException("field '" + field + "' is out of range: " + v);
    }
    return (int) v;
  }

  /** An optional integer field (absent or null: {@code absent}); a number written as digits. */
  public static long optLong(JsonObject o, String field, long absent)
      throws VectorFormatException {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      return absent;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new VectorFormatException("field '" + field + "' is not a number");
    }
    return decimal(e, field);
  }

  /**
   * The number as its digits say, never through Gson's lazy conversions (a string such as
   * {@code "5rnd3"} threw NumberFormatException out of them, and {@code 1e999999999} would be
   * expanded to a billion digits first).
   */
  private static long decimal(JsonElement e, String field) throws VectorFormatException {
    String text = e.getAsString();
    if (!text.matches("-?[0-9]{1,18}")) {
      throw new VectorFormatException("field '" + field + "' is not an integer");
    }
    return Long.parseLong(text);
  }

  public static Boolean optBool(JsonObject o, String field) throws VectorFormatException {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw new VectorFormatException("field '" + field + "' is not a boolean");
    }
    return e.getAsBoolean();
  }

  public static JsonArray array(JsonObject o, String field) throws VectorFormatException {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonArray()) {
      throw new VectorFormatException("missing array '" + field + "'");
    }
    return e.getAsJsonArray();
  }

  public static JsonObject object(JsonElement e, String what) throws VectorFormatException {
    if (e == null || !e.isJsonObject()) {
      throw new VectorFormatException(what + " is not a JSON object");
    }
    return e.getAsJsonObject();
  }
}
