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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * ML-DSA verification as a validator does it: for each signature, a verifier made from the
 * signer's public key object, then one verification of a 1 KiB message.
 *
 * <ul>
 *   <li>{@code verifyRepeatedKey}: always the same key, as for a validator set that signs block
 *       after block. The {@code PQZK} provider finds the key's expansion in its cache; the others
 *       expand A from rho every time.
 *   <li>{@code verifyFreshKey}: a different key each call, in turn through more keys than the
 *       {@code PQZK} key cache holds ({@value #FRESH_KEYS} or the cache bound plus 88,
 *       whichever is larger), so its least-recently-used cache misses every time: the cost of a
 *       key never seen before, expansion included.
 * </ul>
 *
 * Compare with {@code MlDsaBenchmark.verify}, where one verifier is kept for the key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MlDsaValidatorBenchmark {
  /** Keys rotated through by {@code verifyFreshKey}: more than the default cache bound, 512. */
  static final int FRESH_KEYS = 600;

  @Param({"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"})
  public String mldsa;

  @Param({"BC", "JDK", "PQZK"})
  public String provider;

  @Param({"pqzk", "raw"})
  public String api;

  private SigOps ops;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws Exception {
    ops = SigOps.create(api, provider, mldsa);
    ops.prepare(SigOps.message());
    if (params.getBenchmark().endsWith("verifyFreshKey")) {
      // the key cache bound the module reads (default 512), so that the rotation always misses
      int bound = Integer.getInteger("io.pqzk.sig.mldsa.keyCacheSize", 512);
      ops.prepareKeys(Math.max(FRESH_KEYS, bound + 88));
    }
  }

  @Benchmark
  public void verifyRepeatedKey(CpuTime cpu) throws Exception {
    long t = CpuTime.now();
    ops.verifyRepeatedKey();
    cpu.add(t);
  }

  @Benchmark
  public void verifyFreshKey(CpuTime cpu) throws Exception {
    long t = CpuTime.now();
    ops.verifyFreshKey();
    cpu.add(t);
  }
}
