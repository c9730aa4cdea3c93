package io.pqzk.bench.sig;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key generation through the project's API and the raw provider. Split by family ({@link
 * MlDsaKeygenBenchmark}, {@link SlhDsaKeygenBenchmark}) so that every cell is one its provider
 * can run: the JDK has no SLH-DSA, and the {@code PQZK} provider generates keys through the same
 * delegate as the default provider (measured there).
 */
@State(Scope.Benchmark)
public abstract class KeygenBenchmark {
  @Param({"pqzk", "raw"})
  public String api;

  private SigOps ops;

  /** The algorithm name of this trial, e.g. {@code ML-DSA-65}. */
  protected abstract String algorithm();

  /** The provider of this trial: {@code BC} or {@code JDK}. */
  protected abstract String provider();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ops = SigOps.create(api, provider(), algorithm());
  }

  @Benchmark
  public Object keygen(CpuTime cpu) throws Exception {
    long t = CpuTime.now();
    Object kp = ops.keygen();
    cpu.add(t);
    return kp;
  }
}
