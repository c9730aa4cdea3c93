package io.pqzk.bench.zk;

import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * A cross-check of the JMH STARK rows ({@link ClaimProofBench}, {@link StarkLeverBench}) on a
 * shared machine: several configurations measured in alternating rounds, so that a change of load
 * between them (other builds) hits all alike; wall time and process CPU time (all threads) per
 * proof and per verification, medians over the rounds, and the proof size. Not JMH: JMH measures
 * one configuration after the other. Configurations: {@code stark} (the default),
 * {@code stark-baseline} (main at d18c8b2), {@code one-core} (the default in a one-thread pool),
 * or a parameter set's name ({@code b32-q34-g16-f8-r31-sha256}). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.pqzk.bench.zk.StarkCpuTime ROUNDS CONFIG...}
 * (default: 15 rounds of stark against stark-baseline).
 */
public final class StarkCpuTime {
  private StarkCpuTime() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
        : List.of("stark", "stark-baseline");
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int k = names.size();
    ProofSystem[] sys = new ProofSystem[k];
    ForkJoinPool[] pools = new ForkJoinPool[k];
    BenchClaim[] claims = new BenchClaim[k];
    byte[][] proofs = new byte[k][];
    List<List<double[]>> prove = new ArrayList<>();
    List<List<double[]>> verify = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      String n = names.get(i);
      sys[i] = n.equals("stark") || n.equals("one-core") ? ProofSystems.get("stark")
          : n.equals("stark-baseline") ? ClaimProofBench.system(n)
          : ProofSystems.withParameterSets("stark", List.of(n));
      pools[i] = n.equals("one-core") ? new ForkJoinPool(1) : ForkJoinPool.commonPool();
      claims[i] = BenchClaim.of(sys[i].registryHash());
      proofs[i] = sys[i].prove(claims[i].statement(), claims[i].witness());
      prove.add(new ArrayList<>());
      verify.add(new ArrayList<>());
    }
    for (int r = 0; r <= rounds; r++) {
      for (int i = 0; i < k; i++) {
        ProofSystem s = sys[i];
        BenchClaim c = claims[i];
        byte[] p = proofs[i];
        long w0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        pools[i].submit(() -> {
          for (int j = 0; j < 5; j++) {
            s.prove(c.statement(), c.witness());
          }
          return null;
        }).get();
        long w1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        pools[i].submit(() -> {
          for (int j = 0; j < 50; j++) {
            s.verify(c.statement(), p);
          }
          return null;
        }).get();
        long w2 = System.nanoTime();
        long c2 = os.getProcessCpuTime();
        if (r > 0) { // round 0 warms up
          prove.get(i).add(new double[] {(w1 - w0) / 5e6, (c1 - c0) / 5e6});
          verify.get(i).add(new double[] {(w2 - w1) / 50e6, (c2 - c1) / 50e6});
        }
      }
    }
    System.out.println("medians over " + rounds + " alternating rounds (5 proofs, 50"
        + " verifications each); ratios against the first configuration");
    for (int i = 0; i < k; i++) {
      System.out.printf(Locale.ROOT, "%-28s %6d bytes  prove %7.1f ms wall %7.1f ms CPU  verify"
          + " %6.2f ms wall %6.2f ms CPU  ratios %.2f %.2f %.2f %.2f%n", names.get(i),
          proofs[i].length, median(prove.get(i), 0), median(prove.get(i), 1),
          median(verify.get(i), 0), median(verify.get(i), 1),
          median(prove.get(i), 0) / median(prove.get(0), 0),
          median(prove.get(i), 1) / median(prove.get(0), 1),
          median(verify.get(i), 0) / median(verify.get(0), 0),
          median(verify.get(i), 1) / median(verify.get(0), 1));
    }
    for (ForkJoinPool pool : pools) {
      if (pool != ForkJoinPool.commonPool()) {
        pool.shutdown();
      }
    }
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
