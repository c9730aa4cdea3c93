package io.pqzk.ledger.store;

/** One record read back from the block files: its height, location and payload bytes. */
public record StoredBlock(long height, BlockLocation location, byte[] payload) {}
