package io.pqzk.records.custodian;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionRejectedException;
import io.pqzk.ledger.store.Ledger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded engine as a custodian's ledger: this process holds the validator keys (as the demo
 * does) and seals a block for whatever is waiting. Group commit: one sealing thread takes every
 * transaction queued, admits each (a refusal goes back to its caller alone), seals them into one
 * block (more when the genesis limits say so) and answers each caller with its height once the
 * block is final and durable; callers that arrive meanwhile go into the next block. Reads of the
 * state take a read lock that sealing excludes, so a reader never sees half a block.
 */
public final class EmbeddedLedger implements LedgerGateway {
  private record Pending(byte[] tx, CompletableFuture<Committed> done) {}

  private final Ledger ledger;
  private final List<ProposerKeys> proposers;
  private final CommitSigner commits;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread sealer;
  private final java.util.function.Consumer<Ledger.SealResult> onSeal;
  private volatile boolean closed;

  private EmbeddedLedger(Ledger ledger, List<ProposerKeys> proposers, CommitSigner commits,
      java.util.function.Consumer<Ledger.SealResult> onSeal) {
    this.ledger = ledger;
    this.proposers = List.copyOf(proposers);
    this.commits = commits;
    this.onSeal = onSeal;
    this.sealer = new Thread(this::sealLoop, "pqzk-ledger-sealer");
    sealer.setDaemon(true);
  }

  /**
   * Opens the ledger in {@code dataDir}, certifying its head if a crash left it uncertified, and
   * starts the sealing thread.
   */
  public static EmbeddedLedger open(Path dataDir, List<ProposerKeys> proposers,
      java.util.function.Function<BlockRules, CommitSigner> commits)
      throws LedgerException, IOException {
    return open(dataDir, proposers, commits, System::currentTimeMillis);
  }

  /** As {@link #open(Path, List, java.util.function.Function)} with the validators' clock. */
  public static EmbeddedLedger open(Path dataDir, List<ProposerKeys> proposers,
      java.util.function.Function<BlockRules, CommitSigner> commits,
      java.util.function.LongSupplier clock) throws LedgerException, IOException {
    return open(dataDir, proposers, commits, clock, r -> { });
  }

  /** As above, telling {@code onSeal} of every block sealed (the demo counts them). */
  public static EmbeddedLedger open(Path dataDir, List<ProposerKeys> proposers,
      java.util.function.Function<BlockRules, CommitSigner> commits,
      java.util.function.LongSupplier clock,
      java.util.function.Consumer<Ledger.SealResult> onSeal) throws LedgerException, IOException {
    BlockRules rules = new BlockRules(Genesis.load(dataDir.resolve(Genesis.FILE_NAME)));
    Ledger l = Ledger.open(dataDir, rules, io.pqzk.ledger.store.BlockFiles.DEFAULT_SEGMENT_BYTES,
        clock);
    try {
      EmbeddedLedger e = new EmbeddedLedger(l, proposers, commits.apply(rules), onSeal);
      if (l.height() >= 0 && l.finalizedHeight() < l.height()) {
        e.sealNow(); // an empty block certifies the stored head first
      }
      e.sealer.start();
      return e;
    } catch (LedgerException | IOException | RuntimeException x) {
      l.close();
      throw x;
    }
  }

  public Ledger ledger() {
    return ledger;
  }

  @Override
  public BlockRules rules() {
    return ledger.rules();
  }

  @Override
  public <T> T read(StateReader<T> f) throws LedgerException {
    lock.readLock().lock();
    try {
      return f.read(ledger.state());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long finalizedHeight() {
    return ledger.finalizedHeight();
  }

  @Override
  public byte[] block(long height) throws IOException, LedgerException {
    if (height > ledger.finalizedHeight()) {
      throw new LedgerException("block " + height + " is not final (finalized height "
          + ledger.finalizedHeight() + ")");
    }
    return ledger.blockBytes(height);
  }

  @Override
  public Committed commit(byte[] transaction) throws LedgerException, IOException {
    return commitAll(List.of(transaction)).get(0);
  }

  @Override
  public List<Committed> commitAll(List<byte[]> transactions) throws LedgerException, IOException {
    if (closed) {
      throw new LedgerException("the ledger is closed");
    }
    List<Pending> ps = new ArrayList<>();
    synchronized (queue) {
      for (byte[] t : transactions) {
        Pending p = new Pending(t, new CompletableFuture<>());
        ps.add(p);
        queue.add(p);
      }
    }
    List<Committed> out = new ArrayList<>();
    for (Pending p : ps) {
      try {
        out.add(p.done().get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LedgerException("interrupted while waiting for the block", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof LedgerException le) {
          throw le;
        }
        if (c instanceof IOException io) {
          throw io;
        }
        throw new LedgerException("sealing failed: " + c, c);
      }
    }
    return out;
  }

  private void sealLoop() {
    while (!closed) {
      List<Pending> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      synchronized (queue) {
        queue.drainTo(batch);
      }
      lock.writeLock().lock();
      try {
        Map<ByteBuffer, Pending> admitted = new HashMap<>();
        for (Pending p : batch) {
          try {
            ParsedTransaction tx = ledger.submit(p.tx());
            admitted.put(ByteBuffer.wrap(tx.id()), p);
          } catch (TransactionRejectedException e) {
            p.done().completeExceptionally(e);
          }
        }
        while (!admitted.isEmpty()) {
          Ledger.SealResult r = sealNow();
          for (byte[] id : r.sealed().effects().transactionIds()) {
            Pending p = admitted.remove(ByteBuffer.wrap(id));
            if (p != null) {
              p.done().complete(new Committed(r.height(), id));
            }
          }
          if (ledger.pendingCount() == 0) {
            // whatever was admitted but is in no block was dropped at the block's time
            for (Pending p : admitted.values()) {
              p.done().completeExceptionally(new TransactionRejectedException(
                  "dropped when its block was sealed: " + String.join("; ", r.dropped())));
            }
            admitted.clear();
          }
        }
      } catch (LedgerException | IOException | RuntimeException e) {
        for (Pending p : batch) {
          p.done().completeExceptionally(e);
        }
      } finally {
        lock.writeLock().unlock();
      }
    }
    for (Pending p : queue) {
      p.done().completeExceptionally(new LedgerException("the ledger closed"));
    }
  }

  private Ledger.SealResult sealNow() throws LedgerException, IOException {
    ProposerKeys p = proposers.get((int) ((ledger.height() + 1) % proposers.size()));
    Ledger.SealResult r = ledger.seal(p, commits);
    onSeal.accept(r);
    return r;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    sealer.interrupt();
    try {
      sealer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.writeLock().lock();
    try {
      ledger.close();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
