package io.pqzk.bench.ledger;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.crypto.Signatures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What validating a block costs beside the signatures it carries, in one process: for each block
 * of {@value #TX_PER_BLOCK} transactions, the full validation ({@code BlockRules.validate}: parse,
 * state rules, roots, and every signature on every core, as a node and {@code pqzk chain verify}
 * do) against the sum of single-thread verifications of every signature in that block, one after
 * the other through the same verifier the ledger uses: each transaction's ML-DSA-65 signature,
 * the proposer's ML-DSA-65 and SLH-DSA-SHA2-128f block signatures, and the commit certificate of
 * the previous block (one ML-DSA-65 signature per validator).
 *
 * <p>Both sides are CPU time, so neighbours on a shared machine do not enter the CPU ratio: the
 * verifications the calling thread's, validation the process's (every thread, GC included, but the
 * JIT compiler's, which is printed apart; read in nanoseconds by {@link ProcessCpuClock}); the
 * wall time of validation does depend on them, so the load average is printed beside it. Targets:
 * validation CPU at most 1.1 x the summed single-thread verification CPU, and validation wall time
 * at most that CPU time / (0.9 x cores). Block 0 (no certificate to carry) is validated but not
 * measured.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.pqzk.bench.ledger.BlockValidationCost [rounds [validators [blocks]]]} (default 6, 4, 8; the
 * first round is warm-up and not counted).
 */
public final class BlockValidationCost {
  static final int TX_PER_BLOCK = 128;

  private static final ProcessCpuClock CPU = new ProcessCpuClock();
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

  private BlockValidationCost() {}

  /** One pass over the measured blocks: totals, in nanoseconds. */
  record Round(int blocks, int signatures, long singleCpu, long validateCpu, long validateWall,
      long compiler) {
    double cpuRatio() {
      return (double) validateCpu / singleCpu;
    }

    /** Validation wall time over the target bound, CPU / (0.9 x cores): at most 1 meets it. */
    double wallOverBound(int cores) {
      return validateWall / (validateCpu / (0.9 * cores));
    }
  }

  /** The signature checks of each measured block, by kind, as the validator makes them. */
  static List<String> describe(BenchChain chain) throws Exception {
    ChainState state = ChainState.inMemory(chain.genesis);
    List<String> out = new ArrayList<>();
    for (int h = 0; h < chain.blocks.size(); h++) {
      byte[] b = chain.blocks.get(h);
      BlockRules.CheckedBlock c = chain.rules.check(b, state);
      if (h > 0) {
        long tx = c.checks().stream().filter(k -> k.what().startsWith("transaction ")).count();
        long cert = c.checks().stream().filter(k -> k.what().startsWith("commit certificate"))
            .count();
        long header = c.checks().stream().filter(k -> k.what().endsWith("block signature"))
            .count();
        out.add(h + ": " + c.checks().size() + " signatures = " + tx + " transactions + "
            + header + " block signatures + " + cert + " commit certificate signatures");
      }
      state.apply(chain.rules.validate(b, state).effects(), List.of());
    }
    return out;
  }

  /**
   * Validates every block of {@code chain} in order against a fresh state, and for each block
   * but block 0 also verifies each of its signatures on this thread (alternating which comes
   * first, so that neither always finds the caches warmer).
   */
  static Round measure(BenchChain chain) throws Exception {
    ChainState state = ChainState.inMemory(chain.genesis);
    BlockRules rules = chain.rules;
    int signatures = 0;
    long single = 0;
    long validate = 0;
    long wall = 0;
    long jit0 = CPU.compiler();
    for (int h = 0; h < chain.blocks.size(); h++) {
      byte[] b = chain.blocks.get(h);
      if (h == 0) {
        state.apply(rules.validate(b, state).effects(), List.of());
        continue;
      }
      List<Signatures.Check> checks = rules.check(b, state).checks();
      signatures += checks.size();
      if (h % 2 == 0) {
        single += verifyEach(checks);
      }
      long c0 = CPU.start();
      long w0 = System.nanoTime();
      BlockRules.ValidatedBlock validated = rules.validate(b, state);
      long w1 = System.nanoTime();
      long c1 = CPU.stop();
      validate += c1 - c0;
      wall += w1 - w0;
      if (h % 2 == 1) {
        single += verifyEach(checks);
      }
      state.apply(validated.effects(), List.of());
    }
    return new Round(chain.blocks.size() - 1, signatures, single, validate, wall,
        CPU.compiler() - jit0);
  }

  /**
   * This thread's CPU time verifying every check in turn. The thread's own clock, not the
   * process's: a pool worker still winding down from the validation before would otherwise be
   * counted as verification (single-thread sums of one chain ranged from 1.8 to 2.9 ms a block).
   */
  private static long verifyEach(List<Signatures.Check> checks) throws Exception {
    long c0 = THREAD.getCurrentThreadCpuTime();
    for (Signatures.Check k : checks) {
      Signatures.verify(k.key(), k.message(), k.context(), k.signature());
    }
    return THREAD.getCurrentThreadCpuTime() - c0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int validators = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("block validation cost: %d blocks of %d transactions, %d validators,"
        + " SLH-DSA-SHA2-128f on every block; verification provider %s; %d cores, JDK %s%n",
        blocks, TX_PER_BLOCK, validators, Signatures.verificationProviderName(), cores,
        Runtime.version());
    System.out.println("CPU clock: " + CPU.describe());
    BenchChain chain = new BenchChain(blocks + 1, TX_PER_BLOCK, validators, 1);
    System.out.println("block " + describe(chain).get(0));
    System.out.println("load average before: " + loadAverage());
    List<Round> counted = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      Round x = measure(chain);
      System.out.printf("round %d%s: per block, %d signatures: single-thread sum %.2f ms CPU,"
          + " validation %.2f ms CPU (%.3f x, target <= 1.1), wall %.2f ms (bound CPU/(0.9 x %d)"
          + " = %.2f ms: %.2f x the bound, target <= 1); JIT compiler meanwhile %.2f ms%n", r,
          r == 0 ? " (warm-up)" : "",
          x.signatures() / x.blocks(), x.singleCpu() / 1e6 / x.blocks(),
          x.validateCpu() / 1e6 / x.blocks(), x.cpuRatio(), x.validateWall() / 1e6 / x.blocks(),
          cores, x.validateCpu() / 1e6 / x.blocks() / (0.9 * cores), x.wallOverBound(cores),
          x.compiler() / 1e6 / x.blocks());
      if (r > 0) {
        counted.add(x);
      }
    }
    System.out.println("load average after: " + loadAverage());
    if (!counted.isEmpty()) {
      double[] cpu = counted.stream().mapToDouble(Round::cpuRatio).sorted().toArray();
      double[] wall = counted.stream().mapToDouble(x -> x.wallOverBound(cores)).sorted().toArray();
      System.out.printf("median of %d rounds: validation CPU %.3f x the summed single-thread"
          + " verifications (target <= 1.1); wall %.2f x CPU/(0.9 x cores) (target <= 1);"
          + " rounds' CPU ratios %s%n", counted.size(), median(cpu), median(wall),
          Arrays.toString(Arrays.stream(cpu).map(d -> Math.round(d * 1000) / 1000.0).toArray()));
      System.out.printf("medians per block: single-thread verifications %.2f ms CPU, validation"
          + " %.2f ms CPU, %.2f ms wall%n",
          medianMsPerBlock(counted, Round::singleCpu),
          medianMsPerBlock(counted, Round::validateCpu),
          medianMsPerBlock(counted, Round::validateWall));
    }
  }

  private static double medianMsPerBlock(List<Round> rounds, ToLongFunction<Round> nanos) {
    return median(rounds.stream().mapToDouble(x -> nanos.applyAsLong(x) / 1e6 / x.blocks())
        .sorted().toArray());
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
