package io.pqzk.bench.ledger;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ChainVerifier;
import io.pqzk.ledger.MemoryState;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.store.BlockFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ledger throughput (issue 4, acceptance item 5), all figures in transactions per second:
 * <ul>
 *   <li>{@code validateBlocks}: full validation of {@value #BLOCKS} blocks of {@value #TX}
 *       transactions (each with one ML-DSA-65 signature) against a fresh state, signatures on
 *       every core, as {@code pqzk chain verify} does;
 *   <li>{@code rawMlDsa65VerifySingleThread}: one ML-DSA-65 verification of one of those
 *       transactions on one thread, through the same call the validator makes: the baseline.
 *       Target: validateBlocks &gt;= 0.75 x cores x this;
 *   <li>{@code appendWithFsync}: appending a {@value #TX}-transaction block to the block files,
 *       forced to disk before returning (reported per transaction).
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar io.pqzk.bench.ledger}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class LedgerBench {
  static final int BLOCKS = 8;
  static final int TX = 128;

  BenchChain chain;
  Signatures.Check one;
  Path dir;
  BlockFiles files;
  long height;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    chain = new BenchChain(BLOCKS, TX);
    one = chain.firstTransactionCheck();
    dir = Files.createTempDirectory("pqzk-bench-append");
    files = BlockFiles.openForAppend(dir, null, BlockFiles.DEFAULT_SEGMENT_BYTES);
    System.out.printf("%n[ledger bench] %d cores, block of %d transactions = %d bytes%n",
        Runtime.getRuntime().availableProcessors(), TX, chain.blocks.get(1).length);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    files.close();
    delete(dir);
    if (verifierDir != null) {
      delete(verifierDir);
    }
  }

  private static void delete(Path d) throws Exception {
    try (var s = Files.walk(d)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BLOCKS * TX)
  public long validateBlocks() throws Exception {
    BlockRules rules = chain.rules;
    MemoryState state = new MemoryState(chain.genesis);
    for (byte[] b : chain.blocks) {
      state.apply(rules.validate(b, state).effects(), null);
    }
    return state.height();
  }

  @Benchmark
  @OperationsPerInvocation(BLOCKS * TX)
  public long verifyChainBatched() throws Exception {
    Path blocks = verifierDir();
    return new ChainVerifier(chain.rules).verify(blocks, null).transactions();
  }

  @Benchmark
  public void rawMlDsa65VerifySingleThread() throws Exception {
    Signatures.verify(one.key(), one.message(), one.context(), one.signature());
  }

  @Benchmark
  @OperationsPerInvocation(TX)
  public Object appendWithFsync() throws Exception {
    return files.append(height++, chain.blocks.get(1));
  }

  private Path verifierDir;

  private synchronized Path verifierDir() throws Exception {
    if (verifierDir == null) {
      verifierDir = Files.createTempDirectory("pqzk-bench-verify");
      try (BlockFiles f = BlockFiles.openForAppend(verifierDir, null, Long.MAX_VALUE)) {
        for (int i = 0; i < chain.blocks.size(); i++) {
          f.append(i, chain.blocks.get(i));
        }
      }
    }
    return verifierDir;
  }
}
