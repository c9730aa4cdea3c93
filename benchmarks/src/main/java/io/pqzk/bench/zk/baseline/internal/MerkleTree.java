package io.pqzk.bench.zk.baseline.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binary Merkle tree over SHA3-256 (256-bit digests, 128-bit collision resistance, quantum
 * included via generic bounds). Leaves are domain-separated from nodes; when a salt is given it
 * is hashed into the leaf, so an opened leaf hides its unopened neighbours' values and a
 * low-entropy leaf cannot be guessed from its digest (zero-knowledge of commitments).
 */
public final class MerkleTree {
  public static final int DIGEST = 32;
  public static final int SALT = 32;
  private final byte[][] nodes; // nodes[1] is the root, leaves at [n, 2n)
  private final int n;

  /** Builds the tree; {@code salts} may be null (no salting). Leaf count: a power of two. */
  public MerkleTree(byte[][] leafData, byte[][] salts) {
    n = leafData.length;
    if (n == 0 || (n & (n - 1)) != 0) {
      throw new IllegalArgumentException("leaf count must be a power of two: " + n);
    }
    nodes = new byte[2 * n][];
    java.util.stream.IntStream.range(0, n).parallel().forEach(i ->
        nodes[n + i] = leafHash(leafData[i], salts == null ? null : salts[i]));
    MessageDigest d = Transcript.newSha3();
    for (int i = n - 1; i >= 1; i--) {
      nodes[i] = nodeHash(d, nodes[2 * i], nodes[2 * i + 1]);
    }
  }

  public byte[] root() {
    return nodes[1].clone();
  }

  /** Sibling digests from the leaf up to (excluding) the root. */
  public byte[][] path(int index) {
    int depth = Integer.numberOfTrailingZeros(n);
    byte[][] p = new byte[depth][];
    int i = index + n;
    for (int l = 0; l < depth; l++) {
      p[l] = nodes[i ^ 1];
      i >>>= 1;
    }
    return p;
  }

  /**
   * The sibling digests that authenticate the sorted distinct leaves {@code idx} together, in
   * the order {@link #batchRoot} consumes them: level by level, left to right, skipping every
   * node the verifier can compute itself. Shared upper levels are sent once.
   */
  public List<byte[]> batchPath(int[] idx) {
    List<byte[]> out = new ArrayList<>();
    int[] cur = idx;
    int depth = Integer.numberOfTrailingZeros(n);
    for (int l = 0; l < depth; l++) {
      int levelStart = n >>> l;
      int[] next = new int[cur.length];
      int m = 0;
      for (int k = 0; k < cur.length; k++) {
        int i = cur[k];
        if ((i & 1) == 0 && k + 1 < cur.length && cur[k + 1] == i + 1) {
          k++; // both children known
        } else {
          out.add(nodes[levelStart + (i ^ 1)]);
        }
        next[m++] = i >>> 1;
      }
      cur = Arrays.copyOf(next, m);
    }
    return out;
  }

  /**
   * Recomputes the root from the leaf digests at sorted distinct {@code idx} and the digests of
   * {@link #batchPath}; returns null when {@code siblings} does not hold exactly the number of
   * digests needed.
   */
  public static byte[] batchRoot(int[] idx, byte[][] leafDigests, List<byte[]> siblings,
      int depth) {
    MessageDigest d = Transcript.newSha3();
    int[] cur = idx.clone();
    byte[][] val = leafDigests.clone();
    int used = 0;
    for (int l = 0; l < depth; l++) {
      int[] next = new int[cur.length];
      byte[][] nval = new byte[cur.length][];
      int m = 0;
      for (int k = 0; k < cur.length; k++) {
        int i = cur[k];
        byte[] h;
        if ((i & 1) == 0 && k + 1 < cur.length && cur[k + 1] == i + 1) {
          h = nodeHash(d, val[k], val[k + 1]);
          k++;
        } else {
          if (used == siblings.size()) {
            return null;
          }
          byte[] sib = siblings.get(used++);
          h = (i & 1) == 0 ? nodeHash(d, val[k], sib) : nodeHash(d, sib, val[k]);
        }
        next[m] = i >>> 1;
        nval[m++] = h;
      }
      cur = Arrays.copyOf(next, m);
      val = Arrays.copyOf(nval, m);
    }
    return used == siblings.size() && val.length == 1 ? val[0] : null;
  }

  public static byte[] leafHash(byte[] data, byte[] salt) {
    MessageDigest d = Transcript.newSha3();
    d.update((byte) 0x00);
    if (salt != null) {
      d.update(salt);
    }
    d.update(data);
    return d.digest();
  }

  static byte[] nodeHash(MessageDigest d, byte[] l, byte[] r) {
    d.update((byte) 0x01);
    d.update(l);
    d.update(r);
    return d.digest();
  }

  /** Whether {@code path} authenticates a leaf digest at {@code index} under {@code root}. */
  public static boolean verify(byte[] root, int index, byte[] leafDigest, byte[][] path) {
    MessageDigest d = Transcript.newSha3();
    byte[] h = leafDigest;
    int i = index;
    for (byte[] sib : path) {
      h = (i & 1) == 0 ? nodeHash(d, h, sib) : nodeHash(d, sib, h);
      i >>>= 1;
    }
    return MessageDigest.isEqual(h, root);
  }
}
