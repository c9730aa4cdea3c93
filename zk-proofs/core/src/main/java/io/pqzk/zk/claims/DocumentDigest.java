package io.pqzk.zk.claims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 (FIPS 180-4) of a record's full document: the exact bytes the vault stores and
 * returns, never a re-serialization of them. Records of schema {@link RecordSchema#V2} commit to
 * it inside their leaf; an integrity claim makes it public and proves that the record committed
 * under a root has it. Immutable; equality in constant time (inside a record it is as private as
 * the record).
 */
public final class DocumentDigest {
  /** Bytes of a digest. */
  public static final int LENGTH = 32;
  private final byte[] bytes;

  private DocumentDigest(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A digest given as its 32 bytes. */
  public static DocumentDigest of(byte[] digest) {
    if (digest == null || digest.length != LENGTH) {
      throw new IllegalArgumentException("a document digest is " + LENGTH + " bytes (SHA-256), got "
          + (digest == null ? "null" : digest.length));
    }
    return new DocumentDigest(digest.clone());
  }

  /** A digest as 64 hex digits (upper or lower case), as the records CSV carries it. */
  public static DocumentDigest ofHex(String hex) {
    String h = hex == null ? "" : hex.trim();
    if (h.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("a document digest is " + 2 * LENGTH
          + " hex digits (SHA-256), got " + h.length() + " characters");
    }
    try {
      return new DocumentDigest(HexFormat.of().parseHex(h));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("document digest is not hex: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 of a document held in memory. */
  public static DocumentDigest ofDocument(byte[] document) {
    return new DocumentDigest(sha256().digest(document));
  }

  /** The SHA-256 of a file's exact bytes, streamed (a document of any size). */
  public static DocumentDigest ofFile(Path file) throws IOException {
    MessageDigest d = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    }
    return new DocumentDigest(d.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The 32 bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lowercase hex. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentDigest d && MessageDigest.isEqual(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes);
  }

  /** The hex digest: a digest is printed only where it is public (an integrity statement). */
  @Override
  public String toString() {
    return hex();
  }
}
