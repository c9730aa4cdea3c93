package io.pqzk.bench.zk;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two NTT levers of the STARK prover, each against its absence in the same run (the default
 * parameter set, the claim of {@link ClaimProofBench}): {@code prove} with both, {@code
 * proveNoTwiddleCache} with the twiddle tables and coset scalings recomputed on every transform,
 * {@code proveOneTransformLde} with every LDE one transform of the whole domain instead of one
 * per sub-coset. The switches are system properties read once, hence a fork each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(1)
public class StarkNttLeverBench {
  private ProofSystem stark;
  private BenchClaim claim;

  @Setup(Level.Trial)
  public void setup() throws ProofException {
    stark = ProofSystems.get("stark");
    claim = BenchClaim.of(stark.registryHash());
  }

  @Benchmark
  public byte[] prove() throws ProofException {
    return stark.prove(claim.statement(), claim.witness());
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Dpqzk.stark.ntt.cacheTwiddles=false")
  public byte[] proveNoTwiddleCache() throws ProofException {
    return stark.prove(claim.statement(), claim.witness());
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Dpqzk.stark.ntt.splitLde=false")
  public byte[] proveOneTransformLde() throws ProofException {
    return stark.prove(claim.statement(), claim.witness());
  }
}
