package io.pqzk.bench.zk;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.stark.StarkProofSystem;
import io.pqzk.zk.stark.StarkRegistryHash;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The STARK claim of issue 6 at its acceptance point: depth-20 registry, 4 predicates, default
 * parameters (ext 3, blowup 16, 43 queries, 16-bit grinding, folding 8). Proof size is printed at
 * set-up ("stark proof bytes: N"), as JMH measures time only. Grinding makes prove time vary
 * from proof to proof (geometric number of hash trials, mean 2^20): use enough iterations.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StarkBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class StarkBench {
  private StarkProofSystem stark;
  private ClaimStatement statement;
  private ClaimWitness witness;
  private byte[] proof;

  @Setup(Level.Trial)
  public void setup() throws ProofException {
    stark = new StarkProofSystem();
    SecureRandom r = new SecureRandom();
    Record rec = Record.withRandomSalt(new long[] {1001, 1990, 2, 75, 20260115, 3, 7}, r);
    StarkRegistryHash h = new StarkRegistryHash();
    long index = 654_321;
    List<byte[]> sibs = new ArrayList<>();
    byte[] node = h.leaf(rec);
    for (int l = 0; l < StarkProofSystem.DEFAULT_DEPTH; l++) {
      byte[] sib = h.leaf(Record.withRandomSalt(new long[] {l, 0, 0, 0, 0, 0, 0}, r));
      sibs.add(sib);
      node = ((index >>> l) & 1) == 0 ? h.node(node, sib) : h.node(sib, node);
    }
    statement = new ClaimStatement(node,
        Policy.parse("fitness>=70 && vax_date>=20260101 && birth_year<=2008 && clearance>=2"),
        ClaimContext.ofHex("0001000000000000002a"));
    witness = new ClaimWitness(rec, new MerklePath(index, sibs));
    proof = stark.prove(statement, witness);
    ProofSystem.Verification v = stark.verify(statement, proof);
    System.err.println("stark proof bytes: " + proof.length + " (" + v.detail() + ", conjectured "
        + v.conjecturedBits() + " bits, proven " + v.provenBits() + " bits)");
  }

  @Benchmark
  public byte[] prove() throws ProofException {
    return stark.prove(statement, witness);
  }

  @Benchmark
  public ProofSystem.Verification verify() throws ProofException {
    return stark.verify(statement, proof);
  }
}
