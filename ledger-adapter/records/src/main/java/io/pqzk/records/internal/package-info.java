/**
 * Not API: the RocksDB usage every store of this module shares (synced writes, no compression,
 * shredding by delete and forced compaction). Used only inside this module.
 */
package io.pqzk.records.internal;
