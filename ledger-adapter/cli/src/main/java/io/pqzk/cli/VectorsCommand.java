package io.pqzk.cli;

import io.pqzk.sig.SignatureProvider;
import io.pqzk.sig.vectors.FileReport;
import io.pqzk.sig.vectors.VectorRunner;
import io.pqzk.vectors.VectorFormatException;
import io.pqzk.vectors.acvp.AcvpLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pqzk vectors FILE...}: runs published test vectors through the signature API and prints
 * {@code FILE: N passed, M failed, K skipped} per file. The format is recognised from the content.
 */
@Command(
    name = "vectors",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run test-vector files through the signature API and print a line per file.",
      "The line reads 'FILE: N passed, M failed, K skipped' (with the reason for every skip).",
      "",
      "The format is recognised from the content (plain or gzip, any file name):",
      "  * NIST ACVP ML-DSA / SLH-DSA keyGen, sigGen, sigVer: prompt.json, joined",
      "    with expectedResults.json from the same folder when present (either",
      "    name may be given), or internalProjection.json. A prompt without",
      "    answers is signed, then verified.",
      "  * C2SP Wycheproof ML-DSA files of the schemas mldsa_sign_seed_schema.json,",
      "    mldsa_sign_noseed_schema.json and mldsa_verify_schema.json.",
      "  * FIPS 204 .rsp KAT files (xi, msg, pk, sk, sm[, ctx][, rng]): internal,",
      "    pure or HashML-DSA, deterministic or hedged, as the content shows.",
      "Invalid cases pass when the API rejects them with the right typed exception. Failures are"
          + " described on stderr, as is progress on long files.",
      "",
      "Exit status: 0 all passed, 1 a case failed, 2 a file is unreadable or not recognised.",
      ""
    })
final class VectorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Vector files (.json, .json.gz, .rsp, .rsp.gz).")
  List<Path> files;

  @Option(names = "--provider", paramLabel = "NAME", defaultValue = "auto",
      description = "Signature provider: auto (default), bc, jdk (JDK 24+) or pqzk (this "
          + "build's own verifiers, signing delegated). Cases a provider cannot serve are "
          + "skipped with its reason.")
  String provider;

  @Option(names = "--threads", paramLabel = "N",
      description = "Cases run in parallel on N threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--sample",
      description = "Run only the first case of each group of the slow SLH-DSA 's' sigGen sets "
          + "(0.5-2 s per signature); the rest are reported as skipped.")
  boolean sample;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SignatureProvider p = SigBridge.provider(provider);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw CliException.badInput("--threads must be at least 1, got " + n);
    }
    VectorRunner runner = new VectorRunner(new VectorRunner.Options(p, n, sample));
    boolean failed = false;
    boolean badInput = false;
    for (Path f : distinct(files, err)) {
      String name = f.toString();
      try {
        FileReport r = runner.run(f, name, progress(name, err));
        out.println(r.line());
        out.flush();
        for (String failure : r.failures()) {
          err.println("  FAILED " + name + " " + failure);
        }
        err.flush();
        failed |= r.failed() > 0;
      } catch (NoSuchFileException e) {
        err.println("pqzk: " + name + ": no such file");
        badInput = true;
      } catch (VectorFormatException e) {
        err.println("pqzk: " + e.getMessage());
        badInput = true;
      } catch (IOException e) {
        err.println("pqzk: " + name + ": cannot read: " + e.getMessage());
        badInput = true;
      }
    }
    err.flush();
    return badInput ? Main.BAD_INPUT : failed ? Main.VERIFICATION_FAILED : Main.OK;
  }

  /**
   * Drops an ACVP expectedResults file whose prompt is also on the command line: both load as
   * the same joined set, which would otherwise run twice.
   */
  private static List<Path> distinct(List<Path> files, PrintWriter err) {
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      String n = f.getFileName() == null ? "" : f.getFileName().toString();
      Path prompt = n.contains("expectedResults") && Files.isRegularFile(f)
          ? AcvpLoader.companion(f, true) : null;
      if (prompt != null && contains(files, prompt)) {
        err.println("pqzk: " + f + ": runs joined with " + prompt);
        continue;
      }
      out.add(f);
    }
    return out;
  }

  private static boolean contains(List<Path> files, Path p) {
    for (Path f : files) {
      try {
        if (Files.exists(f) && Files.isSameFile(f, p)) {
          return true;
        }
      } catch (IOException e) {
        // unreadable paths are reported when they are run
      }
    }
    return false;
  }

  /** A progress line on stderr at most every 5 seconds, so short files print nothing. */
  private VectorRunner.Progress progress(String name, PrintWriter err) {
    if (quiet) {
      return VectorRunner.Progress.NONE;
    }
    long start = System.nanoTime();
    AtomicLong last = new AtomicLong(start);
    return (done, total) -> {
      long now = System.nanoTime();
      long prev = last.get();
      if (now - prev >= 5_000_000_000L && done < total && last.compareAndSet(prev, now)) {
        synchronized (err) {
          err.printf("pqzk vectors: %s: %d/%d cases, %d s%n", name, done, total,
              (now - start) / 1_000_000_000L);
          err.flush();
        }
      }
    };
  }
}
