package io.pqzk.sig;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch verification under way on the common fork-join pool's workers, so that the caller can
 * do other work (a validator applies a block's state rules) while its signatures are checked,
 * then {@link #await} the outcome, verifying whatever is left itself. Started by {@link
 * Signatures#startVerifyAll}; {@link Signatures#verifyAll} is a start followed by an await.
 *
 * <p>One verifier is built per distinct (key, options) pair and shared by the items that use it
 * (verifiers are thread-safe), so a block full of transactions from a few validators parses
 * each key once. Items are handed out one at a time from a shared counter, the slowest kind
 * first (SLH-DSA, then composites, then ML-DSA): with a block's one SLH-DSA signature costing as
 * much as twenty ML-DSA ones, fixed shares of the list left a core idle at the end. Which thread
 * verifies an item never changes the outcome: every item is verified and failures are reported
 * by index. Waiting is only ever for an item another thread is verifying, so a caller that is
 * itself a pool worker cannot deadlock.
 */
public final class PendingVerification {
  private record VerifierKey(PqPublicKey key, SignatureOptions options) {}

  private final SignatureProvider provider;
  private final List<VerificationItem> items;
  private final int[] order;
  private final PqSignatureException[] failed;
  private final Map<VerifierKey, Object> verifiers = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private final CountDownLatch finished;
  private volatile boolean cancelled;
  /** An Error a verifier threw (out of memory, a stack overflow), rethrown by {@link #await}. */
  private volatile Error broken;

  private PendingVerification(SignatureProvider provider, List<VerificationItem> items) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.order = slowestFirst(this.items);
    this.failed = new PqSignatureException[this.items.size()];
    this.finished = new CountDownLatch(this.items.size());
  }

  /** Starts verifying {@code items} on up to {@code workers} pool threads (none: all on await). */
  static PendingVerification start(SignatureProvider provider, List<VerificationItem> items,
      int workers) {
    PendingVerification p = new PendingVerification(provider, items);
    int tasks = Math.min(workers, p.items.size());
    for (int t = 0; t < tasks; t++) {
      ForkJoinPool.commonPool().execute(p::drain);
    }
    return p;
  }

  /**
   * Verifies on this thread every item no worker has taken yet, waits for those they are
   * verifying, and returns normally only if every item verified.
   *
   * @throws BatchVerificationException listing each failed item (by index) and why
   */
  public void await() throws BatchVerificationException {
    if (cancelled) {
      throw new IllegalStateException("verification was cancelled: there is no outcome to await");
    }
    drain();
    boolean interrupted = false;
    while (true) {
      try {
        finished.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // at most one item per worker is left: finish, then say so
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (broken != null) {
      throw broken;
    }
    Map<Integer, PqSignatureException> failures = new TreeMap<>();
    for (int i = 0; i < failed.length; i++) {
      if (failed[i] != null) {
        failures.put(i, failed[i]);
      }
    }
    if (!failures.isEmpty()) {
      throw new BatchVerificationException(failed.length, failures);
    }
  }

  /**
   * Stops handing out items (the caller no longer needs the outcome: it refuses the block for
   * another reason); workers finish the item they hold and stop. {@link #await} may not follow.
   */
  public void cancel() {
    cancelled = true;
    next.set(items.size());
  }

  private void drain() {
    int n = items.size();
    for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
      int i = order[k];
      try {
        failed[i] = verifyOne(items.get(i));
      } catch (Error e) {
        // counted down all the same, or the caller would wait for this item for ever
        broken = e;
        failed[i] = new PqSignatureException("verification failed: " + e, e);
      } finally {
        finished.countDown();
      }
    }
  }

  /** Null if the item verifies, else why not. */
  private PqSignatureException verifyOne(VerificationItem item) {
    try {
      Object v = verifiers.computeIfAbsent(new VerifierKey(item.key(), item.options()), k -> {
        try {
          return provider.verifier(k.key(), k.options());
        } catch (PqSignatureException e) {
          return e; // remembered, so every item with this key reports the same cause
        }
      });
      if (v instanceof PqSignatureException) {
        throw (PqSignatureException) v;
      }
      ((Verifier) v).verify(item.message(), item.signature());
      return null;
    } catch (PqSignatureException e) {
      return e;
    } catch (RuntimeException e) {
      return new PqSignatureException("verification failed unexpectedly: " + e, e);
    }
  }

  /** Item indices, SLH-DSA first, then composites, then ML-DSA, each kind in list order. */
  private static int[] slowestFirst(List<VerificationItem> items) {
    int[] order = new int[items.size()];
    int k = 0;
    for (SignatureAlgorithm.Family f : new SignatureAlgorithm.Family[] {
        SignatureAlgorithm.Family.SLH_DSA, SignatureAlgorithm.Family.COMPOSITE,
        SignatureAlgorithm.Family.ML_DSA}) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).key().algorithm().family() == f) {
          order[k++] = i;
        }
      }
    }
    return order; // every family is listed above, so every index is in it
  }
}
