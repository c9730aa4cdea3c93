package io.pqzk.cli.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a main class of the test class path in a child JVM with the launcher's flags
 * ({@code ./pqzk}) and the JVM options a test gives (a heap limit, a GC log), as a user's
 * {@code pqzk} would run: the exit code is the child's own.
 */
public final class ChildJvm {
  private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private ChildJvm() {}

  /** What the child printed and how it exited. */
  public record Result(int exit, String out, String err) {
    public String describe() {
      return "exit " + exit + ", stdout [" + out.strip() + "], stderr [" + err.strip() + "]";
    }
  }

  /**
   * The heap the child used, from its {@code -Xlog:gc} output, in MiB: the most it held just
   * before a collection, the most it committed, and the median of what it held just after a young
   * collection in the second and in the last tenth of the run (past start-up: what it retains,
   * which would grow along the chain if it kept something per transaction).
   */
  record Heap(int collections, int peakUsed, int committed, int afterEarly, int afterLate) {
    @Override
    public String toString() {
      return collections == 0 ? "no collection (peak below the first young generation)"
          : "peak heap used " + peakUsed + " MiB (before a collection), " + committed
              + " MiB committed, " + collections + " collections; after a young collection a median"
              + " of " + afterEarly + " MiB in the second tenth of the run, " + afterLate
              + " MiB in the last";
    }
  }

  /** The command line for {@code mainClass} in a child JVM with {@code jvmOptions}. */
  public static List<String> command(List<String> jvmOptions, String mainClass,
      String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 23) {
      cmd.add("--sun-misc-unsafe-memory-access=allow"); // as ./pqzk: protobuf reads through Unsafe
    }
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs {@code pqzk args} in a child JVM and waits for it; output goes through files. */
  static Result pqzk(Path work, List<String> jvmOptions, String... args) throws Exception {
    return run(work, jvmOptions, "io.pqzk.cli.Main", args);
  }

  /** Runs {@code mainClass} in a child JVM and waits for it; output goes through files. */
  public static Result run(Path work, List<String> jvmOptions, String mainClass, String... args)
      throws Exception {
    Files.createDirectories(work);
    Path out = Files.createTempFile(work, "child", ".out");
    Path err = Files.createTempFile(work, "child", ".err");
    Process p = new ProcessBuilder(command(jvmOptions, mainClass, args))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int exit = p.waitFor();
    return new Result(exit, Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The JVM option that writes the collector's one-line-per-pause log to {@code file}. */
  static String gcLog(Path file) {
    return "-Xlog:gc:file=" + file;
  }

  /** Heap figures of a {@code -Xlog:gc} file. */
  static Heap heap(Path gcLog) throws Exception {
    int used = 0;
    int committed = 0;
    List<Integer> afterYoung = new ArrayList<>();
    int collections = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher m = GC_PAUSE.matcher(line);
      if (line.contains("Pause") && m.find()) {
        collections++;
        used = Math.max(used, Integer.parseInt(m.group(1)));
        committed = Math.max(committed, Integer.parseInt(m.group(3)));
        if (line.contains("Pause Young")) {
          afterYoung.add(Integer.parseInt(m.group(2)));
        }
      }
    }
    int n = afterYoung.size();
    return new Heap(collections, used, committed, median(afterYoung.subList(n / 10, n / 5)),
        median(afterYoung.subList(n - n / 10, n)));
  }

  private static int median(List<Integer> values) {
    return values.isEmpty() ? 0 : values.stream().sorted().toList().get(values.size() / 2);
  }
}
