package io.pqzk.zk.claims;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A record: the seven schema attributes (each below 2^32), for schema {@link RecordSchema#V2} the
 * SHA-256 of its full document, and a salt of two 63-bit words that hides low-entropy attributes
 * inside the commitment. A final class, not a record type: it holds secrets, so it hands out
 * copies, compares in constant time and never prints its values.
 */
public final class Record {
  /** Number of salt words. */
  public static final int SALT_WORDS = 2;
  /** Exclusive bound of each salt word (fits every supported field). */
  public static final long SALT_LIMIT = 1L << 63;

  private final long[] attributes;
  private final long[] salt;
  /** The document digest (schema V2), null for schema V1. */
  private final byte[] document;

  private Record(long[] attributes, long[] salt, byte[] document) {
    this.attributes = attributes;
    this.salt = salt;
    this.document = document;
  }

  /**
   * A schema-V2 record: the attributes, its document's digest and the salt (ranges as
   * {@link #of(long[], long[])}).
   */
  public static Record of(long[] attributes, DocumentDigest document, long[] salt) {
    java.util.Objects.requireNonNull(document, "document");
    Record v1 = of(attributes, salt);
    return new Record(v1.attributes, v1.salt, document.bytes());
  }

  /** A schema-V2 record with a fresh random salt. */
  public static Record withRandomSalt(long[] attributes, DocumentDigest document,
      SecureRandom random) {
    Record r = withRandomSalt(attributes, random);
    return new Record(r.attributes, r.salt, document.bytes());
  }

  /** A schema-V1 record; checks ranges: attributes in [0, 2^32), salt words in [0, 2^63). */
  public static Record of(long[] attributes, long[] salt) {
    if (attributes.length != Attribute.values().length) {
      throw new IllegalArgumentException(
          "a record has " + Attribute.values().length + " attributes, got " + attributes.length);
    }
    if (salt.length != SALT_WORDS) {
      throw new IllegalArgumentException("salt must be " + SALT_WORDS + " words, got " + salt.length);
    }
    for (Attribute a : Attribute.values()) {
      long v = attributes[a.ordinal()];
      if (v < 0 || v >= Attribute.LIMIT) {
        throw new IllegalArgumentException(a.columnName() + " out of range [0, 2^32): " + v);
      }
    }
    for (long s : salt) {
      if (s < 0) {
        throw new IllegalArgumentException("salt word out of range [0, 2^63)");
      }
    }
    return new Record(attributes.clone(), salt.clone(), null);
  }

  /** A record with a fresh random salt. */
  public static Record withRandomSalt(long[] attributes, SecureRandom random) {
    long[] salt = new long[SALT_WORDS];
    for (int i = 0; i < SALT_WORDS; i++) {
      salt[i] = random.nextLong() >>> 1;
    }
    return of(attributes, salt);
  }

  public long get(Attribute a) {
    return attributes[a.ordinal()];
  }

  /** A copy of the attributes in schema order. */
  public long[] attributes() {
    return attributes.clone();
  }

  /** A copy of the salt. */
  public long[] salt() {
    return salt.clone();
  }

  /** The schema: {@link RecordSchema#V2} when the record carries a document digest. */
  public RecordSchema schema() {
    return document == null ? RecordSchema.V1 : RecordSchema.V2;
  }

  /** The digest of the record's document (schema V2), empty for schema V1. */
  public java.util.Optional<DocumentDigest> document() {
    return document == null ? java.util.Optional.empty()
        : java.util.Optional.of(DocumentDigest.of(document));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Record r)) {
      return false;
    }
    long diff = 0;
    for (int i = 0; i < attributes.length; i++) {
      diff |= attributes[i] ^ r.attributes[i];
    }
    for (int i = 0; i < salt.length; i++) {
      diff |= salt[i] ^ r.salt[i];
    }
    if ((document == null) != (r.document == null)) {
      return false;
    }
    if (document != null) {
      for (int i = 0; i < document.length; i++) {
        diff |= document[i] ^ r.document[i];
      }
    }
    return diff == 0;
  }

  @Override
  public int hashCode() {
    return 0; // deliberately uninformative: records are secrets
  }

  @Override
  public String toString() {
    return "Record[redacted]";
  }

  /** Overwrites the values (best effort: the JVM may have copied them). */
  public void destroy() {
    Arrays.fill(attributes, 0);
    Arrays.fill(salt, 0);
    if (document != null) {
      Arrays.fill(document, (byte) 0);
    }
  }
}
