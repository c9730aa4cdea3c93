package io.pqzk.bench.zk.baseline.claim;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.Record;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import io.pqzk.bench.zk.baseline.hash.Rpo;
import java.util.Arrays;

/**
 * The STARK's registry hash: Rescue-Prime Optimized ({@link Rpo}, Winterfell's {@code Rp64_256}).
 *
 * <ul>
 *   <li>leaf = {@code Rpo.hashElements(attributes[0..7] || salt[0..2])} (9 elements, schema order);
 *   <li>node = {@code Rpo.merge(left, right)};
 *   <li>digest = 4 Goldilocks elements, each 8 bytes little-endian, canonical (below p);
 *   <li>empty leaf = 32 zero bytes (no record hashes to it except with probability ~2^-256).
 * </ul>
 *
 * <p>The claim AIR recomputes exactly these functions inside the proof, so a registry built with
 * this class is the one the STARK proves membership in. Stateless and thread-safe.
 */
public final class StarkRegistryHash implements RegistryHash {
  /** Digest length: 4 elements of 8 bytes. */
  public static final int DIGEST_LENGTH = 32;

  public StarkRegistryHash() {}

  @Override
  public int digestLength() {
    return DIGEST_LENGTH;
  }

  @Override
  public byte[] leaf(Record record) {
    return toBytes(leafElements(record));
  }

  @Override
  public byte[] node(byte[] left, byte[] right) {
    return toBytes(Rpo.merge(fromBytes(left), fromBytes(right)));
  }

  @Override
  public void checkDigest(byte[] digest) {
    fromBytes(digest);
  }

  @Override
  public byte[] emptyLeaf() {
    return new byte[DIGEST_LENGTH];
  }

  /** The leaf as field elements. */
  public static long[] leafElements(Record record) {
    return Rpo.hashElements(leafInput(record));
  }

  /** The 9 hashed elements: attributes in schema order, then the salt. */
  static long[] leafInput(Record record) {
    int na = Attribute.values().length;
    long[] in = new long[na + Record.SALT_WORDS];
    long[] attrs = record.attributes();
    long[] salt = record.salt();
    System.arraycopy(attrs, 0, in, 0, na);
    System.arraycopy(salt, 0, in, na, Record.SALT_WORDS);
    Arrays.fill(attrs, 0);
    Arrays.fill(salt, 0);
    return in;
  }

  /** Encodes 4 canonical elements as 32 little-endian bytes. */
  public static byte[] toBytes(long[] digest) {
    byte[] out = new byte[DIGEST_LENGTH];
    for (int i = 0; i < Rpo.DIGEST_SIZE; i++) {
      for (int b = 0; b < 8; b++) {
        out[8 * i + b] = (byte) (digest[i] >>> (8 * b));
      }
    }
    return out;
  }

  /**
   * Decodes a 32-byte digest; throws {@link IllegalArgumentException} when the length is wrong or
   * an element is not canonical (so two encodings can never name the same node).
   */
  public static long[] fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != DIGEST_LENGTH) {
      throw new IllegalArgumentException("a STARK registry digest is " + DIGEST_LENGTH
          + " bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    long[] d = new long[Rpo.DIGEST_SIZE];
    for (int i = 0; i < Rpo.DIGEST_SIZE; i++) {
      long v = 0;
      for (int b = 7; b >= 0; b--) {
        v = (v << 8) | (bytes[8 * i + b] & 0xFF);
      }
      if (!Goldilocks.isCanonical(v)) {
        throw new IllegalArgumentException(
            "digest element " + i + " is not a canonical Goldilocks element");
      }
      d[i] = v;
    }
    return d;
  }
}
