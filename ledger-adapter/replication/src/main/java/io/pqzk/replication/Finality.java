package io.pqzk.replication;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who waits for which transaction to become final on this node: a submission completes with
 * the height of the block that holds it once a quorum certificate of that block is stored here,
 * or fails with the reason the leader dropped it.
 */
final class Finality {
  private final Map<ByteBuffer, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
  /** Applied blocks not yet certified: height to the ids they hold. */
  private final TreeMap<Long, List<ByteBuffer>> open = new TreeMap<>();

  /** A future for {@code id}; the caller checks afterwards whether it is final already. */
  CompletableFuture<Long> await(byte[] id) {
    return waiting.computeIfAbsent(ByteBuffer.wrap(id.clone()), k -> new CompletableFuture<>());
  }

  void forget(byte[] id, CompletableFuture<Long> f) {
    waiting.remove(ByteBuffer.wrap(id), f);
  }

  void complete(byte[] id, long height) {
    CompletableFuture<Long> f = waiting.remove(ByteBuffer.wrap(id));
    if (f != null) {
      f.complete(height);
    }
  }

  synchronized void applied(long height, List<ByteBuffer> ids) {
    open.put(height, ids);
  }

  /** Every block up to {@code height} is final now. */
  synchronized void finalizedUpTo(long height) {
    while (!open.isEmpty() && open.firstKey() <= height) {
      Map.Entry<Long, List<ByteBuffer>> e = open.pollFirstEntry();
      for (ByteBuffer id : e.getValue()) {
        CompletableFuture<Long> f = waiting.remove(id);
        if (f != null) {
          f.complete(e.getKey());
        }
      }
    }
  }

  void dropped(ByteBuffer id, String reason) {
    CompletableFuture<Long> f = waiting.remove(id);
    if (f != null) {
      f.completeExceptionally(new TransactionRefusedException(reason));
    }
  }
}
