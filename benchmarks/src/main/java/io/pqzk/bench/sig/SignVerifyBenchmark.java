package io.pqzk.bench.sig;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hedged sign and verify of a {@code msg}-byte message (32 B, 1 KiB, 1 MiB), through the project's
 * API ({@code api=pqzk}) and through the provider's JCA {@code Signature} directly
 * ({@code api=raw}), in the same JMH run so that the project's overhead is a ratio of two figures
 * taken under the same conditions. Subclasses name the algorithms and providers. Each operation
 * also records the thread's CPU time ({@link CpuTime}, steadier on a shared machine);
 * {@code java -cp benchmarks.jar io.pqzk.bench.sig.OverheadReport result.json} prints both ratios.
 * Key generation does not depend on the message: it is measured once per algorithm by
 * {@link MlDsaKeygenBenchmark} and {@link SlhDsaKeygenBenchmark}.
 */
@State(Scope.Benchmark)
public abstract class SignVerifyBenchmark {
  @Param({"pqzk", "raw"})
  public String api;

  @Param({"32", "1024", "1048576"})
  public int msg;

  private SigOps ops;

  /** The algorithm name of this trial, e.g. {@code ML-DSA-65}. */
  protected abstract String algorithm();

  /** The provider of this trial: {@code BC}, {@code JDK} or {@code PQZK}. */
  protected abstract String provider();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ops = SigOps.create(api, provider(), algorithm());
    ops.prepare(SigOps.message(msg));
  }

  @Benchmark
  public byte[] sign(CpuTime cpu) throws Exception {
    long t = CpuTime.now();
    byte[] sig = ops.sign();
    cpu.add(t);
    return sig;
  }

  @Benchmark
  public void verify(CpuTime cpu) throws Exception {
    long t = CpuTime.now();
    ops.verify();
    cpu.add(t);
  }
}
