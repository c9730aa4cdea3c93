package io.pqzk.bench.zk;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Proof size as a JMH secondary result, so that it lands in jmh.json beside the times: JMH sums
 * counters over iterations, so the report divides {@code proofBytes} by {@code proofs} (bytes per
 * proof).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProofSize {
  /** Bytes of the proofs made during this iteration. */
  public long proofBytes;
  /** Proofs made during this iteration. */
  public long proofs;

  @Setup(Level.Iteration)
  public void reset() {
    proofBytes = 0;
    proofs = 0;
  }

  void add(byte[] proof) {
    proofBytes += proof.length;
    proofs++;
  }
}
