package io.pqzk.zk.registry;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.Record;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Test-only registry hash (domain-separated SHA-256): fast, and independent of the STARK. */
public final class Sha256RegistryHash implements RegistryHash {
  @Override
  public int digestLength() {
    return 32;
  }

  @Override
  public byte[] leaf(Record record) {
    ByteBuffer b = ByteBuffer.allocate(8 * 9);
    for (long v : record.attributes()) {
      b.putLong(v);
    }
    for (long v : record.salt()) {
      b.putLong(v);
    }
    return sha("leaf", b.array());
  }

  @Override
  public byte[] node(byte[] left, byte[] right) {
    byte[] both = new byte[64];
    System.arraycopy(left, 0, both, 0, 32);
    System.arraycopy(right, 0, both, 32, 32);
    return sha("node", both);
  }

  @Override
  public byte[] emptyLeaf() {
    return new byte[32];
  }

  private static byte[] sha(String tag, byte[] data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(tag.getBytes(StandardCharsets.US_ASCII));
      return md.digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void checkDigest(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest is 32 bytes, got " + digest.length);
    }
  }
}
