package io.pqzk.ledger.quorum;

import io.pqzk.ledger.crypto.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a quorum certificate vouches for: that {@code subjectHash} is the block (or foreign
 * block) at {@code height} of {@code chainId}, under {@code domain}.
 *
 * <p>The signed bytes are a fixed layout, never a serialized protobuf: {@code len(domain) ||
 * domain || len(chainId) || chainId || height (8 bytes, big-endian) || subjectHash}, lengths one
 * byte each; the FIPS 204 context string is {@code domain + "|" + chainId}, so a signature for
 * one purpose or chain is never one for another.
 */
public record Statement(String domain, String chainId, long height, byte[] subjectHash) {
  public Statement {
    Objects.requireNonNull(domain);
    Objects.requireNonNull(chainId);
    subjectHash = subjectHash.clone();
    if (domain.isEmpty() || domain.length() > 64 || chainId.isEmpty() || chainId.length() > 128) {
      throw new IllegalArgumentException("domain must be 1..64 and chain id 1..128 characters");
    }
    if (subjectHash.length == 0 || subjectHash.length > 64) {
      throw new IllegalArgumentException("subject hash must be 1..64 bytes");
    }
  }

  /** A block commit on this ledger: header hash of block {@code height}. */
  public static Statement commit(String chainId, long height, byte[] headerHash) {
    return new Statement(Hashes.CTX_COMMIT, chainId, height, headerHash);
  }

  @Override
  public byte[] subjectHash() {
    return subjectHash.clone();
  }

  /** The bytes every signer signs. */
  public byte[] signedBytes() {
    byte[] d = domain.getBytes(StandardCharsets.UTF_8);
    byte[] c = chainId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(2 + d.length + c.length + 8 + subjectHash.length)
        .put((byte) d.length).put(d).put((byte) c.length).put(c).putLong(height).put(subjectHash)
        .array();
  }

  /** The FIPS 204 / 205 context string of the signatures. */
  public byte[] context() {
    return Hashes.context(domain, chainId);
  }
}
