package io.pqzk.sig.vectors.fuzz;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.pqzk.vectors.VectorIo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the vector target's seeds: the packaged ACVP, Wycheproof and KAT files cut to their
 * first test group and first tests (ACVP prompts with their expected results inlined), so that
 * one input runs in milliseconds. Run only on request: {@code ./mvnw -pl
 * pqc-signatures/conformance -am test -Dtest=VectorSeeds -Dfuzz.seeds=write
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class VectorSeeds {
  static final Path OUT = Path.of(
      "src/test/resources/io/pqzk/sig/vectors/fuzz/VectorFileFuzzTestInputs/run");

  @Test
  void write() throws Exception {
    Files.createDirectories(OUT);
    for (String set : new String[] {"ML-DSA-keyGen-FIPS204", "ML-DSA-sigGen-FIPS204",
        "ML-DSA-sigVer-FIPS204", "SLH-DSA-keyGen-FIPS205", "SLH-DSA-sigGen-FIPS205",
        "SLH-DSA-sigVer-FIPS205"}) {
      JsonObject prompt = json("/vectors/acvp/" + set + "/prompt.json.gz");
      JsonObject results = json("/vectors/acvp/" + set + "/expectedResults.json.gz");
      JsonObject cut = prompt.deepCopy();
      JsonArray groups = new JsonArray();
      for (JsonElement g : prompt.getAsJsonArray("testGroups")) {
        JsonObject group = g.getAsJsonObject();
        String ps = group.has("parameterSet") ? group.get("parameterSet").getAsString() : "";
        // the small SLH-DSA sets sign in seconds: a seed that slow would starve the fuzzer
        if (ps.endsWith("s") && (groups.size() > 0 || set.startsWith("SLH-DSA-sigGen"))) {
          continue;
        }
        JsonObject copy = group.deepCopy();
        JsonArray tests = new JsonArray();
        for (JsonElement t : group.getAsJsonArray("tests")) {
          if (tests.size() == 2) {
            break;
          }
          JsonObject test = t.getAsJsonObject().deepCopy();
          inline(test, results, group.get("tgId").getAsInt());
          tests.add(test);
        }
        copy.add("tests", tests);
        groups.add(copy);
        if (groups.size() == 2) {
          break;
        }
      }
      cut.add("testGroups", groups);
      Files.writeString(OUT.resolve("acvp-" + set + ".json"), new Gson().toJson(cut));
    }
    for (String w : new String[] {"mldsa_44_verify_test", "mldsa_65_sign_seed_test",
        "mldsa_44_sign_noseed_test"}) {
      JsonObject file = json("/vectors/wycheproof/" + w + ".json.gz");
      JsonObject group = file.getAsJsonArray("testGroups").get(0).getAsJsonObject().deepCopy();
      JsonArray tests = new JsonArray();
      for (JsonElement t : group.getAsJsonArray("tests")) {
        if (tests.size() < 4) {
          tests.add(t);
        }
      }
      group.add("tests", tests);
      JsonArray groups = new JsonArray();
      groups.add(group);
      file.add("testGroups", groups);
      file.addProperty("numberOfTests", tests.size());
      Files.writeString(OUT.resolve("wycheproof-" + w + ".json"), new Gson().toJson(file));
    }
    for (String k : new String[] {"kat_MLDSA_44_det_pure", "kat_MLDSA_65_hedged_hashed"}) {
      String text = new String(raw("/vectors/kat/mldsa-fips204-pqc-kat/" + k + ".rsp.gz"),
          StandardCharsets.UTF_8);
      int third = nth(text, "count = ", 2);
      Files.writeString(OUT.resolve(k + ".rsp"), third < 0 ? text : text.substring(0, third));
    }
  }

  private static void inline(JsonObject test, JsonObject results, int tgId) {
    for (JsonElement g : results.getAsJsonArray("testGroups")) {
      if (g.getAsJsonObject().get("tgId").getAsInt() != tgId) {
        continue;
      }
      for (JsonElement t : g.getAsJsonObject().getAsJsonArray("tests")) {
        JsonObject r = t.getAsJsonObject();
        if (r.get("tcId").equals(test.get("tcId"))) {
          for (Map.Entry<String, JsonElement> e : r.entrySet()) {
            if (!test.has(e.getKey())) {
              test.add(e.getKey(), e.getValue());
            }
          }
        }
      }
    }
  }

  private static int nth(String text, String what, int n) {
    int at = -1;
    for (int i = 0; i <= n; i++) {
      at = text.indexOf(what, at + 1);
      if (at < 0) {
        return -1;
      }
    }
    return at;
  }

  private static JsonObject json(String resource) throws Exception {
    return VectorIo.parseJson(raw(resource));
  }

  private static byte[] raw(String resource) throws Exception {
    try (InputStream in = VectorSeeds.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing");
      }
      try (InputStream d = VectorIo.decompressIfGzip(in)) {
        return d.readAllBytes();
      }
    }
  }
}
