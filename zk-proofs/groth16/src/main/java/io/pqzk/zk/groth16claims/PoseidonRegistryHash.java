package io.pqzk.zk.groth16claims;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.Record;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The Groth16 registry hash: ZoKrates' Poseidon over BN254 ({@link Poseidon}), laid out exactly as
 * the claim circuit ({@code circuits/claim.zok}) recomputes it.
 *
 * <ul>
 *   <li>leaf, schema 1 = P(P(a0, a1, a2, a3), P(a4, a5, a6, salt0, salt1)), attributes in schema
 *       order;
 *   <li>leaf, schema 2 = P(P(a0, a1, a2, a3), P(a4, a5, a6, salt0, salt1), P(d0, d1)), d0 and d1
 *       the first and last 16 bytes of the document's SHA-256 as big-endian integers (below 2^128,
 *       so below r); the top Poseidon has 3 inputs instead of 2 (another permutation width), so
 *       leaves of the two schemas are hashed apart;
 *   <li>node = P(left, right);
 *   <li>digest = one field element, 32 bytes big-endian, canonical (below r);
 *   <li>empty leaf = 32 zero bytes (finding a record that hashes to 0 means inverting Poseidon).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class PoseidonRegistryHash implements RegistryHash {
  public static final int DIGEST_LENGTH = 32;

  public PoseidonRegistryHash() {}

  @Override
  public int digestLength() {
    return DIGEST_LENGTH;
  }

  @Override
  public byte[] leaf(Record record) {
    return toBytes(leafElement(record));
  }

  @Override
  public byte[] node(byte[] left, byte[] right) {
    return toBytes(Poseidon.hash(fromBytes(left), fromBytes(right)));
  }

  @Override
  public void checkDigest(byte[] digest) {
    fromBytes(digest);
  }

  @Override
  public byte[] emptyLeaf() {
    return new byte[DIGEST_LENGTH];
  }

  /** The leaf as a field element (of the record's own schema). */
  public static BigInteger leafElement(Record record) {
    long[] a = record.attributes();
    long[] s = record.salt();
    try {
      BigInteger left = Poseidon.hash(big(a[0]), big(a[1]), big(a[2]), big(a[3]));
      BigInteger right = Poseidon.hash(big(a[4]), big(a[5]), big(a[6]), big(s[0]), big(s[1]));
      if (record.document().isPresent()) {
        BigInteger[] d = documentHalves(record.document().get());
        return Poseidon.hash(left, right, Poseidon.hash(d[0], d[1]));
      }
      return Poseidon.hash(left, right);
    } finally {
      Arrays.fill(a, 0);
      Arrays.fill(s, 0);
    }
  }

  static {
    if (Attribute.values().length != 7 || Record.SALT_WORDS != 2) {
      throw new IllegalStateException("PoseidonRegistryHash's leaf layout assumes 7 attributes + 2 salt words");
    }
  }

  /** The digest's first and last 16 bytes, each a big-endian integer below 2^128. */
  public static BigInteger[] documentHalves(io.pqzk.zk.claims.DocumentDigest document) {
    byte[] b = document.bytes();
    return new BigInteger[] {new BigInteger(1, java.util.Arrays.copyOfRange(b, 0, 16)),
        new BigInteger(1, java.util.Arrays.copyOfRange(b, 16, 32))};
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  /** Encodes a field element as 32 big-endian bytes. */
  public static byte[] toBytes(BigInteger x) {
    byte[] raw = x.toByteArray();
    byte[] out = new byte[DIGEST_LENGTH];
    int n = Math.min(raw.length, DIGEST_LENGTH);
    System.arraycopy(raw, raw.length - n, out, DIGEST_LENGTH - n, n);
    return out;
  }

  /**
   * Decodes a 32-byte big-endian digest; throws {@link IllegalArgumentException} when the length
   * is wrong or the value is not below r (so two encodings never name the same node).
   */
  public static BigInteger fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != DIGEST_LENGTH) {
      throw new IllegalArgumentException("a Groth16 registry digest is " + DIGEST_LENGTH
          + " bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    BigInteger x = new BigInteger(1, bytes);
    if (x.compareTo(Poseidon.R) >= 0) {
      throw new IllegalArgumentException("digest is not a canonical BN254 field element (>= r)");
    }
    return x;
  }
}
