package io.pqzk.zk.claims;

import java.util.Arrays;

/**
 * The version of the record layout a registry commits to. A registry (and a chain's genesis)
 * names exactly one, so leaves of two schemas never share a tree; every claim statement names
 * the schema of the registry it is about, and each proof system's leaf hash separates the two
 * (the STARK's RPO leaf hashes 9 or 14 elements, so the capacity element differs; the Groth16
 * Poseidon leaf has 2 or 3 inputs at its top).
 *
 * <ul>
 *   <li>{@link #V1}: the seven attributes and the salt;
 *   <li>{@link #V2}: the same and the SHA-256 of the record's full document (the exact bytes the
 *       vault stores and returns), which integrity claims prove against a document file.
 * </ul>
 */
public enum RecordSchema {
  V1("pqzk-record/1", false),
  V2("pqzk-record/2", true);

  private final String id;
  private final boolean documents;

  RecordSchema(String id, boolean documents) {
    this.id = id;
    this.documents = documents;
  }

  /** The name a registry file or a genesis uses, e.g. {@code pqzk-record/2}. */
  public String id() {
    return id;
  }

  /** Whether records of this schema carry a document digest. */
  public boolean hasDocument() {
    return documents;
  }

  /** The version number (1, 2): what {@code --schema} takes on the command line. */
  public int number() {
    return ordinal() + 1;
  }

  /**
   * Parses {@link #id()} ({@code pqzk-record/2}) or the bare number ({@code 2}); throws
   * {@link IllegalArgumentException} naming the text and the known schemas.
   */
  public static RecordSchema parse(String text) {
    String t = text == null ? "" : text.trim();
    for (RecordSchema s : values()) {
      if (s.id.equals(t) || Integer.toString(s.number()).equals(t)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown record schema '" + text + "' (known: "
        + Arrays.stream(values()).map(RecordSchema::id).toList() + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}
