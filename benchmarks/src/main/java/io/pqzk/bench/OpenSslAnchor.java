package io.pqzk.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The native anchor of the signature report: OpenSSL 3.5's own {@code openssl speed} for ML-DSA-65
 * and SLH-DSA-SHA2-128f, run in the same {@code pqzk bench} invocation (one thread, like the JMH
 * cells), from the OpenSSL the interoperability tests fetch ({@code scripts/openssl35.sh}). Its
 * figures are written into the JMH JSON as rows of provider {@code OpenSSL-3.5}, so the report
 * tables and charts show them beside the Java providers. {@code openssl speed} signs a short fixed
 * message: the rows sit with the 32-byte cells.
 */
final class OpenSslAnchor {
  static final String PROVIDER = "OpenSSL-3.5";
  private static final Pattern ROW = Pattern.compile(
      "^\\s*(\\S+)\\s+[0-9.]+s\\s+[0-9.]+s\\s+[0-9.]+s\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s*$");

  private OpenSslAnchor() {}

  /** One measured algorithm: operations per second. */
  record Speed(String algorithm, double signsPerSecond, double verifiesPerSecond) {}

  /**
   * Runs {@code openssl speed} and appends its rows to {@code json}; says why and returns false
   * when OpenSSL 3.5 is not at hand (the report then has no anchor rows).
   */
  static boolean appendTo(Path json, int seconds) {
    Path script = Home.resolve("scripts/openssl35.sh");
    if (!Files.isRegularFile(script)) {
      System.err.println("pqzk bench: no anchor rows: " + script + " not found");
      return false;
    }
    try {
      if (run(List.of("bash", script.toString()), 600) == null) {
        System.err.println("pqzk bench: no anchor rows: OpenSSL 3.5 could not be fetched");
        return false;
      }
      String dir = System.getenv().getOrDefault("PQZK_OPENSSL35_DIR",
          Home.resolve(".build/openssl35").toString());
      String out = run(List.of(Path.of(dir, "openssl").toString(), "speed", "-seconds",
          String.valueOf(seconds), "ML-DSA-65", "SLH-DSA-SHA2-128f"), 600);
      List<Speed> speeds = out == null ? List.of() : parse(out);
      if (speeds.isEmpty()) {
        System.err.println("pqzk bench: no anchor rows: openssl speed printed no table");
        return false;
      }
      append(json, speeds);
      System.err.println("pqzk bench: anchor rows from openssl speed: " + speeds);
      return true;
    } catch (IOException e) {
      System.err.println("pqzk bench: no anchor rows: " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The table rows of {@code openssl speed} output. */
  static List<Speed> parse(String output) {
    List<Speed> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        out.add(new Speed(m.group(1), Double.parseDouble(m.group(3)),
            Double.parseDouble(m.group(4))));
      }
    }
    return out;
  }

  private static void append(Path json, List<Speed> speeds) throws IOException {
    JsonArray rows;
    try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      rows = JsonParser.parseReader(r).getAsJsonArray();
    }
    for (Speed s : speeds) {
      boolean ml = s.algorithm().startsWith("ML-DSA");
      String cls = ml ? "io.pqzk.bench.sig.MlDsaBenchmark" : "io.pqzk.bench.sig.SlhDsaBenchmark";
      rows.add(row(cls + ".sign", ml ? "mldsa" : "slhdsa", s.algorithm(), 1e6 / s.signsPerSecond()));
      rows.add(row(cls + ".verify", ml ? "mldsa" : "slhdsa", s.algorithm(),
          1e6 / s.verifiesPerSecond()));
    }
    try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
      w.write(rows.toString());
    }
  }

  private static JsonElement row(String benchmark, String param, String algorithm, double us) {
    JsonObject params = new JsonObject();
    params.addProperty("provider", PROVIDER);
    params.addProperty(param, algorithm);
    params.addProperty("msg", "32");
    params.addProperty("api", "native");
    JsonArray raw = new JsonArray();
    JsonArray fork = new JsonArray();
    fork.add(us);
    raw.add(fork);
    JsonObject metric = new JsonObject();
    metric.addProperty("score", us);
    metric.addProperty("scoreError", Double.NaN);
    metric.addProperty("scoreUnit", "us/op");
    metric.add("rawData", raw);
    JsonObject o = new JsonObject();
    o.addProperty("benchmark", benchmark);
    o.addProperty("mode", "avgt");
    o.add("params", params);
    o.add("primaryMetric", metric);
    o.add("secondaryMetrics", new JsonObject());
    return o;
  }

  /** Runs a command; its output, or null when it fails or times out. */
  private static String run(List<String> cmd, int timeoutSeconds)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      return null;
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
