package io.pqzk.ledger.merkle;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.registry.SparseMerkleTree;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An append-only Merkle tree of fixed depth ({@value #DEPTH}) over a proof system's own hash,
 * with the same shape and root as {@link SparseMerkleTree} (leaves at indexes 0, 1, ..., empty
 * slots holding {@link RegistryHash#emptyLeaf()}), so that a claim proven against a registry built
 * by {@code pqzk registry build} verifies against the root the ledger records. It keeps only the
 * frontier: the last left node of each level ({@value #DEPTH} digests), so an append costs at most
 * {@value #DEPTH} hashes and the root {@value #DEPTH}; the frontier serializes in
 * {@value #SERIALIZED_LENGTH} bytes. Not thread-safe.
 */
public final class FixedDepthTree {
  public static final int DEPTH = SparseMerkleTree.DEPTH;
  public static final long CAPACITY = 1L << DEPTH;
  private static final int DIGEST = 32;
  public static final int SERIALIZED_LENGTH = 8 + DEPTH * DIGEST;
  private static final Map<Class<?>, byte[][]> EMPTY = new ConcurrentHashMap<>();

  private final RegistryHash hash;
  private final byte[][] empty;
  private final byte[][] branch = new byte[DEPTH][];
  private long size;

  /** An empty tree. */
  public FixedDepthTree(RegistryHash hash) {
    if (hash.digestLength() != DIGEST) {
      throw new IllegalArgumentException("registry digests must be " + DIGEST + " bytes");
    }
    this.hash = hash;
    this.empty = EMPTY.computeIfAbsent(hash.getClass(), k -> emptyRoots(hash));
  }

  /** A tree restored from {@link #toBytes()}; throws {@link IllegalArgumentException} if damaged. */
  public static FixedDepthTree fromBytes(RegistryHash hash, byte[] bytes) {
    if (bytes.length != SERIALIZED_LENGTH) {
      throw new IllegalArgumentException("a registry frontier is " + SERIALIZED_LENGTH
          + " bytes, got " + bytes.length);
    }
    FixedDepthTree t = new FixedDepthTree(hash);
    ByteBuffer b = ByteBuffer.wrap(bytes);
    t.size = b.getLong();
    if (t.size < 0 || t.size > CAPACITY) {
      throw new IllegalArgumentException("registry frontier size out of range: " + t.size);
    }
    for (int h = 0; h < DEPTH; h++) {
      byte[] d = new byte[DIGEST];
      b.get(d);
      t.branch[h] = ((t.size >>> h) & 1) == 1 ? d : null;
    }
    return t;
  }

  private static byte[][] emptyRoots(RegistryHash hash) {
    byte[][] e = new byte[DEPTH + 1][];
    e[0] = hash.emptyLeaf();
    for (int i = 0; i < DEPTH; i++) {
      e[i + 1] = hash.node(e[i], e[i]);
    }
    return e;
  }

  /** Appends a leaf (already a digest of the system). */
  public void append(byte[] leaf) {
    if (size >= CAPACITY) {
      throw new IllegalStateException("the registry tree is full (" + CAPACITY + " leaves)");
    }
    byte[] node = leaf.clone();
    for (int h = 0; h < DEPTH; h++) {
      if (((size >>> h) & 1) == 0) {
        branch[h] = node;
        break;
      }
      node = hash.node(branch[h], node);
    }
    size++;
  }

  public long size() {
    return size;
  }

  /** The root, equal to {@code SparseMerkleTree.build(hash, leaves).root()}. */
  public byte[] root() {
    byte[] node = empty[0];
    for (int h = 0; h < DEPTH; h++) {
      node = ((size >>> h) & 1) == 1 ? hash.node(branch[h], node) : hash.node(node, empty[h]);
    }
    return node.clone();
  }

  /** Size, then the {@value #DEPTH} frontier slots (zeros where unused). */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(SERIALIZED_LENGTH).putLong(size);
    for (int h = 0; h < DEPTH; h++) {
      b.put(branch[h] != null && ((size >>> h) & 1) == 1 ? branch[h] : new byte[DIGEST]);
    }
    return b.array();
  }
}
