package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wycheproof's ML-DSA sign_noseed files (C2SP/wycheproof, Apache-2.0; test-vectors/SOURCES.md)
 * contain expanded private keys whose s1 or s2 is out of range: importing them must fail with
 * {@link MalformedKeyException}, and every valid key in the file must import. The full files run
 * in the vectors suite.
 */
class WycheproofPrivateKeySampleTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mldsa_44_sign_noseed_test.json, ML-DSA-44", "mldsa_65_sign_noseed_test.json, ML-DSA-65"})
  void expandedKeys_outOfRangeRejected_othersImport(String file, String algName) throws Exception {
    SignatureAlgorithm alg = SignatureAlgorithm.fromName(algName);
    JsonObject root;
    try (InputStream in = getClass().getResourceAsStream("/vectors/wycheproof/" + file + ".gz");
        InputStreamReader r = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)) {
      root = JsonParser.parseReader(r).getAsJsonObject();
    }
    int rejected = 0;
    int imported = 0;
    for (JsonElement ge : root.getAsJsonArray("testGroups")) {
      JsonObject g = ge.getAsJsonObject();
      byte[] sk = Hex.decode(g.get("privateKey").getAsString());
      boolean invalidKey = false;
      for (JsonElement t : g.getAsJsonArray("tests")) {
        String flags = t.getAsJsonObject().get("flags").toString();
        invalidKey |= flags.contains("InvalidPrivateKey") || flags.contains("IncorrectPrivateKeyLength");
      }
      if (invalidKey) {
        PqSignatureException e = assertThrows(PqSignatureException.class,
            () -> Signatures.privateKeyFromExpanded(alg, sk));
        assertTrue(e instanceof MalformedKeyException || e instanceof WrongLengthException, e.toString());
        rejected++;
      } else {
        PqPrivateKey key = Signatures.privateKeyFromExpanded(alg, sk);
        assertEquals(g.get("publicKey").getAsString(), Hex.encode(key.publicKey().raw()));
        imported++;
      }
    }
    assertEquals(4, rejected);
    assertTrue(imported > 0);
  }
}
