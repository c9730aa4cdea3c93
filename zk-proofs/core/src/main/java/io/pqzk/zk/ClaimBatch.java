package io.pqzk.zk;

import io.pqzk.zk.claims.ClaimStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Verifies many claims of one proof system at once, one claim per core at a time: what a block
 * with many claim transactions needs. Each verification is independent and single-threaded, so
 * n claims take about n times one verification divided by the number of cores.
 *
 * <p>Every claim is verified, whatever fails first, so the outcome does not depend on
 * scheduling; a failure is reported for the lowest failing index.
 */
public final class ClaimBatch {
  private ClaimBatch() {}

  /** One claim: the statement the verifier rebuilt and the proof bytes it was handed. */
  public record Item(ClaimStatement statement, byte[] proof) {
    public Item {
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(proof, "proof");
    }
  }

  /** {@link #verify(ProofSystem, List, ForkJoinPool)} on the common pool (every core). */
  public static List<ProofSystem.Verification> verify(ProofSystem system, List<Item> items)
      throws BatchVerificationException {
    return verify(system, items, ForkJoinPool.commonPool());
  }

  /**
   * Verifies every item on {@code pool}; returns the verifications in item order.
   *
   * @throws BatchVerificationException naming the lowest index whose proof failed (its cause is
   *     that item's {@link MalformedProofException} or {@link ProofRejectedException}) and how
   *     many failed
   */
  public static List<ProofSystem.Verification> verify(ProofSystem system, List<Item> items,
      ForkJoinPool pool) throws BatchVerificationException {
    Objects.requireNonNull(system, "system");
    List<Item> work = List.copyOf(items);
    ProofSystem.Verification[] ok = new ProofSystem.Verification[work.size()];
    ProofException[] failed = new ProofException[work.size()];
    Runnable all = () -> IntStream.range(0, work.size()).parallel().forEach(i -> {
      try {
        ok[i] = system.verify(work.get(i).statement(), work.get(i).proof());
      } catch (ProofException e) {
        failed[i] = e;
      } catch (RuntimeException e) {
        failed[i] = new ProofRejectedException("verifier failed: " + e, e);
      }
    });
    pool.submit(all).join();
    int first = -1;
    int count = 0;
    for (int i = 0; i < failed.length; i++) {
      if (failed[i] != null) {
        first = first < 0 ? i : first;
        count++;
      }
    }
    if (first >= 0) {
      throw new BatchVerificationException(first, count, work.size(), failed[first]);
    }
    return new ArrayList<>(List.of(ok));
  }
}
