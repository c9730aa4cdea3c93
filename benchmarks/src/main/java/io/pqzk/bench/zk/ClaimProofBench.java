package io.pqzk.bench.zk;

import io.pqzk.zk.BatchVerificationException;
import io.pqzk.zk.ClaimBatch;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import java.util.ArrayList;
import java.util.List;
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
 * The eligibility claim at the size its targets are set for, for each proof system, side by
 * side: a depth-20 registry, 4 predicates, one context. {@code prove} and {@code verify} go
 * through the {@link ProofSystem} interface the ledger and the CLI use:
 *
 * <ul>
 *   <li>{@code stark}: the current STARK, pure Java (default parameter set: 128 bits
 *       conjectured, 100 proven);
 *   <li>{@code stark-baseline}: the STARK as it was on main at d18c8b2 (blowup 16, 43 queries,
 *       SHA3-256: 128 / 101 bits), a copy in {@code io.pqzk.bench.zk.baseline}, so the report's
 *       ratio column (its median over the {@code stark} row's) compares the two in the same run;
 *   <li>{@code zokrates-groth16}: the witness and the proof come from zokrates-js through the
 *       long-lived Node worker (the trial set-up compiles the circuit and runs the trusted setup
 *       once, see {@link ZokratesSetupBench}); verification is pure Java.
 * </ul>
 *
 * <p>{@code verifyBlock100}: what a block with 100 claim transactions costs its validator: 100
 * distinct proofs (STARKs; for Groth16 one proof 100 times) verified with {@link ClaimBatch} on
 * every core; compare with 100 x {@code verify} / cores. Proof sizes are the secondary counters
 * ({@link ProofSize}). Without Node and {@code npm ci} in {@code zk-proofs/groth16/node}, the
 * Groth16 trial fails at set-up saying so and the rest of the run goes on.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ClaimProofBench {
  static final int BLOCK = 100;

  @Param({"stark", "stark-baseline", "zokrates-groth16"})
  public String system;

  private ProofSystem proofSystem;
  private ClaimStatement statement;
  private ClaimWitness witness;
  private byte[] proof;
  private List<ClaimBatch.Item> block;

  static ProofSystem system(String id) throws ProofException {
    return id.equals("stark-baseline") ? new io.pqzk.bench.zk.baseline.claim.StarkProofSystem()
        : ProofSystems.get(id);
  }

  @Setup(Level.Trial)
  public void setup() throws ProofException {
    proofSystem = system(system);
    BenchClaim claim = BenchClaim.of(proofSystem.registryHash());
    statement = claim.statement();
    witness = claim.witness();
    proof = proofSystem.prove(statement, witness);
    ProofSystem.Verification v = proofSystem.verify(statement, proof);
    System.err.println(system + " proof bytes: " + proof.length + " (" + v.detail() + ")");
    block = new ArrayList<>();
    boolean distinct = !system.equals("zokrates-groth16");
    for (int i = 0; i < BLOCK; i++) {
      ClaimStatement s = distinct ? claim.withContext(i) : statement;
      block.add(new ClaimBatch.Item(s, distinct ? proofSystem.prove(s, witness) : proof));
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (proofSystem instanceof AutoCloseable c) {
      c.close();
    }
  }

  /** One proof; proving time varies (STARK grinding, Node scheduling): single shots, 5 or more. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public byte[] prove(ProofSize size) throws ProofException {
    byte[] p = proofSystem.prove(statement, witness);
    size.add(p);
    return p;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 3, time = 2)
  public ProofSystem.Verification verify() throws ProofException {
    return proofSystem.verify(statement, proof);
  }

  /** A block's 100 claims, verified side by side on every core. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 3, time = 2)
  public List<ProofSystem.Verification> verifyBlock100() throws BatchVerificationException {
    return ClaimBatch.verify(proofSystem, block);
  }
}
