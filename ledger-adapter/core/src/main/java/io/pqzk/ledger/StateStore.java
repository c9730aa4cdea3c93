package io.pqzk.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The storage beneath {@link ChainState}: a key-value map written one atomic batch per block.
 * Two implementations: {@link MemoryStateStore} (an independent validator, tests) and the store
 * module's RocksDB one (the engine's index, or a scratch folder for validating chains too large
 * for the heap). The chain state's logic is written once, over this interface; a store only keeps
 * bytes.
 */
public interface StateStore extends Closeable {

  /** One write of a batch. */
  record Put(byte[] key, byte[] value) {}

  /**
   * The value stored under {@code key}, or null.
   *
   * @throws UncheckedIOException when the store cannot be read (a disk error: validation stops;
   *     an unreadable key is never taken for an absent one)
   */
  byte[] get(byte[] key);

  /**
   * Writes every put atomically: after a crash either all of them or none are visible.
   *
   * @throws IOException when the write fails; the store is then unchanged
   */
  void write(List<Put> batch) throws IOException;

  @Override
  void close() throws IOException;
}
