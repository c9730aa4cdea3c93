package io.pqzk.bench.zk.baseline.internal;

import io.pqzk.bench.zk.baseline.field.Ext3;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Fiat-Shamir transcript over SHA3-256. Every absorbed message is length-prefixed together with
 * its label, and the state chains all of them, so a challenge depends on every message absorbed
 * before it (the "Frozen Heart" pitfall: nothing the prover sends may be left out).
 *
 * <p>Challenges are drawn from an output stream SHA3(state || 0x02 || counter); each draw
 * ratchets the state, so successive challenges are independent. Field elements are drawn by
 * rejection sampling (unbiased); query positions by masking to a power of two (unbiased).
 */
public final class Transcript {
  private byte[] state;
  private long counter;

  public Transcript(String domainSeparator) {
    state = sha3(domainSeparator.getBytes(StandardCharsets.UTF_8));
  }

  public static MessageDigest newSha3() {
    try {
      return MessageDigest.getInstance("SHA3-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA3-256 missing from the JDK", e);
    }
  }

  static byte[] sha3(byte[] b) {
    return newSha3().digest(b);
  }

  /** Absorbs a labelled, length-prefixed message. */
  public void absorb(String label, byte[] data) {
    MessageDigest d = newSha3();
    d.update((byte) 0x01);
    d.update(state);
    byte[] l = label.getBytes(StandardCharsets.UTF_8);
    d.update(longLe(l.length));
    d.update(l);
    d.update(longLe(data.length));
    d.update(data);
    state = d.digest();
    counter = 0;
    buffer = null; // never serve a challenge from output derived before this message
  }

  public void absorbExt(String label, Ext3[] values) {
    byte[] b = new byte[values.length * 24];
    for (int i = 0; i < values.length; i++) {
      Codec.putExt(b, 24 * i, values[i]);
    }
    absorb(label, b);
  }

  private byte[] nextBlock() {
    MessageDigest d = newSha3();
    d.update((byte) 0x02);
    d.update(state);
    d.update(longLe(counter++));
    return d.digest();
  }

  private long nextLong() {
    if (buffer == null || bufPos == 32) {
      buffer = nextBlock();
      bufPos = 0;
    }
    long v = 0;
    for (int b = 7; b >= 0; b--) {
      v = (v << 8) | (buffer[bufPos + b] & 0xFF);
    }
    bufPos += 8;
    return v;
  }

  private byte[] buffer;
  private int bufPos;

  /** A uniformly random base-field element. */
  public long drawBase() {
    while (true) {
      long v = nextLong();
      if (Goldilocks.isCanonical(v)) {
        return v;
      }
    }
  }

  /** A uniformly random extension-field element. */
  public Ext3 drawExt() {
    return Ext3.of(drawBase(), drawBase(), drawBase());
  }

  public Ext3[] drawExt(int n) {
    Ext3[] out = new Ext3[n];
    for (int i = 0; i < n; i++) {
      out[i] = drawExt();
    }
    return out;
  }

  /** A uniform integer in [0, 2^log). */
  public int drawIndex(int log) {
    return (int) (nextLong() & ((1L << log) - 1));
  }

  /** Current state, e.g. the seed that proof-of-work binds to. */
  public byte[] state() {
    return state.clone();
  }

  /**
   * Whether SHA-256("pqzk/stark/v1/pow" || seed || nonce) starts with at least {@code bits} zero
   * bits. Proof-of-work uses SHA-256 rather than SHA3: the JDK accelerates it several times
   * better, and the work factor (2^bits trials) is what matters, not the hash.
   */
  public static boolean powOk(byte[] seed, long nonce, int bits) {
    return powOk(powDigest(), seed, nonce, bits);
  }

  /** The proof-of-work hash, for callers that test many nonces with one instance. */
  public static MessageDigest powDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static final byte[] POW_TAG = "pqzk/stark/v1/pow".getBytes(StandardCharsets.UTF_8);

  /** As {@link #powOk(byte[], long, int)} with a reusable digest (reset by digest()). */
  public static boolean powOk(MessageDigest d, byte[] seed, long nonce, int bits) {
    d.update(POW_TAG);
    d.update(seed);
    for (int i = 0; i < 8; i++) {
      d.update((byte) (nonce >>> (8 * i)));
    }
    return leadingZeros(d.digest()) >= bits;
  }

  static int leadingZeros(byte[] h) {
    int z = 0;
    for (byte b : h) {
      if (b == 0) {
        z += 8;
      } else {
        return z + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
      }
    }
    return z;
  }

  public static byte[] longLe(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    return b;
  }
}
