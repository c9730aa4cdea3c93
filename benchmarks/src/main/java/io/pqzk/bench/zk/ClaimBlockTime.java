package io.pqzk.bench.zk;

import io.pqzk.zk.ClaimBatch;
import io.pqzk.zk.ProofSystem;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A block's 100 claims on a shared machine: {@link ClaimBatch} on every core against the same 100
 * proofs verified one after the other, in alternating rounds (wall and process CPU time, medians),
 * so the speed-up is measured against the cores the process actually got. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.pqzk.bench.zk.ClaimBlockTime [ROUNDS]
 * [SYSTEM]} (default 15 rounds of {@code stark}).
 */
public final class ClaimBlockTime {
  private ClaimBlockTime() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    ProofSystem sys = ClaimProofBench.system(args.length > 1 ? args[1] : "stark");
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    BenchClaim claim = BenchClaim.of(sys.registryHash());
    List<ClaimBatch.Item> block = new ArrayList<>();
    for (int i = 0; i < ClaimProofBench.BLOCK; i++) {
      var s = claim.withContext(i);
      block.add(new ClaimBatch.Item(s, sys.prove(s, claim.witness())));
    }
    List<double[]> seq = new ArrayList<>();
    List<double[]> par = new ArrayList<>();
    for (int r = 0; r <= rounds; r++) {
      long w0 = System.nanoTime();
      long c0 = os.getProcessCpuTime();
      for (ClaimBatch.Item it : block) {
        sys.verify(it.statement(), it.proof());
      }
      long w1 = System.nanoTime();
      long c1 = os.getProcessCpuTime();
      ClaimBatch.verify(sys, block);
      long w2 = System.nanoTime();
      long c2 = os.getProcessCpuTime();
      if (r > 0) {
        seq.add(new double[] {(w1 - w0) / 1e6, (c1 - c0) / 1e6});
        par.add(new double[] {(w2 - w1) / 1e6, (c2 - c1) / 1e6});
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double sw = median(seq, 0);
    double pw = median(par, 0);
    System.out.printf(Locale.ROOT, "%d claims, %d cores: one after the other %.1f ms wall (%.1f ms"
        + " CPU), ClaimBatch %.1f ms wall (%.1f ms CPU); speed-up %.2f (ideal %d); per claim"
        + " %.2f ms sequential, %.2f ms in the block%n", block.size(), cores, sw,
        median(seq, 1), pw, median(par, 1), sw / pw, cores, sw / block.size(),
        pw / block.size());
  }

  private static double median(List<double[]> v, int i) {
    List<Double> x = new ArrayList<>();
    for (double[] d : v) {
      x.add(d[i]);
    }
    Collections.sort(x);
    return x.get(x.size() / 2);
  }
}
