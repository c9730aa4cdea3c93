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

/** ML-DSA (FIPS 204) key generation, BouncyCastle and the JDK (JDK 24+). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class MlDsaKeygenBenchmark extends KeygenBenchmark {
  @Param({"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"})
  public String mldsa;

  @Param({"BC", "JDK"})
  public String provider;

  @Override
  protected String algorithm() {
    return mldsa;
  }

  @Override
  protected String provider() {
    return provider;
  }
}
