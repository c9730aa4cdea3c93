package io.pqzk.bench.zk;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import java.security.SecureRandom;
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
 * side: a depth-20 registry, 4 predicates, one context. {@code prove} and {@code verify} go through the
 * {@link ProofSystem} interface the ledger and the CLI use: for {@code stark} pure Java (default
 * parameters: 128 bits conjectured, 101 proven); for {@code zokrates-groth16} the witness and the
 * proof come from zokrates-js through the long-lived Node worker (the trial set-up compiles the
 * circuit and runs the trusted setup once, see {@link ZokratesSetupBench} for those times) and
 * verification is pure Java. Proof sizes are the secondary counters ({@link ProofSize}). The
 * report's ratio column compares Groth16 with the STARK measured in the same run. Without Node and
 * {@code npm ci} in {@code zk-proofs/groth16/node}, the Groth16 trial fails at set-up saying so and the
 * rest of the run goes on.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ClaimProofBench {
  @Param({"stark", "zokrates-groth16"})
  public String system;

  private ProofSystem proofSystem;
  private ClaimStatement statement;
  private ClaimWitness witness;
  private byte[] proof;

  @Setup(Level.Trial)
  public void setup() throws ProofException {
    proofSystem = ProofSystems.get(system);
    RegistryHash h = proofSystem.registryHash();
    SecureRandom r = new SecureRandom();
    Record rec = Record.withRandomSalt(new long[] {1001, 1990, 2, 75, 20260115, 3, 7}, r);
    long index = 654_321;
    List<byte[]> sibs = new ArrayList<>();
    byte[] node = h.leaf(rec);
    for (int l = 0; l < 20; l++) {
      byte[] sib = h.leaf(Record.withRandomSalt(new long[] {l, 0, 0, 0, 0, 0, 0}, r));
      sibs.add(sib);
      node = ((index >>> l) & 1) == 0 ? h.node(node, sib) : h.node(sib, node);
    }
    statement = new ClaimStatement(node,
        Policy.parse("fitness>=70 && vax_date>=20260101 && birth_year<=2008 && clearance>=2"),
        ClaimContext.ofHex("0001000000000000002a"));
    witness = new ClaimWitness(rec, new MerklePath(index, sibs));
    proof = proofSystem.prove(statement, witness);
    ProofSystem.Verification v = proofSystem.verify(statement, proof);
    System.err.println(system + " proof bytes: " + proof.length + " (" + v.detail() + ")");
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (proofSystem instanceof AutoCloseable c) {
      c.close();
    }
  }

  /** One proof; proving time varies (STARK grinding, Node scheduling): single shots, 3 or more. */
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
}
