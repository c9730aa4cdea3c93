package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A sample of the NIST ACVP ML-DSA sigGen file (ACVP-Server v1.1.0.43; test-vectors/SOURCES.md
 * §1): the first case of every group kind, which covers HashML-DSA with each of the 12 pre-hashes
 * (OIDs and SHAKE output lengths), the internal interface with and without external mu, and both
 * deterministic and given randomness, byte for byte. The vectors suite runs all 360 cases.
 */
class AcvpMlDsaSampleTest {

  @Test
  void sigGen_firstCaseOfEachKind_matchesByteForByte() throws Exception {
    JsonObject prompt = AcvpSlhDsaSampleTest.read("ML-DSA-sigGen-FIPS204/prompt.json.gz");
    Map<Integer, JsonObject> expected =
        AcvpSlhDsaSampleTest.byTcId(AcvpSlhDsaSampleTest.read("ML-DSA-sigGen-FIPS204/expectedResults.json.gz"));
    Set<String> kinds = new HashSet<>();
    Set<PreHash> preHashes = new HashSet<>();
    for (JsonElement ge : prompt.getAsJsonArray("testGroups")) {
      JsonObject g = ge.getAsJsonObject();
      SignatureAlgorithm alg = SignatureAlgorithm.fromName(g.get("parameterSet").getAsString());
      boolean internal = g.get("signatureInterface").getAsString().equals("internal");
      boolean externalMu = g.has("externalMu") && g.get("externalMu").getAsBoolean();
      boolean deterministic = g.get("deterministic").getAsBoolean();
      for (JsonElement te : g.getAsJsonArray("tests")) {
        JsonObject t = te.getAsJsonObject();
        PreHash ph = t.has("hashAlg") ? PreHash.fromName(t.get("hashAlg").getAsString()) : null;
        String kind = internal + "/" + externalMu + "/" + deterministic + "/" + ph;
        if (!kinds.add(kind)) {
          continue;
        }
        SignatureOptions o = SignatureOptions.defaults();
        o = deterministic ? o.deterministic() : o.withRandomness(Hex.decode(t.get("rnd").getAsString()));
        if (internal) {
          o = o.withInput(externalMu ? SignatureOptions.Input.EXTERNAL_MU : SignatureOptions.Input.INTERNAL);
        } else {
          o = o.withContext(Hex.decode(t.get("context").getAsString())).withPreHash(ph);
        }
        byte[] msg = Hex.decode(t.get(externalMu ? "mu" : "message").getAsString());
        PqPrivateKey sk = Signatures.privateKeyFromExpanded(alg, Hex.decode(t.get("sk").getAsString()));
        byte[] sig = Signatures.provider("bc").signer(sk, o).sign(msg);
        assertEquals(expected.get(t.get("tcId").getAsInt()).get("signature").getAsString().toLowerCase(),
            Hex.encode(sig), "tcId " + t.get("tcId") + " " + kind);
        Signatures.verifier(sk.publicKey(), o).verify(msg, sig);
        if (ph != null) {
          preHashes.add(ph);
        }
      }
    }
    assertEquals(PreHash.values().length, preHashes.size());
    assertTrue(kinds.size() >= 28, "kinds " + kinds.size());
  }
}
