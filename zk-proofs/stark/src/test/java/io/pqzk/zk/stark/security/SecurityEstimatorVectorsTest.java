package io.pqzk.zk.stark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code stark-security/cases.json} (Winterfell's own estimator tests and oracle
 * values; see the README next to it), one parameterised test per case id.
 */
class SecurityEstimatorVectorsTest {

  static List<Arguments> cases() throws IOException {
    JsonObject doc = load();
    JsonObject defaults = doc.getAsJsonObject("defaults");
    List<Arguments> out = new ArrayList<>();
    for (JsonElement e : doc.getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      out.add(Arguments.of(c.get("id").getAsString(), defaults, c));
    }
    return out;
  }

  @Test
  void vectorFile_hasAll121Cases() throws IOException {
    assertEquals(121, load().getAsJsonArray("cases").size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void estimate_matchesWinterfell(String id, JsonObject defaults, JsonObject c) {
    Model model = model(c.get("model").getAsString());
    Metric metric = metric(c.get("metric").getAsString());
    switch (c.get("check").getAsString()) {
      case "eq" -> {
        int got = SecurityEstimator.bits(params(defaults, c.getAsJsonObject("params")), metric,
            model);
        assertEquals(c.get("expected").getAsInt(), got, id);
      }
      case "lt" -> {
        int a = SecurityEstimator.bits(params(defaults, c.getAsJsonObject("params_a")), metric,
            model);
        int b = SecurityEstimator.bits(params(defaults, c.getAsJsonObject("params_b")), metric,
            model);
        assertTrue(a < b, id + ": want " + a + " < " + b);
      }
      default -> throw new AssertionError("unknown check in " + id);
    }
  }

  static Model model(String name) {
    return switch (name) {
      case "winterfell" -> Model.WINTERFELL;
      case "winterfell-legacy" -> Model.WINTERFELL_LEGACY;
      default -> throw new AssertionError("unknown model " + name);
    };
  }

  static Metric metric(String name) {
    return switch (name) {
      case "conjectured" -> Metric.CONJECTURED;
      case "proven" -> Metric.PROVEN;
      case "ldr" -> Metric.LIST_DECODING;
      case "udr" -> Metric.UNIQUE_DECODING;
      default -> throw new AssertionError("unknown metric " + name);
    };
  }

  static SecurityParams params(JsonObject defaults, JsonObject overrides) {
    JsonObject all = defaults.deepCopy();
    for (Map.Entry<String, JsonElement> e : overrides.entrySet()) {
      all.add(e.getKey(), e.getValue());
    }
    SecurityParams.Builder b = SecurityParams.builder();
    for (Map.Entry<String, JsonElement> e : all.entrySet()) {
      JsonElement v = e.getValue();
      switch (e.getKey()) {
        case "field_bits" -> b.fieldBits(v.getAsInt());
        case "ext" -> b.extensionDegree(v.getAsInt());
        case "blowup" -> b.blowup(v.getAsInt());
        case "queries" -> b.queries(v.getAsInt());
        case "grinding" -> b.grindingBits(v.getAsInt());
        case "trace_len" -> b.traceLength(v.getAsLong());
        case "folding" -> b.foldingFactor(v.getAsInt());
        case "remainder_degree" -> b.remainderDegree(v.getAsInt());
        case "collision_resistance" -> b.collisionResistanceBits(v.getAsInt());
        case "num_constraints" -> b.numConstraints(v.getAsLong());
        case "num_committed_polys" -> b.numCommittedPolys(v.getAsLong());
        case "constraint_batching" -> b.constraintBatching(batching(v.getAsString()));
        case "deep_batching" -> b.deepBatching(batching(v.getAsString()));
        default -> throw new AssertionError("unknown parameter " + e.getKey());
      }
    }
    return b.build();
  }

  static Batching batching(String s) {
    return Batching.valueOf(s.toUpperCase(Locale.ROOT));
  }

  private static JsonObject load() throws IOException {
    try (InputStream in = SecurityEstimatorVectorsTest.class.getResourceAsStream(
        "/stark-security/cases.json")) {
      if (in == null) {
        throw new IOException("missing test resource stark-security/cases.json");
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }
}
