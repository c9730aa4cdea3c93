package io.pqzk.bench.ledger;

import com.sun.management.OperatingSystemMXBean;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.crypto.Signatures;
import java.lang.management.ManagementFactory;

/**
 * CPU time (not wall time) per transaction of full block validation against one raw
 * single-thread ML-DSA-65 verification, measured in one process. On a shared, overloaded
 * machine wall-clock throughput says more about the neighbours than about the code; CPU time
 * per transaction does not, and {@code raw / validation} bounds the parallel efficiency the
 * validator can reach: throughput ~= cores x raw rate x that ratio when the cores are free.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.pqzk.bench.ledger.LedgerCpuCost
 * [rounds]}.
 */
public final class LedgerCpuCost {
  private LedgerCpuCost() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    BenchChain chain = new BenchChain(LedgerBench.TOTAL / 128, 128);
    Signatures.Check one = chain.firstTransactionCheck();
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int repeat = 5; // enough work per round for the process CPU clock's resolution
    int n = chain.transactions * repeat;
    for (int r = 0; r < rounds; r++) {
      long c0 = os.getProcessCpuTime();
      long w0 = System.nanoTime();
      for (int k = 0; k < repeat; k++) {
        ChainState state = ChainState.inMemory(chain.genesis);
        for (byte[] b : chain.blocks) {
          state.apply(chain.rules.validate(b, state).effects(), java.util.List.of());
        }
      }
      long c1 = os.getProcessCpuTime();
      long w1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Signatures.verify(one.key(), one.message(), one.context(), one.signature());
      }
      long c2 = os.getProcessCpuTime();
      long w2 = System.nanoTime();
      double validateCpu = (c1 - c0) / 1e3 / n;
      double rawCpu = (c2 - c1) / 1e3 / n;
      System.out.printf("round %d: CPU per transaction: validation %.1f us, raw verify %.1f us"
          + " (raw/validation %.2f); wall: validation %.0f tx/s, raw %.0f verify/s%n", r,
          validateCpu, rawCpu, rawCpu / validateCpu, n / ((w1 - w0) / 1e9),
          n / ((w2 - w1) / 1e9));
    }
    System.out.println(Runtime.getRuntime().availableProcessors() + " cores, "
        + Runtime.version());
  }
}
