package io.pqzk.records.vault;

import java.util.Arrays;

/**
 * A record to keep: its commitment (already computed over the opening), schema, residency tag,
 * subject id, the exact document bytes, the opening (attributes in schema order and salt) and its
 * owner. Holds secrets: {@link #wipe()} when stored.
 */
public final class NewRecord {
  private final byte[] commitment;
  private final String schema;
  private final String residency;
  private final String subjectId;
  private final byte[] document;
  private final long[] attributes;
  private final long[] salt;
  private final byte[] ownerKeyId;

  public NewRecord(byte[] commitment, String schema, String residency, String subjectId,
      byte[] document, long[] attributes, long[] salt, byte[] ownerKeyId) {
    this.commitment = commitment.clone();
    this.schema = schema;
    this.residency = residency;
    this.subjectId = subjectId;
    this.document = document.clone();
    this.attributes = attributes.clone();
    this.salt = salt.clone();
    this.ownerKeyId = ownerKeyId.clone();
  }

  public byte[] commitment() {
    return commitment.clone();
  }

  public String schema() {
    return schema;
  }

  public String residency() {
    return residency;
  }

  public String subjectId() {
    return subjectId;
  }

  byte[] document() {
    return document;
  }

  long[] attributes() {
    return attributes;
  }

  long[] salt() {
    return salt;
  }

  byte[] ownerKeyId() {
    return ownerKeyId.clone();
  }

  public void wipe() {
    Arrays.fill(document, (byte) 0);
    Arrays.fill(attributes, 0);
    Arrays.fill(salt, 0);
  }

  @Override
  public String toString() {
    return "NewRecord[" + java.util.HexFormat.of().formatHex(commitment).substring(0, 16)
        + ", contents redacted]";
  }
}
