package io.pqzk.bench.zk.baseline.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The prover's randomness (random trace rows, salts, masks): a ChaCha20 keystream under a fresh
 * 256-bit key from {@link SecureRandom}, one key per proof. Several times faster than drawing the
 * ~0.5 MB a proof needs from the operating system's generator one salt at a time, and as
 * unpredictable as the key. Not thread-safe: one instance per proof.
 */
public final class ProverRandom {
  private static final int BLOCK = 1 << 16;
  private final Cipher chacha;
  private final byte[] zeros = new byte[BLOCK];
  private byte[] buf = new byte[0];
  private int pos;

  public ProverRandom(SecureRandom seed) {
    byte[] key = new byte[32];
    seed.nextBytes(key);
    try {
      chacha = Cipher.getInstance("ChaCha20");
      chacha.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"),
          new ChaCha20ParameterSpec(new byte[12], 0));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20 missing from the JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  public void nextBytes(byte[] out) {
    int off = 0;
    while (off < out.length) {
      if (pos == buf.length) {
        buf = chacha.update(zeros);
        pos = 0;
      }
      int n = Math.min(out.length - off, buf.length - pos);
      System.arraycopy(buf, pos, out, off, n);
      pos += n;
      off += n;
    }
  }

  public long nextLong() {
    byte[] b = new byte[8];
    nextBytes(b);
    return Codec.getLong(b, 0);
  }
}
