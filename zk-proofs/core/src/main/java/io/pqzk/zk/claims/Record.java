package io.pqzk.zk.claims;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A record: the seven schema attributes (each below 2^32) and a salt of two 63-bit words that
 * hides low-entropy attributes inside the commitment. A final class, not a record type: it holds
 * secrets, so it hands out copies, compares in constant time and never prints its values.
 */
public final class Record {
  /** Number of salt words. */
  public static final int SALT_WORDS = 2;
  /** Exclusive bound of each salt word (fits every supported field). */
  public static final long SALT_LIMIT = 1L << 63;

  private final long[] attributes;
  private final long[] salt;

  private Record(long[] attributes, long[] salt) {
    this.attributes = attributes;
    this.salt = salt;
  }

  /** Checks ranges: attributes in [0, 2^32), salt words in [0, 2^63). */
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
    return new Record(attributes.clone(), salt.clone());
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
  }
}
