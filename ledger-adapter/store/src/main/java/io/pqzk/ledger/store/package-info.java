/**
 * Storage and the embedded engine. {@link io.pqzk.ledger.store.BlockFiles}: append-only,
 * checksummed segment files, the source of truth; a record is forced to disk before
 * {@code append} returns. {@link io.pqzk.ledger.store.RocksStateStore}: the chain state in
 * RocksDB, derived data, rebuildable from the files. {@link io.pqzk.ledger.store.Ledger}: when
 * {@code seal} returns, the block survives kill -9 and power loss.
 * {@link io.pqzk.ledger.store.ChainVerifier}: re-validates a chain from its files, trusting only
 * the genesis file.
 */
package io.pqzk.ledger.store;
