package io.pqzk.records.kem;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pqzk.vectors.TestVectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The published KEM vectors of the test-vectors module's {@code kem/} folder. */
final class KemVectors {
  static final String XWING = "kem/xwing-draft-connolly-cfrg-xwing-kem.json";
  static final String HPKE_PQ = "kem/hpke-pq-test-vectors.json";

  private KemVectors() {}

  static List<JsonObject> read(String file) {
    try (InputStream in = java.nio.file.Files.newInputStream(TestVectors.path(file))) {
      JsonArray a = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonArray();
      List<JsonObject> out = new ArrayList<>();
      for (JsonElement e : a) {
        out.add(e.getAsJsonObject());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(JsonObject o, String field) {
    return HexFormat.of().parseHex(o.get(field).getAsString());
  }

  /** Hands out the given bytes in order: a vector's randomness, as BouncyCastle asks for it. */
  static final class FixedRandom extends java.security.SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;
    private int at;

    FixedRandom(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (at + out.length > bytes.length) {
        throw new IllegalStateException("the vector's randomness is used up");
      }
      System.arraycopy(bytes, at, out, 0, out.length);
      at += out.length;
    }

    boolean usedUp() {
      return at == bytes.length;
    }
  }
}
