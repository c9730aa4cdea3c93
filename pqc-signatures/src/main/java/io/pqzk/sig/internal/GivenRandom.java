package io.pqzk.sig.internal;

import java.security.SecureRandom;

/**
 * A "random" source that hands out exactly the caller's bytes once, so that a signature made
 * with given randomness (FIPS 204 rnd, FIPS 205 opt_rand) reproduces a test vector. Asking for a
 * different number of bytes, or asking twice, is a bug and fails loudly.
 */
public final class GivenRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private byte[] bytes;

  public GivenRandom(byte[] bytes) {
    super(new byte[0]);
    this.bytes = bytes.clone();
  }

  @Override
  public synchronized void nextBytes(byte[] out) {
    if (bytes == null || out.length != bytes.length) {
      throw new IllegalStateException("given randomness has " + (bytes == null ? 0 : bytes.length)
          + " bytes, " + out.length + " were requested");
    }
    System.arraycopy(bytes, 0, out, 0, out.length);
    java.util.Arrays.fill(bytes, (byte) 0);
    bytes = null;
  }
}
