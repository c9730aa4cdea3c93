package io.pqzk.ledger;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link StateStore} in the heap. Not thread-safe (one writer, as the chain state).
 */
public final class MemoryStateStore implements StateStore {
  private final Map<ByteBuffer, byte[]> map = new HashMap<>();

  @Override
  public byte[] get(byte[] key) {
    byte[] v = map.get(ByteBuffer.wrap(key));
    return v == null ? null : v.clone();
  }

  @Override
  public void write(List<Put> batch) {
    for (Put p : batch) {
      ByteBuffer k = ByteBuffer.wrap(p.key().clone());
      map.put(k, p.value().clone());
    }
  }

  /** Number of keys held. */
  public int size() {
    return map.size();
  }

  @Override
  public void close() {
    map.clear();
  }
}
