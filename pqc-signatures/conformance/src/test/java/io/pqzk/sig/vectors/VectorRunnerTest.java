package io.pqzk.sig.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.pqzk.sig.Signatures;
import io.pqzk.vectors.TestVectors;
import io.pqzk.vectors.VectorIo;
import io.pqzk.vectors.acvp.AcvpLoader;
import io.pqzk.vectors.wycheproof.WycheproofLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner notices tampered vectors: a check that cannot fail proves nothing. */
class VectorRunnerTest {
  private final VectorRunner runner = new VectorRunner(
      new VectorRunner.Options(Signatures.defaultProvider(), 2, true));

  private static JsonObject json(String packaged) throws IOException {
    try (InputStream in = TestVectors.open(packaged)) {
      return VectorIo.parseJson(in);
    }
  }

  private static JsonObject firstTest(JsonObject file) {
    return file.getAsJsonArray("testGroups").get(0).getAsJsonObject()
        .getAsJsonArray("tests").get(0).getAsJsonObject();
  }

  private static String flipFirstHexDigit(String hex) {
    return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
  }

  @Test
  void run_acvpSigGen_modifiedExpectedSignature_failsThatCaseOnly() throws Exception {
    JsonObject prompt = json("acvp/ML-DSA-sigGen-FIPS204/prompt.json.gz");
    JsonObject results = json("acvp/ML-DSA-sigGen-FIPS204/expectedResults.json.gz");
    JsonObject t = firstTest(results);
    t.addProperty("signature", flipFirstHexDigit(t.get("signature").getAsString()));
    FileReport r = runner.run(AcvpLoader.parse(prompt, results), "sigGen", VectorRunner.Progress.NONE);
    assertEquals(359, r.passed());
    assertEquals(1, r.failed());
    assertTrue(r.failures().get(0).startsWith("tg1/tc1: signature differs"), r.failures().get(0));
  }

  @Test
  void run_acvpSigVer_flippedVerdict_isReportedBothWays() throws Exception {
    JsonObject prompt = json("acvp/ML-DSA-sigVer-FIPS204/prompt.json.gz");
    JsonObject results = json("acvp/ML-DSA-sigVer-FIPS204/expectedResults.json.gz");
    int flipped = 0;
    for (var g : results.getAsJsonArray("testGroups")) {
      JsonArray tests = g.getAsJsonObject().getAsJsonArray("tests");
      for (var e : tests) {
        JsonObject t = e.getAsJsonObject();
        if (flipped < 2 && t.get("testPassed").getAsBoolean() == (flipped == 0)) {
          t.addProperty("testPassed", !t.get("testPassed").getAsBoolean());
          flipped++;
        }
      }
    }
    FileReport r = runner.run(AcvpLoader.parse(prompt, results), "sigVer", VectorRunner.Progress.NONE);
    assertEquals(2, r.failed(), String.join("\n", r.failures()));
    assertTrue(r.failures().stream().anyMatch(f -> f.contains("was accepted but must be rejected")));
    assertTrue(r.failures().stream().anyMatch(f -> f.contains("valid signature rejected")));
  }

  @Test
  void run_wycheproofVerify_validCaseMarkedInvalid_fails() throws Exception {
    JsonObject f = json("wycheproof/mldsa_44_verify_test.json.gz");
    JsonObject valid = null;
    for (var g : f.getAsJsonArray("testGroups")) {
      for (var e : g.getAsJsonObject().getAsJsonArray("tests")) {
        if (valid == null && e.getAsJsonObject().get("result").getAsString().equals("valid")) {
          valid = e.getAsJsonObject();
        }
      }
    }
    valid.addProperty("result", "invalid");
    FileReport r = runner.run(WycheproofLoader.parse(f), "wp", VectorRunner.Progress.NONE);
    assertEquals(List.of("tcId " + valid.get("tcId").getAsInt()
        + ": invalid signature (" + String.join(",", flags(valid)) + ") was accepted but must be rejected"),
        r.failures());
  }

  @Test
  void run_wycheproofSign_wrongMu_fails() throws Exception {
    JsonObject f = json("wycheproof/mldsa_65_sign_seed_test.json.gz");
    JsonObject t = firstTest(f);
    t.addProperty("mu", flipFirstHexDigit(t.get("mu").getAsString()));
    FileReport r = runner.run(WycheproofLoader.parse(f), "wp", VectorRunner.Progress.NONE);
    assertEquals(List.of("tcId 1: mu differs from the expected value at byte 0 of 64"), r.failures());
  }

  @Test
  void run_wycheproofSign_pkcs8OfAnotherKey_failsEveryTestOfThatGroup() throws Exception {
    JsonObject f = json("wycheproof/mldsa_87_sign_seed_test.json.gz");
    JsonArray groups = f.getAsJsonArray("testGroups");
    JsonObject g0 = groups.get(0).getAsJsonObject();
    JsonObject g1 = groups.get(1).getAsJsonObject();
    g0.add("privateKeyPkcs8", g1.get("privateKeyPkcs8"));
    FileReport r = runner.run(WycheproofLoader.parse(f), "wp", VectorRunner.Progress.NONE);
    long validInGroup = 0;
    for (var t : g0.getAsJsonArray("tests")) {
      validInGroup += t.getAsJsonObject().get("result").getAsString().equals("valid") ? 1 : 0;
    }
    assertEquals(validInGroup, r.failed());
    assertTrue(r.failures().get(0).endsWith("privateKeyPkcs8 decodes to another key than privateSeed"),
        r.failures().get(0));
  }

  @Test
  void run_wycheproofVerify_spkiOfAnotherKey_failsTheValidTests() throws Exception {
    JsonObject f = json("wycheproof/mldsa_44_verify_test.json.gz");
    JsonArray groups = f.getAsJsonArray("testGroups");
    JsonObject g0 = groups.get(0).getAsJsonObject();
    String pk0 = g0.get("publicKey").getAsString();
    for (var g : groups) {
      String pk = g.getAsJsonObject().get("publicKey").getAsString();
      if (pk.length() == pk0.length() && !pk.equals(pk0)) {
        g0.add("publicKeyDer", g.getAsJsonObject().get("publicKeyDer"));
        break;
      }
    }
    FileReport r = runner.run(WycheproofLoader.parse(f), "wp", VectorRunner.Progress.NONE);
    assertTrue(r.failed() > 0);
    assertTrue(r.failures().stream().allMatch(x -> x.contains("decoded from publicKeyDer")),
        String.join("\n", r.failures()));
  }

  @Test
  void run_slhDsaSigGen_sampling_runsFirstCaseOfEachSlowGroup() throws Exception {
    JsonObject prompt = json("acvp/SLH-DSA-sigGen-FIPS205/prompt.json.gz");
    var set = AcvpLoader.parse(prompt, null);
    List<VectorCase> cases = runner.cases(set);
    long sampledOut = 0;
    for (int i = 0; i < cases.size(); i++) {
      boolean slow = set.cases().get(i).parameterSet().endsWith("s");
      boolean first = i == 0 || set.cases().get(i - 1).tgId() != set.cases().get(i).tgId();
      if (slow && !first) {
        assertEquals(Outcome.skip(VectorRunner.SAMPLED_OUT), cases.get(i).check().run());
        sampledOut++;
      }
    }
    assertEquals(24, sampledOut);
  }

  private static List<String> flags(JsonObject t) {
    List<String> out = new java.util.ArrayList<>();
    t.getAsJsonArray("flags").forEach(e -> out.add(e.getAsString()));
    return out;
  }
}
