package io.pqzk.bench.zk;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The STARK's levers, one at a time, on the claim of {@link ClaimProofBench} (depth 20, 4
 * predicates): each {@code lever} changes exactly one thing from the default parameter set
 * ({@code final}, b32-q34-g16-f8-r255-sha256), every set at 128 conjectured / 100+ proven bits:
 *
 * <ul>
 *   <li>{@code sha3}: SHA3-256 instead of SHA-256 for commitments and transcript;
 *   <li>{@code fold8-rem31}, {@code fold4-rem15}: FRI folding rounds (by 8 to a 32-coefficient
 *       remainder; by 4 twice to 16) instead of sending the whole DEEP polynomial;
 *   <li>{@code blowup16}: blowup 16 with the 43 queries it needs (the trace then needs 512 rows
 *       to keep 2 q + 6 random ones), {@code blowup64}: blowup 64 with 29;
 *   <li>{@code one-core}: the default set, proved and verified inside a one-thread pool (the
 *       LDE, the commitments and the grinding then use one core).
 * </ul>
 * The NTT's twiddle reuse and coset-split LDE are measured by {@link StarkNttLeverBench}. Proof
 * sizes are the secondary counters.
 */
@State(Scope.Benchmark)
@Fork(1)
public class StarkLeverBench {
  static final Map<String, String> SETS = Map.of(
      "final", "b32-q34-g16-f8-r255-sha256",
      "sha3", "b32-q34-g16-f8-r255-sha3",
      "fold8-rem31", "b32-q34-g16-f8-r31-sha256",
      "fold4-rem15", "b32-q34-g16-f4-r15-sha256",
      "blowup16", "b16-q43-g16-f8-r255-sha256",
      "blowup64", "b64-q29-g16-f8-r255-sha256",
      "one-core", "b32-q34-g16-f8-r255-sha256");

  @Param({"final", "sha3", "fold8-rem31", "fold4-rem15", "blowup16", "blowup64", "one-core"})
  public String lever;

  private ProofSystem stark;
  private ClaimStatement statement;
  private ClaimWitness witness;
  private byte[] proof;
  private ForkJoinPool pool;

  @Setup(Level.Trial)
  public void setup() throws ProofException {
    stark = ProofSystems.withParameterSets("stark", List.of(SETS.get(lever)));
    pool = lever.equals("one-core") ? new ForkJoinPool(1) : ForkJoinPool.commonPool();
    BenchClaim claim = BenchClaim.of(stark.registryHash());
    statement = claim.statement();
    witness = claim.witness();
    proof = stark.prove(statement, witness);
    System.err.println(lever + ": " + proof.length + " bytes, "
        + stark.verify(statement, proof).detail());
  }

  @TearDown(Level.Trial)
  public void stop() {
    if (pool != ForkJoinPool.commonPool()) {
      pool.shutdown();
    }
  }

  private byte[] proveIn() {
    return pool.submit(() -> stark.prove(statement, witness)).join();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 5)
  @Measurement(iterations = 15)
  public byte[] prove(ProofSize size) {
    byte[] p = proveIn();
    size.add(p);
    return p;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public ProofSystem.Verification verify() {
    return pool.submit(() -> stark.verify(statement, proof)).join();
  }
}
