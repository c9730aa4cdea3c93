package io.pqzk.bench.sig;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Key generation for every ML-DSA set and the measured SLH-DSA sets, through the project's API and
 * the raw provider. Combinations a provider cannot do (SLH-DSA on the JDK; the project's JDK
 * provider makes no keys of its own, as it cannot export the seed form) fail in set-up and leave
 * no figure, which the report shows as absent rather than as zero.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class KeygenBenchmark {
  @Param({"ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f",
      "SLH-DSA-SHAKE-128f", "SLH-DSA-SHA2-192f", "SLH-DSA-SHA2-256f"})
  public String alg;

  @Param({"BC", "JDK"})
  public String provider;

  @Param({"pqzk", "raw"})
  public String api;

  private SigOps ops;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    if ("JDK".equals(provider) && alg.startsWith("SLH-DSA")) {
      throw new IllegalStateException("the JDK has no SLH-DSA: no figure for this cell");
    }
    ops = SigOps.create(api, provider, alg);
  }

  @Benchmark
  public Object keygen(CpuTime cpu) throws Exception {
    long t = CpuTime.now();
    Object kp = ops.keygen();
    cpu.add(t);
    return kp;
  }
}
