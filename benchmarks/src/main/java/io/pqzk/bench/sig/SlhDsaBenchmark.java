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

/**
 * FIPS 205 SLH-DSA sign and verify ({@link SignVerifyBenchmark}) for the sets evaluators ask about
 * first, with BouncyCastle and the module's own verifier {@code PQZK} (SHA2 sets on the JDK's
 * SHA-256/SHA-512; SHAKE sets and signing through BouncyCastle); the JDK has no SLH-DSA.
 * SHA2-128s signs in hundreds of milliseconds: measurement iterations are long enough to hold
 * several operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class SlhDsaBenchmark extends SignVerifyBenchmark {
  @Param({"SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f", "SLH-DSA-SHA2-192f",
      "SLH-DSA-SHA2-256f"})
  public String slhdsa;

  @Param({"BC", "PQZK"})
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
