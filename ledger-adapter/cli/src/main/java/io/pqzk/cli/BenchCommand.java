package io.pqzk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pqzk bench}: runs the JMH suites of the {@code benchmarks} module in a child JVM (JMH
 * forks its own JVMs per benchmark) and writes the report. The {@code ./pqzk} launcher builds
 * {@code benchmarks/target/benchmarks.jar} when it is missing or stale; it is found under the
 * installation ({@link Installation#home()}), never relative to the working directory.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure signatures, proof systems and the ledger on this machine.",
      "Writes raw JMH JSON, a Markdown report (median, error, unit, ratio to the baseline of the"
          + " same run) and charts.",
      "Quick: at most about 5 minutes on 2 cores, a representative subset of parameters.",
      "Full: every parameter with each suite's own settings (about 30 minutes on 2 cores with one fork per cell)."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Short run: 1 fork, 1 warm-up and 3 measured 1 s iterations, subset of parameters.")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "bench-out")
  Path out;

  @Option(names = "--include", paramLabel = "REGEX", description = "Only benchmarks whose name matches (JMH regex).")
  String include;

  @Option(names = "--forks", paramLabel = "N",
      description = "JMH forks per benchmark, 1 to 20 (default: 1): each fork is a fresh JVM, so"
          + " more forks average out JIT noise and take proportionally longer.")
  Integer forks;

  @Override
  public Integer call() throws Exception {
    Path jar = benchmarksJar();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // run from a private copy: a rebuild of benchmarks.jar during a 30-minute run (any
    // `mvn package`) would otherwise make every later JMH fork fail to load its classes
    Files.createDirectories(out);
    Path copy = Files.createTempFile(out, "benchmarks-", ".jar");
    Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    copy.toFile().deleteOnExit();
    String home = System.getProperty("pqzk.home");
    if (home != null) {
      cmd.add("-Dpqzk.home=" + home); // JMH's forks inherit it: fixtures and the ZoKrates worker
    }
    cmd.add("-cp");
    cmd.add(copy.toString());
    cmd.add("io.pqzk.bench.BenchMain");
    if (quick) {
      cmd.add("--quick");
    }
    cmd.add("--out");
    cmd.add(out.toString());
    if (include != null) {
      cmd.add("--include");
      cmd.add(include);
    }
    if (forks != null) {
      if (forks < 1 || forks > 20) {
        throw CliException.badInput("--forks takes a whole number from 1 to 20, got " + forks);
      }
      cmd.add("--forks");
      cmd.add(String.valueOf(forks));
    }
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    int code;
    try {
      code = p.waitFor();
    } finally {
      Files.deleteIfExists(copy);
    }
    if (code != 0) {
      throw CliException.badInput("benchmark run failed (exit " + code + "); see the JMH output above");
    }
    return Main.OK;
  }

  private static Path benchmarksJar() {
    String prop = System.getProperty("pqzk.benchmarks.jar");
    Path jar = prop != null ? Path.of(prop) : Installation.home().resolve("benchmarks")
        .resolve("target").resolve("benchmarks.jar");
    if (!Files.isRegularFile(jar)) {
      throw CliException.badInput("benchmarks jar not found at " + jar
          + ": run ./pqzk bench (the launcher builds it) or ./mvnw -B -DskipTests package");
    }
    return jar;
  }
}
