package io.pqzk.bench.zk;

import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check of {@link ClaimProofBench}'s STARK rows on a shared machine: the current STARK
 * and the baseline (main at d18c8b2) measured in alternating rounds, so that a change of load
 * between them (other builds) hits both alike; wall time and process CPU time (all threads) per
 * operation, medians over the rounds. Not JMH: JMH measures one configuration after the other.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.pqzk.bench.zk.StarkCpuTime [ROUNDS]}.
 */
public final class StarkCpuTime {
  private StarkCpuTime() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String[] names = {"stark", "stark-baseline"};
    ProofSystem[] sys = {ProofSystems.get("stark"), ClaimProofBench.system("stark-baseline")};
    BenchClaim[] claims = new BenchClaim[2];
    byte[][] proofs = new byte[2][];
    List<List<double[]>> prove = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<double[]>> verify = List.of(new ArrayList<>(), new ArrayList<>());
    for (int k = 0; k < 2; k++) {
      claims[k] = BenchClaim.of(sys[k].registryHash());
      proofs[k] = sys[k].prove(claims[k].statement(), claims[k].witness());
    }
    for (int r = 0; r <= rounds; r++) {
      for (int k = 0; k < 2; k++) {
        long w0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        for (int i = 0; i < 5; i++) {
          sys[k].prove(claims[k].statement(), claims[k].witness());
        }
        long w1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        for (int i = 0; i < 50; i++) {
          sys[k].verify(claims[k].statement(), proofs[k]);
        }
        long w2 = System.nanoTime();
        long c2 = os.getProcessCpuTime();
        if (r > 0) { // round 0 warms up
          prove.get(k).add(new double[] {(w1 - w0) / 5e6, (c1 - c0) / 5e6});
          verify.get(k).add(new double[] {(w2 - w1) / 50e6, (c2 - c1) / 50e6});
        }
      }
    }
    for (int k = 0; k < 2; k++) {
      System.out.printf(Locale.ROOT, "%-15s %6d bytes  prove %7.1f ms wall %7.1f ms CPU  verify %6.2f"
          + " ms wall %6.2f ms CPU%n", names[k], proofs[k].length, median(prove.get(k), 0),
          median(prove.get(k), 1), median(verify.get(k), 0), median(verify.get(k), 1));
    }
    System.out.printf(Locale.ROOT, "ratio current/baseline: prove %.2f wall %.2f CPU, verify %.2f"
        + " wall %.2f CPU%n", median(prove.get(0), 0) / median(prove.get(1), 0),
        median(prove.get(0), 1) / median(prove.get(1), 1),
        median(verify.get(0), 0) / median(verify.get(1), 0),
        median(verify.get(0), 1) / median(verify.get(1), 1));
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
