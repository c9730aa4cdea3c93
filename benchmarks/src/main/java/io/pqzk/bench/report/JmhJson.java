package io.pqzk.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON that JMH writes with {@code -rf json -rff FILE}. */
public final class JmhJson {
  private JmhJson() {}

  public static List<JmhResult> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(JsonParser.parseReader(r));
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      throw new IOException(file + " is not JMH JSON output: " + e.getMessage(), e);
    }
  }

  /** The JVM the benchmarks ran in, as JMH recorded it (vendor VM and JDK version), or null. */
  public static String jvmOf(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonArray a = JsonParser.parseReader(r).getAsJsonArray();
      if (a.isEmpty()) {
        return null;
      }
      JsonObject o = a.get(0).getAsJsonObject();
      if (!o.has("jdkVersion")) {
        return null;
      }
      String vm = o.has("vmName") ? o.get("vmName").getAsString() + " " : "";
      return vm + o.get("jdkVersion").getAsString();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException(file + " is not JMH JSON output: " + e.getMessage(), e);
    }
  }

  static List<JmhResult> parse(JsonElement root) {
    List<JmhResult> out = new ArrayList<>();
    for (JsonElement e : root.getAsJsonArray()) {
      JsonObject o = e.getAsJsonObject();
      Map<String, String> params = new LinkedHashMap<>();
      if (o.has("params")) {
        o.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
      }
      JsonObject pm = o.getAsJsonObject("primaryMetric");
      Map<String, Double> secondary = new LinkedHashMap<>();
      if (o.has("secondaryMetrics")) {
        for (var s : o.getAsJsonObject("secondaryMetrics").entrySet()) {
          JsonObject m = s.getValue().getAsJsonObject();
          if (m.has("score") && !m.get("score").getAsString().equals("NaN")) {
            secondary.put(s.getKey(), m.get("score").getAsDouble());
          }
        }
      }
      out.add(new JmhResult(
          o.get("benchmark").getAsString(),
          o.get("mode").getAsString(),
          params,
          pm.get("scoreUnit").getAsString(),
          number(pm.get("score")),
          number(pm.get("scoreError")),
          raw(pm),
          secondary));
    }
    return out;
  }

  private static double number(JsonElement e) {
    String s = e.getAsString();
    return s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
  }

  private static double[] raw(JsonObject pm) {
    if (!pm.has("rawData")) {
      return new double[0];
    }
    List<Double> all = new ArrayList<>();
    for (JsonElement fork : pm.getAsJsonArray("rawData")) {
      for (JsonElement it : (JsonArray) fork) {
        all.add(number(it));
      }
    }
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
