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
 * FIPS 205 SLH-DSA keygen, hedged sign and verify of a 1 KiB message, through the project's API
 * ({@code api=pqzk}) and through the provider's JCA {@code Signature} directly ({@code api=raw}),
 * for BouncyCastle (the JDK has no SLH-DSA). Both APIs run in the same invocation of
 * JMH so that the project's overhead is a ratio of two figures taken under the same conditions:
 * {@code java -cp benchmarks.jar io.pqzk.bench.sig.OverheadReport result.json} prints it, from
 * wall time and from the thread's CPU time ({@link CpuTime}, steadier on a shared machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SlhDsaBenchmark {
  @Param({"SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f", "SLH-DSA-SHA2-192f",
      "SLH-DSA-SHA2-256f"})
  public String slhdsa;

  @Param({"BC"})
  public String provider;

  @Param({"pqzk", "raw"})
  public String api;

  private SigOps ops;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ops = SigOps.create(api, provider, slhdsa);
    ops.prepare(SigOps.message());
  }

  @Benchmark
  public Object keygen(CpuTime cpu) throws Exception {
    long t = CpuTime.now();
    Object kp = ops.keygen();
    cpu.add(t);
    return kp;
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
