package io.pqzk.zk.registry;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.MerklePath;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The record registry: a Merkle tree of fixed depth whose first leaves are the commitments in row
 * order and whose other slots hold {@link RegistryHash#emptyLeaf()}. Only the occupied prefix of
 * each level is stored; every empty subtree's root is precomputed once
 * ({@code empty[i+1] = node(empty[i], empty[i])}), so building costs one hash per occupied node,
 * not 2^depth. Node j of level i+1 is {@code node(level_i[2j], level_i[2j+1])}; paths follow
 * {@link MerklePath} (siblings leaf level first; index bit i set when the level-i node is a right
 * child). Immutable and thread-safe.
 */
public final class SparseMerkleTree {
  /** Depth of every registry: room for 2^20 (about a million) records. */
  public static final int DEPTH = 20;
  /** Capacity of a registry of {@link #DEPTH}. */
  public static final int MAX_LEAVES = 1 << DEPTH;
  /** Levels at least this wide are hashed in parallel ({@link RegistryHash} is thread-safe). */
  static final int PARALLEL_THRESHOLD = 256;

  private final RegistryHash hash;
  private final int depth;
  private final byte[][] empty;
  private final List<byte[][]> levels;

  private SparseMerkleTree(RegistryHash hash, int depth, byte[][] empty, List<byte[][]> levels) {
    this.hash = hash;
    this.depth = depth;
    this.empty = empty;
    this.levels = levels;
  }

  /** A registry-depth tree over the leaves, in order. */
  public static SparseMerkleTree build(RegistryHash hash, List<byte[]> leaves) {
    return build(hash, DEPTH, leaves);
  }

  /**
   * A tree of the given depth (1 to 30) over the leaves, in order; throws
   * {@link IllegalArgumentException} if they do not fit or a leaf has the wrong length.
   */
  public static SparseMerkleTree build(RegistryHash hash, int depth, List<byte[]> leaves) {
    Objects.requireNonNull(hash, "hash");
    if (depth < 1 || depth > 30) {
      throw new IllegalArgumentException("tree depth must be 1 to 30, got " + depth);
    }
    if (leaves.size() > (1 << depth)) {
      throw new IllegalArgumentException(
          leaves.size() + " leaves do not fit a tree of depth " + depth);
    }
    byte[][] empty = emptyRoots(hash, depth);
    List<byte[][]> levels = new ArrayList<>(depth + 1);
    byte[][] level = new byte[leaves.size()][];
    for (int i = 0; i < level.length; i++) {
      byte[] leaf = leaves.get(i);
      if (leaf.length != hash.digestLength()) {
        throw new IllegalArgumentException("leaf " + i + " is " + leaf.length
            + " bytes, the registry hash makes " + hash.digestLength());
      }
      level[i] = leaf.clone();
    }
    levels.add(level);
    for (int h = 0; h < depth; h++) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      byte[][] below = level;
      byte[] pad = empty[h];
      IntStream js = IntStream.range(0, up.length);
      // hashing dominates (tens of microseconds per node): large levels use every core
      (up.length >= PARALLEL_THRESHOLD ? js.parallel() : js).forEach(j ->
          up[j] = hash.node(below[2 * j], 2 * j + 1 < below.length ? below[2 * j + 1] : pad));
      levels.add(up);
      level = up;
    }
    return new SparseMerkleTree(hash, depth, empty, levels);
  }

  /** empty[i] is the root of an all-empty subtree of height i. */
  static byte[][] emptyRoots(RegistryHash hash, int depth) {
    byte[][] empty = new byte[depth + 1][];
    empty[0] = hash.emptyLeaf();
    for (int i = 0; i < depth; i++) {
      empty[i + 1] = hash.node(empty[i], empty[i]);
    }
    return empty;
  }

  public int depth() {
    return depth;
  }

  /** Number of occupied leaves. */
  public int size() {
    return levels.get(0).length;
  }

  /** The root (a copy). */
  public byte[] root() {
    byte[][] top = levels.get(depth);
    return (top.length == 0 ? empty[depth] : top[0]).clone();
  }

  /** Leaf at an index (the empty leaf beyond the occupied prefix). */
  public byte[] leaf(long index) {
    return node(0, checkIndex(index)).clone();
  }

  /** Authentication path of a slot (occupied or not). */
  public MerklePath path(long index) {
    long at = checkIndex(index);
    List<byte[]> siblings = new ArrayList<>(depth);
    for (int h = 0; h < depth; h++) {
      siblings.add(node(h, at ^ 1));
      at >>>= 1;
    }
    return new MerklePath(index, siblings);
  }

  private byte[] node(int level, long j) {
    byte[][] l = levels.get(level);
    return j < l.length ? l[(int) j] : empty[level];
  }

  private long checkIndex(long index) {
    if (index < 0 || index >= (1L << depth)) {
      throw new IllegalArgumentException(
          "leaf index " + index + " outside a tree of depth " + depth);
    }
    return index;
  }

  /** The root that a leaf and its path hash up to. */
  public static byte[] rootOf(RegistryHash hash, byte[] leaf, MerklePath path) {
    byte[] acc = leaf.clone();
    long at = path.index();
    for (int h = 0; h < path.depth(); h++) {
      byte[] sib = path.sibling(h);
      acc = (at & 1) == 0 ? hash.node(acc, sib) : hash.node(sib, acc);
      at >>>= 1;
    }
    return acc;
  }

  /** Whether the leaf sits under the root at the path's index (constant-time comparison). */
  public static boolean verify(RegistryHash hash, byte[] leaf, MerklePath path, byte[] root) {
    return MessageDigest.isEqual(rootOf(hash, leaf, path), root);
  }

  RegistryHash hash() {
    return hash;
  }
}
