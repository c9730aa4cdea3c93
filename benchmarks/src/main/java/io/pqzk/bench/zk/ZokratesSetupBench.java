package io.pqzk.bench.zk;

import io.pqzk.zk.groth16claims.ClaimCircuit;
import io.pqzk.zk.zokrates.Artifacts;
import io.pqzk.zk.zokrates.Keypair;
import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesException;
import io.pqzk.zk.zokrates.ZoKratesOptions;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Groth16 costs before the first proof, for the depth-20 eligibility circuit
 * ({@code circuits/claim.zok}, Poseidon over BN254): compiling it with zokrates-js and running the
 * (trusted) setup, through the Node worker. The STARK has neither step (transparent, no circuit
 * compilation). Single shots: each takes seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ZokratesSetupBench {
  private ZoKrates zk;
  private String source;
  private Artifacts program;

  @Setup(Level.Trial)
  public void start() throws ZoKratesException {
    zk = ZoKrates.create(Duration.ofMinutes(20));
    source = ClaimCircuit.load().source();
    program = zk.compile(source, "claim.zok", ZoKratesOptions.G16_BN128);
    System.err.println("claim circuit: " + program.constraintCount() + " constraints");
  }

  @TearDown(Level.Trial)
  public void stop() {
    zk.close();
  }

  @Benchmark
  public Artifacts compile() throws ZoKratesException {
    return zk.compile(source, "claim.zok", ZoKratesOptions.G16_BN128);
  }

  @Benchmark
  public Keypair setup() throws ZoKratesException {
    return zk.setup(program);
  }
}
