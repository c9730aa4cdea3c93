package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pqzk.sig.encoding.KeyCodec;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.bouncycastle.crypto.params.ParametersWithContext;
import org.bouncycastle.crypto.params.SLHDSAParameters;
import org.bouncycastle.crypto.params.SLHDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.HashSLHDSASigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks of this module's own formatting against code it does not share: Wycheproof's sign_seed
 * files (their PKCS#8 seed-form keys, their mu, their deterministic signatures), and
 * BouncyCastle's own HashSLH-DSA signer for the pre-hashes it implements natively.
 */
class IndependentCheckTest {

  static JsonObject wycheproof(String file) throws Exception {
    try (InputStream in = IndependentCheckTest.class.getResourceAsStream("/vectors/wycheproof/" + file + ".gz");
        InputStreamReader r = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(r).getAsJsonObject();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mldsa_65_sign_seed_test.json, ML-DSA-65", "mldsa_87_sign_seed_test.json, ML-DSA-87"})
  void wycheproofSignSeed_pkcs8SeedForm_muAndDeterministicSignature(String file, String algName)
      throws Exception {
    SignatureAlgorithm alg = SignatureAlgorithm.fromName(algName);
    int checked = 0;
    for (JsonElement ge : wycheproof(file).getAsJsonArray("testGroups")) {
      JsonObject g = ge.getAsJsonObject();
      if (!g.has("privateKeyPkcs8") || g.get("privateKeyPkcs8").getAsString().isEmpty()) {
        continue;
      }
      PqPrivateKey fromPkcs8 = KeyCodec.decodePrivateKey(Hex.decode(g.get("privateKeyPkcs8").getAsString()));
      PqKeyPair fromSeed = Signatures.keyPairFromSeed(alg, Hex.decode(g.get("privateSeed").getAsString()));
      assertEquals(fromSeed.privateKey(), fromPkcs8);
      assertEquals(g.get("publicKey").getAsString(), Hex.encode(fromSeed.publicKey().raw()));
      JsonObject t = g.getAsJsonArray("tests").get(0).getAsJsonObject();
      if (!t.get("result").getAsString().equals("valid") || t.has("ctx")
          || t.get("flags").toString().contains("Internal")) {
        continue;
      }
      byte[] msg = Hex.decode(t.get("msg").getAsString());
      SignatureOptions det = SignatureOptions.defaults().deterministic();
      if (t.has("mu")) {
        assertEquals(t.get("mu").getAsString(), Hex.encode(Signatures.computeMu(fromSeed.publicKey(), msg, det)));
      }
      assertEquals(t.get("sig").getAsString(), Hex.encode(Signatures.signer(fromPkcs8, det).sign(msg)));
      checked++;
    }
    assertTrue(checked > 0);
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({"SLH_DSA_SHA2_128F, SHA2_256", "SLH_DSA_SHAKE_128F, SHAKE_128", "SLH_DSA_SHA2_192F, SHA2_512",
      "SLH_DSA_SHAKE_256F, SHAKE_256"})
  void hashSlhDsa_matchesBouncyCastlesOwnHashSigner(SignatureAlgorithm alg, PreHash ph) throws Exception {
    PqKeyPair kp = Fixtures.keys(alg);
    byte[] ctx = {7, 7, 7};
    SignatureOptions o = SignatureOptions.defaults().withPreHash(ph).withContext(ctx);
    byte[] sig = Signatures.signer(kp.privateKey(), o).sign(Fixtures.MESSAGE);
    HashSLHDSASigner bc = new HashSLHDSASigner();
    bc.init(false, new ParametersWithContext(
        new SLHDSAPublicKeyParameters(bcHashParams(alg), kp.publicKey().raw()), ctx));
    bc.update(Fixtures.MESSAGE, 0, Fixtures.MESSAGE.length);
    assertTrue(bc.verifySignature(sig), "BouncyCastle's HashSLH-DSA rejects our signature");
  }

  static SLHDSAParameters bcHashParams(SignatureAlgorithm alg) {
    switch (alg) {
      case SLH_DSA_SHA2_128F: return SLHDSAParameters.sha2_128f_with_sha256;
      case SLH_DSA_SHAKE_128F: return SLHDSAParameters.shake_128f_with_shake128;
      case SLH_DSA_SHA2_192F: return SLHDSAParameters.sha2_192f_with_sha512;
      default: return SLHDSAParameters.shake_256f_with_shake256;
    }
  }

  @Test
  void externalMu_signatureEqualsPureSignature() throws Exception {
    PqKeyPair kp = Fixtures.keys(SignatureAlgorithm.ML_DSA_87);
    SignatureOptions pure = Fixtures.withContext().deterministic();
    byte[] mu = Signatures.computeMu(kp.publicKey(), Fixtures.MESSAGE, pure);
    SignatureOptions ext = SignatureOptions.defaults().deterministic().withInput(SignatureOptions.Input.EXTERNAL_MU);
    byte[] a = Signatures.signer(kp.privateKey(), pure).sign(Fixtures.MESSAGE);
    byte[] b = Signatures.signer(kp.privateKey(), ext).sign(mu);
    assertArrayEquals(a, b);
    Signatures.verifier(kp.publicKey(), ext).verify(mu, a);
  }
}
