package io.pqzk.fhir.bundle;

import io.pqzk.zk.claims.Attribute;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One patient's bundle as a record: its exact bytes (what the vault encrypts, never
 * re-serialized), the attributes extracted from it by {@link BundleReader}'s rules, which of them
 * the bundle does not carry ({@link Attribute#ABSENT} in the attributes), and one note per absent
 * attribute naming the resource and field that would carry it. Holds patient data: hands out
 * copies, never prints it, {@link #wipe} clears it.
 */
public final class BundleRecord {
  private final byte[] bytes;
  private final long[] attributes;
  private final List<String> notes;
  private final String bundleType;

  BundleRecord(byte[] bytes, long[] attributes, List<String> notes, String bundleType) {
    this.bytes = bytes;
    this.attributes = attributes;
    this.notes = List.copyOf(notes);
    this.bundleType = bundleType;
  }

  /** The exact bytes read: a secret, the caller wipes the copy. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The attributes in {@link Attribute} order, {@link Attribute#ABSENT} where not carried. */
  public long[] attributes() {
    return attributes.clone();
  }

  public long get(Attribute a) {
    return attributes[a.ordinal()];
  }

  /** The attributes the bundle does not carry. */
  public Set<Attribute> absent() {
    Set<Attribute> out = EnumSet.noneOf(Attribute.class);
    for (Attribute a : Attribute.values()) {
      if (attributes[a.ordinal()] == Attribute.ABSENT) {
        out.add(a);
      }
    }
    return out;
  }

  /** The subject id (decimal), as reads and the facade's Patient ids name it. */
  public String subjectId() {
    return Long.toString(attributes[Attribute.SUBJECT_ID.ordinal()]);
  }

  /** Why each absent attribute is absent: resource and field, never a value. */
  public List<String> notes() {
    return notes;
  }

  /** {@code collection} or {@code transaction}. */
  public String bundleType() {
    return bundleType;
  }

  public void wipe() {
    Arrays.fill(bytes, (byte) 0);
    Arrays.fill(attributes, 0);
  }

  @Override
  public String toString() {
    return "BundleRecord[" + bytes.length + " bytes, " + bundleType + ", redacted]";
  }
}
