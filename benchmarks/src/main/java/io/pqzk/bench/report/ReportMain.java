package io.pqzk.bench.report;

import io.pqzk.common.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -cp benchmarks.jar io.pqzk.bench.report.ReportMain JMH_JSON OUT_DIR [COMMAND]}:
 * writes {@code OUT_DIR/report.md} and the charts beside it.
 */
public final class ReportMain {
  private ReportMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ReportMain JMH_JSON OUT_DIR [COMMAND]");
      System.exit(2);
    }
    Path out = write(Path.of(args[0]), Path.of(args[1]), args.length > 2 ? args[2] : "pqzk bench");
    System.out.println("report: " + out);
  }

  /** Writes the report and charts; returns the report's path. */
  public static Path write(Path json, Path dir, String command) throws IOException {
    List<JmhResult> results = JmhJson.read(json);
    java.util.Map<String, String> machine = MachineInfo.describe();
    String measured = JmhJson.jvmOf(json);
    if (measured != null) {
      machine.put("JDK", measured + " (the JVM JMH measured in)");
    }
    Files.createDirectories(dir);
    List<String> charts = Charts.write(results, dir);
    Path report = dir.resolve("report.md");
    String sizes = SignatureSizes.render(SignatureSizes.measure());
    DurableFiles.write(report, MarkdownReport.render(results, machine, command, charts, sizes)
        .getBytes(StandardCharsets.UTF_8), DurableFiles.Access.PUBLIC,
        DurableFiles.Existing.REPLACE);
    return report;
  }
}
