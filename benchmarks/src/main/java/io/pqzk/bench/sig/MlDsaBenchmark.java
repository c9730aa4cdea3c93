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
 * FIPS 204 ML-DSA sign and verify ({@link SignVerifyBenchmark}) for every parameter set, with
 * BouncyCastle, the JDK's own provider (JDK 24+; {@code pqzk bench} leaves the JDK out on older
 * JDKs) and the module's own verifier {@code PQZK} (signing delegated). {@code verify} is one
 * verifier used again and again; {@link MlDsaValidatorBenchmark} has a new verifier per call, for
 * a key seen before and for a fresh key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MlDsaBenchmark extends SignVerifyBenchmark {
  @Param({"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"})
  public String mldsa;

  @Param({"BC", "JDK", "PQZK"})
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
