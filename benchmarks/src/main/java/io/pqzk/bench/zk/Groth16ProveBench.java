package io.pqzk.bench.zk;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.groth16claims.ClaimCircuit;
import io.pqzk.zk.groth16claims.ClaimInputs;
import io.pqzk.zk.groth16claims.PoseidonRegistryHash;
import io.pqzk.zk.zokrates.Witness;
import io.pqzk.zk.zokrates.ZoKrates;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Groth16 proving of the depth-20 claim through the zokrates-js worker, the two ways of the same
 * run: {@code transfer=resend} sends the compiled program (8 MB) to compute the witness, then
 * program, witness and proving key (3 MB) to prove, every time, as before; {@code
 * transfer=loaded} loads program and key into the worker once ({@link ZoKrates.Loaded}) and each
 * proof sends only the arguments. Uses the claim circuit's setup of this machine (compiled and
 * set up in the trial set-up when missing). The counter {@code megabytesSent} is what crossed the
 * pipe per proof.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
public class Groth16ProveBench {
  @Param({"resend", "loaded"})
  public String transfer;

  private ZoKrates zk;
  private ClaimCircuit.Prover prover;
  private ZoKrates.Loaded loaded;
  private String args;

  /** Megabytes written to the worker, per proof. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Sent {
    public double megabytesSent;
    public long proofs;

    @Setup(Level.Iteration)
    public void reset() {
      megabytesSent = 0;
      proofs = 0;
    }
  }

  @Setup(Level.Trial)
  public void setup() throws ProofException {
    zk = ZoKrates.create(Duration.ofMinutes(20));
    prover = ClaimCircuit.load().prover(zk);
    loaded = zk.load(prover.program(), prover.keys());
    BenchClaim claim = BenchClaim.of(new PoseidonRegistryHash());
    ClaimStatement s = claim.statement();
    ClaimWitness w = claim.witness();
    args = ClaimInputs.witnessArguments(s, w);
  }

  @TearDown(Level.Trial)
  public void stop() {
    zk.close();
  }

  @Benchmark
  public String prove(Sent sent) throws ProofException {
    long before = zk.charsSent();
    String proof;
    if (transfer.equals("loaded")) {
      proof = zk.prove(loaded, args);
    } else {
      Witness w = zk.computeWitness(prover.program(), args);
      try {
        proof = zk.generateProof(prover.program(), w, prover.keys());
      } finally {
        w.destroy();
      }
    }
    sent.megabytesSent += (zk.charsSent() - before) / 1e6;
    sent.proofs++;
    return proof;
  }
}
