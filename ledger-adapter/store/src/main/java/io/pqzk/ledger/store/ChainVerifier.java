package io.pqzk.ledger.store;

import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.MemoryStateStore;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.StateStore;
import io.pqzk.ledger.TransactionRejectedException;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.QuorumException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * An independent validator: trusts nothing but the genesis it is given, reads the block files
 * read-only (never the index), and re-checks every record checksum, link, rule, root,
 * signature, proof and commit certificate. A block is final when the next block carries its
 * commit certificate; the head is final when the stored head certificate certifies it.
 * Signatures and proofs of consecutive blocks are verified together in parallel batches, so small
 * blocks still use every core; failures are still reported for the first bad block in chain
 * order. The chain state goes to the {@link StateStore} given (a scratch RocksDB store keeps the
 * heap bounded whatever the chain's length).
 */
public final class ChainVerifier {
  /** Signature checks gathered before a parallel batch runs. */
  private static final int BATCH = 256;

  /** What a successful verification covered. */
  public record Report(long blocks, long transactions, long blockBytes, long mlDsaBlockSignatures,
      long mlDsaBlockSignatureBytes, long slhDsaBlockSignatures, long slhDsaBlockSignatureBytes,
      long transactionSignatureBytes, long commitSignatures, long commitCertificateBytes,
      long registrySize, long nanos, byte[] genesisHash, long finalizedHeight,
      byte[] finalizedHash, String tornTail) {

    public double transactionsPerSecond() {
      return nanos == 0 ? 0 : transactions * 1e9 / nanos;
    }
  }

  private final BlockRules rules;

  public ChainVerifier(BlockRules rules) {
    this.rules = rules;
  }

  /** Verifies the chain in data directory {@code dataDir}, keeping its state in the heap. */
  public Report verify(Path dataDir, LongConsumer progress) throws LedgerException, IOException {
    try (MemoryStateStore store = new MemoryStateStore()) {
      return verify(dataDir, store, progress);
    }
  }

  /**
   * Verifies the chain in data directory {@code dataDir}, keeping the chain state in {@code
   * store} (which must be empty).
   *
   * @param progress called with each verified height (may be null)
   * @throws BlockRejectedException the first block that does not verify
   * @throws DamagedRecordException a record that does not check, before the end of the files
   * @throws MalformedInputException the directory holds no block files
   */
  public Report verify(Path dataDir, StateStore store, LongConsumer progress)
      throws LedgerException, IOException {
    Path blocksDir = DataDirectory.blocks(dataDir);
    if (!Files.isDirectory(blocksDir)) {
      throw new MalformedInputException("no block directory " + blocksDir);
    }
    DataDirectory.checkFormat(dataDir, false);
    long start = System.nanoTime();
    ChainState state = ChainState.open(rules.genesis(), store);
    if (state.height() >= 0) {
      throw new IllegalArgumentException("the state store for a verification must be empty");
    }
    Window window = new Window(progress);
    long txs = 0;
    long bytes = 0;
    long ml = 0;
    long mlBytes = 0;
    long slh = 0;
    long slhBytes = 0;
    long txSigBytes = 0;
    long commitSigs = 0;
    long commitBytes = 0;
    String torn = null;
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
        } catch (DamagedRecordException e) {
          if (!e.atTail()) {
            window.flush();
            throw e;
          }
          // an append interrupted by a crash, never acknowledged, is not part of the chain; but
          // a block whose commit certificate is stored was final: its damage is tampering
          if (storedCertificateHeight(dataDir) > state.height()) {
            window.flush();
            throw new BlockRejectedException(state.height() + 1, "damaged at the end of the"
                + " block files (" + e.getMessage().replaceFirst("^block \\d+ ", "")
                + "), yet a commit certificate of it is stored: it was final");
          }
          torn = "the block files end in a torn record after block " + state.height()
              + " (an interrupted append, never final; the engine truncates it when it next"
              + " opens)";
          break;
        } catch (LedgerException e) {
          window.flush();
          throw e;
        }
        state.apply(c.block().effects(), List.of());
        window.add(c);
        txs += c.block().transactions().size();
        bytes += b.payload().length;
        commitBytes += c.block().block().getLastCommit().size();
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
        commitSigs += c.checks().size() - c.block().transactions().size()
            - c.block().block().getSignaturesCount();
        if (window.size() >= BATCH) {
          window.flush();
        }
      }
    }
    window.flush();
    if (state.height() < 0) {
      throw new MalformedInputException("no blocks in " + blocksDir);
    }
    long finalized = headCertified(dataDir, state) ? state.height() : state.height() - 1;
    byte[] finalHash = finalized >= 0 ? state.headerHashAt(finalized) : rules.genesis().hash();
    return new Report(state.height() + 1, txs, bytes, ml, mlBytes, slh, slhBytes, txSigBytes,
        commitSigs, commitBytes, state.registry().size(), System.nanoTime() - start,
        rules.genesis().hash(), finalized, finalHash, torn);
  }

  /** Whether the stored head certificate certifies the head; a forged one is a rejection. */
  private boolean headCertified(Path dataDir, ChainState state) throws IOException,
      BlockRejectedException {
    byte[] bytes = DataDirectory.readHeadCertificate(dataDir);
    if (bytes == null) {
      return false;
    }
    try {
      rules.verifyCommit(QuorumCertificates.parse(bytes, "stored head certificate"),
          state.height(), state.headHash(), state.headValidators());
      return true;
    } catch (QuorumException e) {
      throw new BlockRejectedException(state.height(), e.getMessage());
    } catch (BlockRejectedException e) {
      if (isStale(bytes, state.height())) {
        return false; // the certificate of an earlier head: this head is not final yet
      }
      throw new BlockRejectedException(state.height(), "stored head certificate: "
          + e.getMessage().replaceFirst("^block \\d+: ", ""));
    }
  }

  /** The height the stored head certificate names, or -1. */
  private static long storedCertificateHeight(Path dataDir) throws IOException {
    byte[] bytes = DataDirectory.readHeadCertificate(dataDir);
    if (bytes == null) {
      return -1;
    }
    try {
      return io.pqzk.ledger.proto.QuorumCertificate.parseFrom(bytes).getHeight();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return -1;
    }
  }

  private static boolean isStale(byte[] bytes, long head) {
    try {
      return io.pqzk.ledger.proto.QuorumCertificate.parseFrom(bytes).getHeight() < head;
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return false;
    }
  }

  /** Signature and proof checks of consecutive blocks, verified together. */
  private static final class Window {
    private final LongConsumer progress;
    private final List<Signatures.Check> signatures = new ArrayList<>();
    private final List<BlockDraft.ProofCheck> proofs = new ArrayList<>();
    private final List<Long> proofHeights = new ArrayList<>();
    private long last = -1;

    Window(LongConsumer progress) {
      this.progress = progress;
    }

    void add(BlockRules.CheckedBlock c) {
      signatures.addAll(c.checks());
      long h = c.block().header().getHeight();
      for (BlockDraft.ProofCheck p : c.proofs()) {
        proofs.add(p);
        proofHeights.add(h);
      }
      last = h;
    }

    int size() {
      return signatures.size() + proofs.size() * 32;
    }

    /** Signatures first, then proofs: a failure reports the first bad block in chain order. */
    void flush() throws BlockRejectedException {
      if (signatures.isEmpty() && proofs.isEmpty()) {
        return;
      }
      try {
        Signatures.verifyAll(signatures);
      } catch (Signatures.BatchFailure e) {
        long bad = e.check().block();
        // a proof of an earlier block may have failed too: report whichever comes first
        verifyProofsBefore(bad);
        throw new BlockRejectedException(bad, e.getMessage());
      }
      verifyProofsBefore(Long.MAX_VALUE);
      if (progress != null && last >= 0) {
        progress.accept(last);
      }
      signatures.clear();
      proofs.clear();
      proofHeights.clear();
    }

    private void verifyProofsBefore(long height) throws BlockRejectedException {
      int n = 0;
      while (n < proofs.size() && proofHeights.get(n) < height) {
        n++;
      }
      TransactionRejectedException[] failed = new TransactionRejectedException[n];
      java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
        try {
          proofs.get(i).verify();
        } catch (TransactionRejectedException e) {
          failed[i] = e;
        }
      });
      for (int i = 0; i < n; i++) {
        if (failed[i] != null) {
          throw new BlockRejectedException(proofHeights.get(i), failed[i].getMessage());
        }
      }
    }
  }
}
