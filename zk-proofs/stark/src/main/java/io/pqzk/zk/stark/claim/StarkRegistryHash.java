package io.pqzk.zk.stark.claim;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.claims.RecordSchema;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.hash.Rpo;
import java.util.Arrays;

/**
 * The STARK's registry hash: Rescue-Prime Optimized ({@link Rpo}, Winterfell's {@code Rp64_256}).
 *
 * <ul>
 *   <li>leaf, schema 1 = {@code Rpo.hashElements(attributes[0..7] || salt[0..2])} (9 elements,
 *       attributes in schema order);
 *   <li>leaf, schema 2 = {@code Rpo.hashElements(attributes[0..7] || salt[0..2] || document[0..5])}
 *       (14 elements): the document digest D (SHA-256, read as a 256-bit big-endian integer) as
 *       five 52-bit limbs, least significant first, d[j] = (D >> 52 j) mod 2^52. The element
 *       count is RPO's capacity[0], so leaves of the two schemas are hashed apart;
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
  /** Limbs of a document digest in a schema-2 leaf. */
  public static final int DOCUMENT_LIMBS = 5;
  static final int LIMB_BITS = 52;

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

  /** The leaf as field elements (of the record's own schema). */
  public static long[] leafElements(Record record) {
    return Rpo.hashElements(leafInput(record, record.schema()));
  }

  /**
   * The hashed elements: attributes in schema order, the salt, then (schema 2) the document
   * limbs.
   *
   * @throws IllegalArgumentException when the record is not of {@code schema}
   */
  static long[] leafInput(Record record, RecordSchema schema) {
    if (record.schema() != schema) {
      throw new IllegalArgumentException("a record of " + record.schema()
          + " in a statement about " + schema);
    }
    int na = Attribute.values().length;
    int docs = schema.hasDocument() ? DOCUMENT_LIMBS : 0;
    long[] in = new long[na + Record.SALT_WORDS + docs];
    long[] attrs = record.attributes();
    long[] salt = record.salt();
    System.arraycopy(attrs, 0, in, 0, na);
    System.arraycopy(salt, 0, in, na, Record.SALT_WORDS);
    if (docs > 0) {
      System.arraycopy(documentLimbs(record.document().orElseThrow()), 0, in,
          na + Record.SALT_WORDS, docs);
    }
    Arrays.fill(attrs, 0);
    Arrays.fill(salt, 0);
    return in;
  }

  /** A document digest as five 52-bit limbs, least significant first (each below p). */
  public static long[] documentLimbs(DocumentDigest document) {
    java.math.BigInteger d = new java.math.BigInteger(1, document.bytes());
    long[] limbs = new long[DOCUMENT_LIMBS];
    long mask = (1L << LIMB_BITS) - 1;
    for (int j = 0; j < DOCUMENT_LIMBS; j++) {
      limbs[j] = d.shiftRight(LIMB_BITS * j).longValue() & mask;
    }
    return limbs;
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
