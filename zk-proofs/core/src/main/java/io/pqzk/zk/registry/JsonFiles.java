package io.pqzk.zk.registry;

import io.pqzk.common.DurableFiles;
import java.io.OutputStreamWriter;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/** Reading and writing the registry's JSON files, with errors that name the file and field. */
final class JsonFiles {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
      .create();

  private JsonFiles() {}

  /** Receives the elements of one top-level array, one at a time. */
  @FunctionalInterface
  interface ElementSink {
    void accept(int index, JsonElement element) throws RegistryException;
  }

  /** Writes the body of a JSON document. */
  @FunctionalInterface
  interface Body {
    void write(JsonWriter w) throws IOException;
  }

  /**
   * Reads a top-level object, streaming the elements of {@code arrayField} into {@code sink}
   * (so a registry of a million records is never one tree in memory) and returning the other
   * fields. Fails if {@code arrayField} is absent or not an array.
   */
  static JsonObject readStreaming(Path file, String arrayField, ElementSink sink)
      throws RegistryException {
    return readStreaming(file, arrayField, sink, null);
  }

  /** As above; every byte of the file also goes through {@code digest} when it is not null. */
  static JsonObject readStreaming(Path file, String arrayField, ElementSink sink,
      java.security.MessageDigest digest) throws RegistryException {
    java.io.InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new RegistryException(file + ": no such file", e);
    } catch (IOException e) {
      throw new RegistryException(file + ": cannot read: " + e.getMessage(), e);
    }
    java.io.InputStream in = digest == null ? raw
        : new java.security.DigestInputStream(raw, digest);
    try (JsonReader r = new JsonReader(new java.io.BufferedReader(
        new java.io.InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16))) {
      JsonObject rest = new JsonObject();
      boolean seen = false;
      if (r.peek() != JsonToken.BEGIN_OBJECT) {
        throw new RegistryException(file + ": not a JSON object");
      }
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        if (name.equals(arrayField) && !seen) {
          seen = true;
          if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw new RegistryException(file + ": field '" + arrayField + "' is not an array");
          }
          r.beginArray();
          for (int i = 0; r.hasNext(); i++) {
            sink.accept(i, JsonParser.parseReader(r));
          }
          r.endArray();
        } else if (rest.has(name) || name.equals(arrayField)) {
          throw new RegistryException(file + ": field '" + name + "' appears twice");
        } else {
          rest.add(name, JsonParser.parseReader(r));
        }
      }
      r.endObject();
      if (r.peek() != JsonToken.END_DOCUMENT) {
        throw new RegistryException(file + ": trailing data after the JSON object");
      }
      in.transferTo(java.io.OutputStream.nullOutputStream()); // the digest covers every byte
      if (!seen) {
        throw new RegistryException(file + ": field '" + arrayField + "' missing");
      }
      return rest;
    } catch (NoSuchFileException e) {
      throw new RegistryException(file + ": no such file", e);
    } catch (IOException | IllegalStateException e) {
      throw new RegistryException(file + ": not valid JSON: " + e.getMessage(), e);
    } catch (JsonParseException e) {
      throw new RegistryException(file + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a JSON document atomically (temporary file in the same directory, then rename), so a
   * crash leaves either the old file or the new one. With {@code secret}, the file is created
   * with mode 0600 before any byte is written (on POSIX file systems). Without {@code replace},
   * the file is published with a hard link, which fails if the name exists even when two
   * processes race.
   *
   * @throws FileAlreadyExistsException when {@code replace} is false and the file exists
   */
  static void write(Path file, boolean secret, boolean replace, Body body) throws IOException {
    DurableFiles.write(file, secret ? DurableFiles.Access.SECRET : DurableFiles.Access.PUBLIC,
        replace ? DurableFiles.Existing.REPLACE : DurableFiles.Existing.REFUSE, out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          JsonWriter jw = GSON.newJsonWriter(w);
          body.write(jw);
          jw.flush();
          w.write('\n');
          w.flush();
        });
  }


  static String string(JsonObject o, String field, Path file) throws RegistryException {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new RegistryException(file + ": field '" + field + "' missing or not a string");
    }
    return e.getAsString();
  }

  static long integer(JsonObject o, String field, Path file, long min, long max)
      throws RegistryException {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new RegistryException(file + ": field '" + field + "' missing or not a number");
    }
    long v;
    try {
      v = new java.math.BigDecimal(e.getAsString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException ex) {
      throw new RegistryException(file + ": field '" + field + "' is not an integer");
    }
    if (v < min || v > max) {
      throw new RegistryException(
          file + ": field '" + field + "' = " + v + " outside [" + min + ", " + max + "]");
    }
    return v;
  }

  static byte[] hex(String s, int length, String what, Path file) throws RegistryException {
    byte[] b;
    try {
      b = HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(file + ": " + what + " is not hex");
    }
    if (b.length != length) {
      throw new RegistryException(
          file + ": " + what + " is " + b.length + " bytes, expected " + length);
    }
    return b;
  }
}
