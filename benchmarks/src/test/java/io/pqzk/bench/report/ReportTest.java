package io.pqzk.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static Path sample() throws URISyntaxException {
    return Path.of(ReportTest.class.getResource("/sample-jmh.json").toURI());
  }

  @Test
  void median_isTakenOverRawIterations_notJmhMean() throws Exception {
    List<JmhResult> r = JmhJson.read(sample());
    assertEquals(4, r.size());
    assertEquals(368.0, r.get(0).median());
    assertEquals(355.0, r.get(1).median()); // even count: mean of the middle two
    assertEquals("sig", r.get(0).area());
    assertEquals("SignatureBench.sign", r.get(0).shortName());
  }

  @Test
  void tables_showWhatTheJsonSays() throws Exception {
    List<JmhResult> results = JmhJson.read(sample());
    String md = MarkdownReport.render(results, Map.of("CPU", "test"), "pqzk bench --quick", List.of());
    for (JmhResult r : results) {
      String row = md.lines().filter(l -> l.startsWith("| " + r.shortName() + " | " + r.paramString() + " |"))
          .findFirst().orElseThrow(() -> new AssertionError("no row for " + r.benchmark()));
      String[] cells = row.split("\\|");
      assertEquals(MarkdownReport.fmt(r.median()), cells[3].trim(), row);
      assertEquals(r.unit(), cells[5].trim(), row);
    }
    String api = md.lines().filter(l -> l.contains("via=api")).findFirst().orElseThrow();
    assertTrue(api.contains("| 1.037 |"), api); // 368 / 355 from the same run
    assertTrue(md.contains("| StarkBench.prove |  | proofBytes | 81234 |"), md);
    assertTrue(md.indexOf("## Signatures") < md.indexOf("## Proof systems"));
    assertTrue(md.indexOf("## Proof systems") < md.indexOf("## Ledger"));
  }

  @Test
  void counters_becomePerOperationFigures() {
    Map<String, Double> out = MarkdownReport.perOperation(Map.of("calls", 4.0, "cpuNanos", 2_000_000.0,
        "proofs", 3.0, "proofBytes", 183_000.0, "other", 7.0));
    assertEquals(Map.of("CPU time per operation (us)", 500.0, "proof size (bytes)", 61_000.0,
        "other", 7.0), out);
  }

  @Test
  void report_includesTheSizesTable(@TempDir Path dir) throws Exception {
    String md = Files.readString(ReportMain.write(sample(), dir, "pqzk bench --quick"));
    // FIPS 204 Table 2 and FIPS 205 Table 2: the sizes the API produced must be the standard's
    assertTrue(md.contains("| ML-DSA-65 | 1952 | 1974 | 3309 |"), md);
    assertTrue(md.contains("| SLH-DSA-SHA2-128s | 32 |"), md);
    assertTrue(md.contains("| 7856 |"), md); // SLH-DSA-SHA2-128s signature
  }

  @Test
  void report_writesMarkdownAndOneChartPerClassAndUnit(@TempDir Path dir) throws Exception {
    Path report = ReportMain.write(sample(), dir, "pqzk bench --quick");
    String md = Files.readString(report);
    assertTrue(md.contains("Produced by `pqzk bench --quick`"));
    assertTrue(md.contains("| JDK | OpenJDK 64-Bit Server VM 25.0.3 (the JVM JMH measured in) |"), md);
    for (String chart : List.of("sig-SignatureBench-sign-us_op.png", "zk-StarkBench-prove-ms_op.png",
        "ledger-BlockValidationBench-validate-ops_s.png")) {
      Path c = dir.resolve(chart);
      assertTrue(Files.size(c) > 1000, chart);
      assertTrue(md.contains("](" + chart + ")"), chart);
    }
  }

  @Test
  void valuesSpanningOrdersOfMagnitude_drawOnALogScale(@TempDir Path dir) throws Exception {
    // SLH-DSA signs in ms where ML-DSA signs in us: the chart that failed in the first full run
    List<JmhResult> rows = List.of(
        new JmhResult("io.pqzk.bench.sig.S.sign", "avgt", Map.of("alg", "ML-DSA-44"), "us/op", 90, 30,
            new double[] {80, 90, 95}, Map.of()),
        new JmhResult("io.pqzk.bench.sig.S.sign", "avgt", Map.of("alg", "SLH-DSA-SHA2-256f"), "us/op", 4.9e6,
            4.0e6, new double[] {4.5e6, 4.9e6, 5.2e6}, Map.of()));
    List<String> files = Charts.write(rows, dir);
    assertEquals(List.of("sig-S-sign-us_op.png"), files);
    assertTrue(Files.size(dir.resolve(files.get(0))) > 1000);
    assertTrue(Charts.chart("t", "us/op", rows).getTitle().contains("log scale"));
  }

  @Test
  void theJavaVerifier_isComparedWithZokratesJs_inTheSameRun() {
    JmhResult java = new JmhResult("io.pqzk.bench.zk.G.verify", "avgt", Map.of("fixture", "m/bn128"), "ms/op",
        5, 1, new double[] {5}, Map.of());
    JmhResult js = new JmhResult("io.pqzk.bench.zk.G.verifyZokratesJs", "avgt", Map.of("fixture", "m/bn128"),
        "ms/op", 8, 1, new double[] {8}, Map.of());
    JmhResult otherFixture = new JmhResult("io.pqzk.bench.zk.G.verifyZokratesJs", "avgt",
        Map.of("fixture", "m/bls12_381"), "ms/op", 13, 1, new double[] {13}, Map.of());
    List<JmhResult> all = List.of(otherFixture, java, js);
    assertEquals(js, Baselines.of(java, all).orElseThrow());
    assertEquals(0.625, Baselines.ratio(java, js));
    assertTrue(Baselines.of(js, all).isEmpty()); // the peer has no baseline of its own
  }

  @Test
  void notJmhJson_isRejectedWithTheFileName(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"not\": \"an array\"}");
    IOException e = assertThrows(IOException.class, () -> JmhJson.read(bad));
    assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
  }
}
