package io.pqzk.bench;

import io.pqzk.bench.report.ReportMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmark suites and writes the evaluator's report: {@code OUT/jmh.json} (raw JMH
 * output), {@code OUT/report.md} and the charts beside it. Called by {@code pqzk bench}.
 *
 * <p>Quick mode (at most about 5 minutes on 2 cores): one fork, one 1 s warm-up and three 1 s
 * measurements per benchmark, and a representative subset of parameters ({@link #QUICK_PARAMS}).
 * Full mode: every parameter (8 signature algorithms x providers x 3 message sizes, 3 block
 * sizes, every proof fixture: about 180 benchmarks), one fork, two 1 s warm-ups and five 1 s
 * measurements each: about 30 minutes on 2 cores. JMH prints each benchmark's progress and the
 * ETA of the whole run.
 */
public final class BenchMain {
  /** Parameter values quick mode keeps; parameters not named here keep all their values. */
  static final Map<String, String[]> QUICK_PARAMS = Map.of(
      "mldsa", new String[] {"ML-DSA-65"},
      "slhdsa", new String[] {"SLH-DSA-SHA2-128f"},
      "alg", new String[] {"ML-DSA-65", "SLH-DSA-SHA2-128f"},
      "msg", new String[] {"1024"},
      "fixture", new String[] {"merkle/bn128", "merkle/bls12_381"},
      "txPerBlock", new String[] {"128"});

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Integer forks = null;
    Path out = Path.of("bench-out");
    String include = "io\\.pqzk\\.bench\\..*";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(need(args, ++i, "--out"));
        case "--include" -> include = need(args, ++i, "--include");
        case "--forks" -> forks = positive(need(args, ++i, "--forks"));
        default -> {
          System.err.println("pqzk bench: unknown option " + args[i]
              + " (usage: pqzk bench [--quick] [--forks N] [--out DIR] [--include REGEX])");
          System.exit(2);
        }
      }
    }
    Files.createDirectories(out);
    Path json = out.resolve("jmh.json");
    String command = "pqzk bench" + (quick ? " --quick" : "")
        + (forks == null ? "" : " --forks " + forks) + " --out " + out;
    System.err.println("pqzk bench: " + (quick ? "quick run (about 5 minutes on 2 cores)"
            : "full run (about 30 minutes on 2 cores)")
        + "; JMH prints its progress and ETA below; results go to " + out.toAbsolutePath());
    ChainedOptionsBuilder opts = options(quick, include, json);
    if (forks != null) {
      opts.forks(forks); // more forks: less JIT noise per cell, proportionally longer
    }
    run(opts);
    OpenSslAnchor.appendTo(json, quick ? 1 : 3);
    Path report = ReportMain.write(json, out, command);
    System.out.println("pqzk bench: wrote " + json + ", " + report + " and its charts");
  }

  private static int positive(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= 20) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    System.err.println("pqzk bench: --forks takes a whole number from 1 to 20, got '" + text + "'");
    System.exit(2);
    return 0;
  }

  private static String need(String[] args, int i, String opt) {
    if (i >= args.length) {
      System.err.println("pqzk bench: " + opt + " needs a value");
      System.exit(2);
    }
    return args[i];
  }

  static ChainedOptionsBuilder options(boolean quick, String include, Path json) {
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include(include)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .shouldFailOnError(false);
    if (!jdkHasMlDsa()) {
      // JDK 17-23 have no ML-DSA of their own: measure BouncyCastle only rather than fail
      System.err.println("pqzk bench: this JDK (" + Runtime.version() + ") has no ML-DSA provider;"
          + " provider=JDK is left out (run on JDK 24+ to compare it)");
      o.param("provider", "BC");
    }
    if (quick) {
      o.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
          .measurementIterations(3).measurementTime(TimeValue.seconds(1))
          .timeout(TimeValue.minutes(2));
      QUICK_PARAMS.forEach(o::param);
    } else {
      o.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
          .measurementIterations(5).measurementTime(TimeValue.seconds(1))
          .timeout(TimeValue.minutes(5));
    }
    List<String> jvmArgs = new ArrayList<>(List.of("-Xss4m", "-Djava.awt.headless=true"));
    if (Runtime.version().feature() >= 17) {
      jvmArgs.add("--enable-native-access=ALL-UNNAMED");
    }
    o.jvmArgsAppend(jvmArgs.toArray(String[]::new));
    return o;
  }

  static boolean jdkHasMlDsa() {
    try {
      java.security.Signature.getInstance("ML-DSA", "SUN");
      return true;
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  private static void run(ChainedOptionsBuilder o) throws RunnerException {
    new Runner(o.build()).run();
  }
}
