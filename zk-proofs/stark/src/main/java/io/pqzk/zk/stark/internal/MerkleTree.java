package io.pqzk.zk.stark.internal;

import io.pqzk.zk.stark.CommitmentHash;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Binary Merkle tree over a {@link CommitmentHash} (256-bit digests). Leaves are
 * domain-separated from nodes (prefix 0x00 and 0x01); when salts are given, a leaf is
 * H(0x00 || salt || data), so an opened leaf hides its unopened neighbours' values and a
 * low-entropy leaf cannot be confirmed from its digest (zero-knowledge of commitments). Leaves and
 * wide levels are hashed on every core. Batched openings ({@link #batchPath}) send each sibling
 * once for all queried leaves.
 */
public final class MerkleTree {
  public static final int DIGEST = CommitmentHash.DIGEST_BYTES;
  public static final int SALT = 32;
  private static final int PARALLEL_LEVEL = 1024;
  private final CommitmentHash hash;
  private final byte[] nodes; // node i at [32 i, 32 i + 32): root at 1, leaves at [n, 2n)
  private final int n;

  /** Writes the bytes of leaf {@code i} into {@code out} (of {@link #leafBytes} length). */
  @FunctionalInterface
  public interface Leaves {
    void write(int i, byte[] out, int offset);
  }

  private MerkleTree(CommitmentHash hash, int n) {
    if (n == 0 || (n & (n - 1)) != 0) {
      throw new IllegalArgumentException("leaf count must be a power of two: " + n);
    }
    this.hash = hash;
    this.n = n;
    this.nodes = new byte[2 * n * DIGEST];
  }

  /**
   * A tree over {@code n} leaves of {@code leafBytes} bytes each, written by {@code leaves};
   * {@code salts} (n * {@link #SALT} bytes) may be null (no salting).
   */
  public static MerkleTree build(CommitmentHash hash, int n, int leafBytes, Leaves leaves,
      byte[] salts) {
    MerkleTree t = new MerkleTree(hash, n);
    int chunk = Math.max(1, n / 64);
    IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
      MessageDigest d = hash.digest();
      byte[] buf = new byte[leafBytes];
      for (int i = c * chunk; i < Math.min(n, (c + 1) * chunk); i++) {
        leaves.write(i, buf, 0);
        d.update((byte) 0x00);
        if (salts != null) {
          d.update(salts, i * SALT, SALT);
        }
        d.update(buf);
        finish(d, t.nodes, (n + i) * DIGEST);
      }
    });
    for (int width = n / 2; width >= 1; width /= 2) {
      int from = width;
      IntStream range = IntStream.range(0, width);
      (width >= PARALLEL_LEVEL ? range.parallel() : range).forEach(j -> {
        int i = from + j;
        nodeInto(hash.digest(), t.nodes, 2 * i * DIGEST, (2 * i + 1) * DIGEST, t.nodes,
            i * DIGEST);
      });
    }
    return t;
  }

  /** A tree over the given leaf byte strings (all of one length). */
  public static MerkleTree build(CommitmentHash hash, byte[][] leafData, byte[] salts) {
    int len = leafData.length == 0 ? 0 : leafData[0].length;
    return build(hash, leafData.length, len,
        (i, out, off) -> System.arraycopy(leafData[i], 0, out, off, len), salts);
  }

  private static void finish(MessageDigest d, byte[] out, int off) {
    try {
      d.digest(out, off, DIGEST);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void nodeInto(MessageDigest d, byte[] src, int left, int right, byte[] out,
      int off) {
    d.update((byte) 0x01);
    d.update(src, left, DIGEST);
    d.update(src, right, DIGEST);
    finish(d, out, off);
  }

  public byte[] root() {
    return Arrays.copyOfRange(nodes, DIGEST, 2 * DIGEST);
  }

  private byte[] node(int i) {
    return Arrays.copyOfRange(nodes, i * DIGEST, (i + 1) * DIGEST);
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
          out.add(node(levelStart + (i ^ 1)));
        }
        next[m++] = i >>> 1;
      }
      cur = Arrays.copyOf(next, m);
    }
    return out;
  }

  /**
   * The most digests a batched path for {@code count} distinct leaves of a depth-{@code depth}
   * tree can hold: at level l at most min(count, 2^(depth - l)) nodes are known, each needing at
   * most one sibling.
   */
  public static int maxBatchPath(int count, int depth) {
    long total = 0;
    for (int l = 0; l < depth; l++) {
      total += Math.min(count, 1L << Math.min(62, depth - l));
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  /**
   * Recomputes the root from the leaf digests at sorted distinct {@code idx} and the digests of
   * {@link #batchPath}; returns null when {@code siblings} does not hold exactly the number of
   * digests needed.
   */
  public static byte[] batchRoot(CommitmentHash hash, int[] idx, byte[][] leafDigests,
      List<byte[]> siblings, int depth) {
    MessageDigest d = hash.digest();
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

  /** H(0x00 || salt || data), salt omitted when null. */
  public static byte[] leafHash(CommitmentHash hash, byte[] data, byte[] salt) {
    MessageDigest d = hash.digest();
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
}
