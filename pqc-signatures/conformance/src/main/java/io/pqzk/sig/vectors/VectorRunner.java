package io.pqzk.sig.vectors;

import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureProvider;
import io.pqzk.vectors.load.VectorFiles;
import io.pqzk.vectors.VectorFormatException;
import io.pqzk.vectors.VectorSet;
import io.pqzk.vectors.acvp.AcvpCase;
import io.pqzk.vectors.acvp.AcvpVectorSet;
import io.pqzk.vectors.acvp.SlhDsaSigGenCase;
import io.pqzk.vectors.kat.KatFile;
import io.pqzk.vectors.wycheproof.WycheproofMlDsaFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a vector file of any supported kind (ACVP ML-DSA/SLH-DSA keyGen, sigGen, sigVer; Wycheproof
 * ML-DSA sign and verify; FIPS 204 {@code .rsp} KAT) through the project's signature API and
 * reports passed, failed and skipped cases. The kind is read from the file's content. Cases run
 * in parallel on {@code parallelism} threads; the report lists them in file order.
 *
 * <p>Slow sets: with {@link Options#sampleSlowSets()}, SLH-DSA sigGen cases of the "s"
 * (small-signature, ~0.5-2 s per signature) parameter sets run only for the first case of each
 * test group; the others are counted as skipped with that reason. Every other case always runs.
 */
public final class VectorRunner {

  /** Skip reason of the cases left out by {@link Options#sampleSlowSets()}. */
  public static final String SAMPLED_OUT =
      "slow SLH-DSA 's' sigGen case sampled out (the first case of each group runs; "
          + "all run with pqzk vectors without --sample, or mvn -Dexhaustive)";

  /**
   * @param provider the provider every case runs through
   * @param parallelism threads (at least 1)
   * @param sampleSlowSets run only a deterministic sample of the slow SLH-DSA "s" sigGen cases
   */
  public record Options(SignatureProvider provider, int parallelism, boolean sampleSlowSets) {
    public Options {
      Objects.requireNonNull(provider, "provider");
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
      }
    }
  }

  /** Told how many cases are done; called from worker threads. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void update(int done, int total);
  }

  private final Options options;

  public VectorRunner(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Loads and runs {@code file}.
   *
   * @param name how the file appears in the report
   * @throws VectorFormatException if the file is not a supported vector file or is malformed
   * @throws IOException if it cannot be read
   */
  public FileReport run(Path file, String name, Progress progress) throws IOException {
    return run(VectorFiles.load(file), name, progress);
  }

  /** Runs an already loaded set. */
  public FileReport run(VectorSet set, String name, Progress progress) throws VectorFormatException {
    List<VectorCase> cases;
    String kind;
    try {
      cases = cases(set);
      kind = set instanceof KatFile k ? new KatChecks(options.provider()).describe(k) : set.describe();
    } catch (PqSignatureException e) {
      throw new VectorFormatException(name + ": " + e.getMessage(), e);
    }
    List<Outcome> outcomes = runAll(cases, progress);
    int passed = 0;
    List<String> failures = new ArrayList<>();
    Map<String, Integer> skips = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      Outcome o = outcomes.get(i);
      switch (o.status()) {
        case PASSED:
          passed++;
          break;
        case FAILED:
          failures.add(cases.get(i).id() + ": " + o.detail());
          break;
        default:
          skips.merge(o.detail(), 1, Integer::sum);
      }
    }
    return new FileReport(name, kind, passed, failures, skips);
  }

  /** The runnable cases of {@code set}, in file order (sampling applied). */
  public List<VectorCase> cases(VectorSet set) throws PqSignatureException {
    if (set instanceof AcvpVectorSet a) {
      AcvpChecks checks = new AcvpChecks(options.provider());
      Set<Integer> sampledGroups = new HashSet<>();
      List<VectorCase> out = new ArrayList<>();
      for (AcvpCase c : a.cases()) {
        if (options.sampleSlowSets() && isSlow(c) && !sampledGroups.add(c.tgId())) {
          out.add(new VectorCase(c.id(), () -> Outcome.skip(SAMPLED_OUT)));
        } else {
          out.add(new VectorCase(c.id(), () -> Verdicts.guard(() -> checks.run(c))));
        }
      }
      return out;
    }
    if (set instanceof WycheproofMlDsaFile w) {
      return new WycheproofChecks(options.provider()).cases(w);
    }
    if (set instanceof KatFile k) {
      List<VectorCase> out = new ArrayList<>();
      for (VectorCase c : new KatChecks(options.provider()).cases(k)) {
        out.add(new VectorCase(c.id(), () -> Verdicts.guard(c.check())));
      }
      return out;
    }
    throw new IllegalArgumentException("unsupported vector set " + set.getClass().getName());
  }

  /** SLH-DSA "s" parameter sets sign in ~0.5-2 s; the "f" sets in tens of milliseconds. */
  static boolean isSlow(AcvpCase c) {
    return c instanceof SlhDsaSigGenCase && c.parameterSet().endsWith("s");
  }

  private List<Outcome> runAll(List<VectorCase> cases, Progress progress) {
    int total = cases.size();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
      Thread t = new Thread(r, "pqzk-vectors");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Outcome>> futures = new ArrayList<>(total);
      for (VectorCase c : cases) {
        futures.add(pool.submit(() -> {
          Outcome o = Verdicts.guard(c.check());
          progress.update(done.incrementAndGet(), total);
          return o;
        }));
      }
      List<Outcome> out = new ArrayList<>(total);
      for (Future<Outcome> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          out.add(Outcome.fail("runner error: " + e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          out.add(Outcome.skip("interrupted"));
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
