package io.pqzk.ledger.store;

import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.MemoryStateStore;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.StateStore;

import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.SignatureEnvelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * An independent validator: trusts nothing but the genesis file, reads the block files
 * read-only (never the index), and re-checks every record checksum, link, rule, root and
 * signature. Signatures of consecutive blocks are verified together in parallel batches, so
 * small blocks still use every core; failures are still reported for the first bad block in
 * chain order.
 */
public final class ChainVerifier {
  /** Signature checks gathered before a parallel batch runs. */
  private static final int BATCH = 256;

  /** What a successful verification covered. */
  public record Report(long blocks, long transactions, long blockBytes, long mlDsaBlockSignatures,
      long mlDsaBlockSignatureBytes, long slhDsaBlockSignatures, long slhDsaBlockSignatureBytes,
      long transactionSignatureBytes, long registrySize, long nanos) {

    public double transactionsPerSecond() {
      return nanos == 0 ? 0 : transactions * 1e9 / nanos;
    }
  }

  private final BlockRules rules;

  public ChainVerifier(BlockRules rules) {
    this.rules = rules;
  }

  /**
   * Verifies the chain in {@code blocksDir}.
   *
   * @param progress called with each verified height (may be null)
   * @throws BlockRejectedException the first block that does not verify
   * @throws DamagedRecordException a record that does not check (position = block)
   * @throws MalformedInputException the directory holds no block files
   */
  public Report verify(Path blocksDir, LongConsumer progress)
      throws LedgerException, IOException {
    try (MemoryStateStore store = new MemoryStateStore()) {
      return verify(blocksDir, store, progress);
    }
  }

  /**
   * Verifies the chain in {@code blocksDir}, keeping the chain state in {@code store} (which must
   * be empty): a {@link RocksStateStore} in a scratch folder bounds the heap a long chain needs.
   */
  public Report verify(Path blocksDir, StateStore store, LongConsumer progress)
      throws LedgerException, IOException {
    if (!Files.isDirectory(blocksDir)) {
      throw new MalformedInputException("no block directory " + blocksDir);
    }
    long start = System.nanoTime();
    ChainState state = ChainState.open(rules.genesis(), store);
    if (state.height() >= 0) {
      throw new IllegalArgumentException("the state store for a verification must be empty");
    }
    List<Signatures.Check> window = new ArrayList<>();
    long txs = 0;
    long bytes = 0;
    long ml = 0;
    long mlBytes = 0;
    long slh = 0;
    long slhBytes = 0;
    long txSigBytes = 0;
    try (BlockScanner scanner = BlockScanner.fromStart(blocksDir)) {
      while (true) {
        StoredBlock b;
        BlockRules.CheckedBlock c;
        try {
          b = scanner.next();
          if (b == null) {
            break;
          }
          c = rules.check(b.payload(), state);
        } catch (LedgerException e) {
          flush(window, progress);
          throw e;
        }
        state.apply(c.block().effects(), List.of());
        window.addAll(c.checks());
        txs += c.block().transactions().size();
        bytes += b.payload().length;
        for (SignatureEnvelope env : c.block().block().getSignaturesList()) {
          if (Signatures.isSlhDsa(env.getAlgorithm())) {
            slh++;
            slhBytes += env.getSignature().size();
          } else {
            ml++;
            mlBytes += env.getSignature().size();
          }
        }
        for (ParsedTransaction t : c.block().transactions()) {
          txSigBytes += t.transaction().getSignature().getSignature().size();
        }
        if (window.size() >= BATCH) {
          flush(window, progress);
        }
      }
    }
    flush(window, progress);
    if (state.height() < 0) {
      throw new MalformedInputException("no blocks in " + blocksDir);
    }
    return new Report(state.height() + 1, txs, bytes, ml, mlBytes, slh, slhBytes, txSigBytes,
        state.registry().size(), System.nanoTime() - start);
  }

  private static void flush(List<Signatures.Check> window, LongConsumer progress)
      throws BlockRejectedException {
    if (window.isEmpty()) {
      return;
    }
    try {
      Signatures.verifyAll(window);
    } catch (Signatures.BatchFailure e) {
      throw new BlockRejectedException(e.check().block(), e.getMessage());
    }
    if (progress != null) {
      progress.accept(window.get(window.size() - 1).block());
    }
    window.clear();
  }
}
