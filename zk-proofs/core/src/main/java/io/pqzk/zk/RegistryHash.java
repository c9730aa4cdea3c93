package io.pqzk.zk;

import io.pqzk.zk.claims.Record;

/**
 * The hash a proof system uses inside its statements: record commitments (leaves) and the
 * two-to-one compression of the registry's Merkle tree. Digests are 32 bytes, canonical for the
 * system's field (the encoding is the system's: 4 little-endian Goldilocks elements for the
 * STARK, one big-endian BN254 element for Groth16).
 *
 * <p>Implementations must be thread-safe: registries hash large trees on several threads.
 */
public interface RegistryHash {
  /** Digest length in bytes. */
  int digestLength();

  /** Commitment to a record, attributes and salt: the registry leaf. */
  byte[] leaf(Record record);

  /** Parent of two children in the registry tree. */
  byte[] node(byte[] left, byte[] right);

  /** The leaf value of an empty slot. */
  byte[] emptyLeaf();

  /**
   * Checks that {@code digest} is a digest this system can produce: the right length and every
   * field element canonical (below the modulus). Ledgers call it on leaves they are handed.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  void checkDigest(byte[] digest);
}
