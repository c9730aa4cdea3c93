package io.pqzk.vectors.wycheproof;

import static io.pqzk.vectors.VectorIo.array;
import static io.pqzk.vectors.VectorIo.hex;
import static io.pqzk.vectors.VectorIo.integer;
import static io.pqzk.vectors.VectorIo.object;
import static io.pqzk.vectors.VectorIo.optHex;
import static io.pqzk.vectors.VectorIo.optStr;
import static io.pqzk.vectors.VectorIo.str;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.pqzk.vectors.VectorFormatException;
import io.pqzk.vectors.VectorIo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads C2SP Wycheproof ML-DSA files ({@code testvectors_v1}, schemas in
 * {@code test-vectors/wycheproof/schemas}). The kind comes from the {@code schema} field.
 */
public final class WycheproofLoader {
  /** The schemas this loader reads. */
  public static final List<String> SCHEMAS = List.of(
      "mldsa_sign_seed_schema.json", "mldsa_sign_noseed_schema.json", "mldsa_verify_schema.json");

  private WycheproofLoader() {}

  /** True when {@code json} is a Wycheproof file (it names a {@code schema}). */
  public static boolean isWycheproof(JsonObject json) {
    return json.has("schema") && json.has("testGroups");
  }

  /** Loads {@code file} (plain or gzip). */
  public static WycheproofMlDsaFile load(Path file) throws IOException {
    try (InputStream in = VectorIo.open(file)) {
      return parse(VectorIo.parseJson(in));
    } catch (VectorFormatException e) {
      throw new VectorFormatException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a Wycheproof ML-DSA file.
   *
   * @throws VectorFormatException for another schema or a malformed group or test
   */
  public static WycheproofMlDsaFile parse(JsonObject json) throws VectorFormatException {
    String schema = str(json, "schema");
    if (!SCHEMAS.contains(schema)) {
      throw new VectorFormatException("unsupported Wycheproof schema '" + schema + "' (supported: "
          + String.join(", ", SCHEMAS) + ")");
    }
    Map<String, String> notes = new LinkedHashMap<>();
    JsonElement ne = json.get("notes");
    if (ne != null && ne.isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : ne.getAsJsonObject().entrySet()) {
        JsonElement v = e.getValue();
        String text = v.isJsonObject() && v.getAsJsonObject().has("description")
            ? v.getAsJsonObject().get("description").getAsString() : v.toString();
        notes.put(e.getKey(), text);
      }
    }
    List<MlDsaSignGroup> sign = new ArrayList<>();
    List<MlDsaVerifyGroup> verify = new ArrayList<>();
    boolean isSign = schema.startsWith("mldsa_sign");
    for (JsonElement ge : array(json, "testGroups")) {
      JsonObject g = object(ge, "test group");
      if (isSign) {
        List<MlDsaSignTest> tests = new ArrayList<>();
        for (JsonElement te : array(g, "tests")) {
          tests.add(signTest(object(te, "test")));
        }
        sign.add(new MlDsaSignGroup(optHex(g, "privateSeed"), optHex(g, "privateKeyPkcs8"),
            optHex(g, "privateKey"), optHex(g, "publicKey"), tests));
      } else {
        List<MlDsaVerifyTest> tests = new ArrayList<>();
        for (JsonElement te : array(g, "tests")) {
          JsonObject t = object(te, "test");
          int tcId = integer(t, "tcId");
          try {
            tests.add(new MlDsaVerifyTest(tcId, comment(t), hex(t, "msg"), ctx(t), hex(t, "sig"),
                WycheproofResult.of(str(t, "result")), flags(t)));
          } catch (VectorFormatException e) {
            throw new VectorFormatException("tcId " + tcId + ": " + e.getMessage(), e);
          }
        }
        verify.add(new MlDsaVerifyGroup(hex(g, "publicKey"), optHex(g, "publicKeyDer"), tests));
      }
    }
    return new WycheproofMlDsaFile(str(json, "algorithm"), schema,
        json.has("numberOfTests") ? integer(json, "numberOfTests") : -1, notes, sign, verify);
  }

  private static MlDsaSignTest signTest(JsonObject t) throws VectorFormatException {
    int tcId = integer(t, "tcId");
    try {
      MlDsaSignTest s = new MlDsaSignTest(tcId, comment(t), optHex(t, "msg"), ctx(t),
          optHex(t, "rnd"), optHex(t, "mu"), hex(t, "sig"), WycheproofResult.of(str(t, "result")),
          flags(t));
      // what the case signs must be there: mu for an Internal case, else msg (a file without
      // either let a null message reach the signature API, found by VectorFileFuzzTest)
      if (s.isInternal() ? s.mu() == null : s.msg() == null) {
        throw new VectorFormatException(s.isInternal() ? "an Internal case without 'mu'"
            : "missing hex field 'msg'");
      }
      return s;
    } catch (VectorFormatException e) {
      throw new VectorFormatException("tcId " + tcId + ": " + e.getMessage(), e);
    }
  }

  private static String comment(JsonObject t) throws VectorFormatException {
    String c = optStr(t, "comment");
    return c == null ? "" : c;
  }

  private static byte[] ctx(JsonObject t) throws VectorFormatException {
    byte[] c = optHex(t, "ctx");
    return c == null ? new byte[0] : c;
  }

  private static List<String> flags(JsonObject t) {
    List<String> f = new ArrayList<>();
    JsonElement e = t.get("flags");
    if (e != null && e.isJsonArray()) {
      for (JsonElement x : e.getAsJsonArray()) {
        f.add(x.getAsString());
      }
    }
    return f;
  }
}
