package io.pqzk.ledger.merkle;

import io.pqzk.ledger.crypto.Hashes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree with the shape of RFC 6962 section 2.1 (the left subtree is the
 * largest power of two smaller than n), keeping only the roots of its perfect subtrees: appends
 * and roots cost O(log n) and the whole state serializes in at most 64 digests.
 *
 * <p>Leaves and nodes are hashed under distinct domain tags (second-preimage resistance: a node
 * can never pass for a leaf). The root of the empty tree is the hash of nothing under the leaf
 * tag. Not thread-safe.
 */
public final class MerkleAccumulator {
  private final String leafTag;
  private final String nodeTag;
  private final String chainId;
  private final List<byte[]> peaks = new ArrayList<>(); // roots of perfect subtrees, left to right
  private final List<Long> sizes = new ArrayList<>();
  private long size;

  public MerkleAccumulator(String leafTag, String nodeTag, String chainId) {
    this.leafTag = leafTag;
    this.nodeTag = nodeTag;
    this.chainId = chainId;
  }

  /** The transactions tree of a block. */
  public static MerkleAccumulator transactions(String chainId) {
    return new MerkleAccumulator(Hashes.TX_LEAF, Hashes.TX_NODE, chainId);
  }

  /** The record registry tree. */
  public static MerkleAccumulator registry(String chainId) {
    return new MerkleAccumulator(Hashes.REGISTRY_LEAF, Hashes.REGISTRY_NODE, chainId);
  }

  /** Appends the leaf {@code data} (hashed under the leaf tag). */
  public void append(byte[] data) {
    appendLeafHash(leafHash(data));
  }

  /** The leaf hash of {@code data}: callers may compute it in parallel, then append in order. */
  public byte[] leafHash(byte[] data) {
    return Hashes.hash(leafTag, chainId, data);
  }

  /** Appends a leaf already hashed by {@link #leafHash}. */
  public void appendLeafHash(byte[] leafHash) {
    byte[] h = leafHash.clone();
    long s = 1;
    while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == s) {
      int last = sizes.size() - 1;
      h = Hashes.hash(nodeTag, chainId, peaks.get(last), h);
      peaks.remove(last);
      sizes.remove(last);
      s <<= 1;
    }
    peaks.add(h);
    sizes.add(s);
    size++;
  }

  public long size() {
    return size;
  }

  /** The tree's root; for the empty tree the leaf-tag hash of nothing. */
  public byte[] root() {
    if (peaks.isEmpty()) {
      return Hashes.hash(leafTag, chainId);
    }
    byte[] r = peaks.get(peaks.size() - 1);
    for (int i = peaks.size() - 2; i >= 0; i--) {
      r = Hashes.hash(nodeTag, chainId, peaks.get(i), r);
    }
    return r.clone();
  }

  /** Serializes the frontier: size (8 bytes) then each peak (32 bytes). */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(8 + peaks.size() * Hashes.LENGTH);
    b.putLong(size);
    peaks.forEach(b::put);
    return b.array();
  }

  /** Restores a frontier written by {@link #toBytes()}. */
  public static MerkleAccumulator fromBytes(
      String leafTag, String nodeTag, String chainId, byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long n = b.getLong();
    MerkleAccumulator m = new MerkleAccumulator(leafTag, nodeTag, chainId);
    if (Long.bitCount(n) * Hashes.LENGTH != b.remaining() || n < 0) {
      throw new IllegalArgumentException("Merkle frontier does not match its size " + n);
    }
    for (int bit = 62; bit >= 0; bit--) {
      long s = 1L << bit;
      if ((n & s) != 0) {
        byte[] p = new byte[Hashes.LENGTH];
        b.get(p);
        m.peaks.add(p);
        m.sizes.add(s);
      }
    }
    m.size = n;
    return m;
  }
}
