package io.pqzk.bench.sig;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** SLH-DSA (FIPS 205) key generation, BouncyCastle (the JDK has no SLH-DSA). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class SlhDsaKeygenBenchmark extends KeygenBenchmark {
  @Param({"SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f", "SLH-DSA-SHA2-192f",
      "SLH-DSA-SHA2-256f"})
  public String slhdsa;

  @Param({"BC"})
  public String provider;

  @Override
  protected String algorithm() {
    return slhdsa;
  }

  @Override
  protected String provider() {
    return provider;
  }
}
