package io.pqzk.bench.ledger;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.ledger.ChainState;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ledger throughput as a function of block size, all figures in transactions per second. Every invocation handles {@value #TOTAL} transactions, cut
 * into blocks of {@code txPerBlock} (16, 128 or 1024 transactions), so that the figures for
 * different block sizes are per transaction and comparable:
 * <ul>
 *   <li>{@code validateBlocks}: full validation of those blocks (each transaction with one
 *       ML-DSA-65 signature) against a fresh state, signatures on every core, as
 *       {@code pqzk chain verify} does;
 *   <li>{@code rawMlDsa65VerifySingleThread}: one ML-DSA-65 verification of one of those
 *       transactions on one thread, through the same call the validator makes: the baseline.
 *       Target: validateBlocks &gt;= 0.75 x cores x this;
 *   <li>{@code appendWithFsync}: appending those blocks to the block files, each forced to disk
 *       before the next (reported per transaction: small blocks pay one fsync for few
 *       transactions).
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
  /** Transactions per invocation, whatever the block size. */
  static final int TOTAL = 1024;

  /** Transactions per block. */
  @Param({"16", "128", "1024"})
  public int txPerBlock;

  BenchChain chain;
  Signatures.Check one;
  Path dir;
  BlockFiles files;
  long height;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    if (txPerBlock <= 0 || TOTAL % txPerBlock != 0) {
      throw new IllegalArgumentException("txPerBlock must divide " + TOTAL + ": " + txPerBlock);
    }
    chain = new BenchChain(TOTAL / txPerBlock, txPerBlock);
    one = chain.firstTransactionCheck();
    dir = Files.createTempDirectory("pqzk-bench-append");
    files = BlockFiles.openForAppend(dir, null, BlockFiles.DEFAULT_SEGMENT_BYTES);
    System.out.printf("%n[ledger bench] %d cores, block of %d transactions = %d bytes%n",
        Runtime.getRuntime().availableProcessors(), txPerBlock, chain.blocks.get(0).length);
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
  @OperationsPerInvocation(TOTAL)
  public long validateBlocks() throws Exception {
    BlockRules rules = chain.rules;
    ChainState state = ChainState.inMemory(chain.genesis);
    for (byte[] b : chain.blocks) {
      state.apply(rules.validate(b, state).effects(), java.util.List.of());
    }
    return state.height();
  }

  @Benchmark
  @OperationsPerInvocation(TOTAL)
  public long verifyChainBatched() throws Exception {
    Path blocks = verifierDir();
    return new ChainVerifier(chain.rules).verify(blocks, null).transactions();
  }

  @Benchmark
  public void rawMlDsa65VerifySingleThread() throws Exception {
    Signatures.verify(one.key(), one.message(), one.context(), one.signature());
  }

  @Benchmark
  @OperationsPerInvocation(TOTAL)
  public Object appendWithFsync() throws Exception {
    Object last = null;
    for (byte[] b : chain.blocks) {
      last = files.append(height++, b);
    }
    return last;
  }

  private Path verifierDir;

  private synchronized Path verifierDir() throws Exception {
    if (verifierDir == null) {
      verifierDir = Files.createTempDirectory("pqzk-bench-verify");
      io.pqzk.ledger.store.DataDirectory.checkFormat(verifierDir, true);
      try (BlockFiles f = BlockFiles.openForAppend(
          io.pqzk.ledger.store.DataDirectory.blocks(verifierDir), null, Long.MAX_VALUE)) {
        for (int i = 0; i < chain.blocks.size(); i++) {
          f.append(i, chain.blocks.get(i));
        }
      }
    }
    return verifierDir;
  }
}
