package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A sample of NIST ACVP SLH-DSA vectors (ACVP-Server v1.1.0.35 via cloudflare/circl; see
 * test-vectors/SOURCES.md §1) through the public API: key generation from the three seeds, and
 * one f-set signature per mode of the internal interface. The vectors suite runs them all.
 */
class AcvpSlhDsaSampleTest {

  static JsonObject read(String path) throws IOException {
    try (InputStream in = AcvpSlhDsaSampleTest.class.getResourceAsStream("/vectors/acvp/" + path);
        InputStreamReader r = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(r).getAsJsonObject();
    }
  }

  static Map<Integer, JsonObject> byTcId(JsonObject file) {
    Map<Integer, JsonObject> out = new HashMap<>();
    for (JsonElement g : file.getAsJsonArray("testGroups")) {
      for (JsonElement t : g.getAsJsonObject().getAsJsonArray("tests")) {
        out.put(t.getAsJsonObject().get("tcId").getAsInt(), t.getAsJsonObject());
      }
    }
    return out;
  }

  @Test
  void keyGen_fromSeeds_matchesAcvp() throws Exception {
    JsonObject prompt = read("SLH-DSA-keyGen-FIPS205/prompt.json.gz");
    Map<Integer, JsonObject> expected = byTcId(read("SLH-DSA-keyGen-FIPS205/expectedResults.json.gz"));
    int checked = 0;
    for (JsonElement ge : prompt.getAsJsonArray("testGroups")) {
      JsonObject g = ge.getAsJsonObject();
      SignatureAlgorithm alg = SignatureAlgorithm.fromName(g.get("parameterSet").getAsString());
      if (alg.displayName().endsWith("s")) {
        continue; // the slow sets are covered by the vectors suite
      }
      JsonObject t = g.getAsJsonArray("tests").get(0).getAsJsonObject();
      byte[] seed = Hex.decode(t.get("skSeed").getAsString() + t.get("skPrf").getAsString()
          + t.get("pkSeed").getAsString());
      PqKeyPair kp = Signatures.keyPairFromSeed(alg, seed);
      JsonObject e = expected.get(t.get("tcId").getAsInt());
      assertEquals(e.get("pk").getAsString().toLowerCase(), Hex.encode(kp.publicKey().raw()));
      assertEquals(e.get("sk").getAsString().toLowerCase(),
          Hex.encode(kp.privateKey().expanded().orElseThrow()));
      checked++;
    }
    assertEquals(6, checked);
  }

  @Test
  void sigGen_internalInterface_matchesAcvp() throws Exception {
    JsonObject prompt = read("SLH-DSA-sigGen-FIPS205/prompt.json.gz");
    Map<Integer, JsonObject> expected = byTcId(read("SLH-DSA-sigGen-FIPS205/expectedResults.json.gz"));
    int checked = 0;
    for (JsonElement ge : prompt.getAsJsonArray("testGroups")) {
      JsonObject g = ge.getAsJsonObject();
      SignatureAlgorithm alg = SignatureAlgorithm.fromName(g.get("parameterSet").getAsString());
      if (alg.displayName().endsWith("s")) {
        continue;
      }
      JsonObject t = g.getAsJsonArray("tests").get(0).getAsJsonObject();
      PqPrivateKey sk = Signatures.privateKeyFromExpanded(alg, Hex.decode(t.get("sk").getAsString()));
      SignatureOptions o = SignatureOptions.defaults().withInput(SignatureOptions.Input.INTERNAL);
      o = g.get("deterministic").getAsBoolean() ? o.deterministic()
          : o.withRandomness(Hex.decode(t.get("additionalRandomness").getAsString()));
      byte[] msg = Hex.decode(t.get("message").getAsString());
      byte[] sig = Signatures.signer(sk, o).sign(msg);
      assertEquals(expected.get(t.get("tcId").getAsInt()).get("signature").getAsString().toLowerCase(),
          Hex.encode(sig), "tcId " + t.get("tcId"));
      Signatures.verifier(sk.publicKey(), o).verify(msg, sig);
      checked++;
    }
    assertEquals(6, checked);
  }
}
