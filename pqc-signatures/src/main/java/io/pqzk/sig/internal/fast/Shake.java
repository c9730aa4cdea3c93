package io.pqzk.sig.internal.fast;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SHAKE128 and SHAKE256 (FIPS 202 section 6.2) as a sponge over {@link Keccak}: absorb, then
 * squeeze any number of bytes. Used for H and G of FIPS 204 (section 3.7). Not thread-safe;
 * one instance per computation.
 */
final class Shake {
  private static final VarHandle LE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long[] state = new long[25];
  private final int rate;
  private int pos;
  private boolean squeezing;

  private Shake(int rate) {
    this.rate = rate;
  }

  /** SHAKE128: rate 168 bytes. */
  static Shake shake128() {
    return new Shake(168);
  }

  /** SHAKE256: rate 136 bytes. */
  static Shake shake256() {
    return new Shake(136);
  }

  /** SHAKE256(a || b || c, outLen); {@code null} parts are skipped. */
  static byte[] shake256(int outLen, byte[] a, byte[] b, byte[] c) {
    Shake h = shake256();
    if (a != null) {
      h.absorb(a, 0, a.length);
    }
    if (b != null) {
      h.absorb(b, 0, b.length);
    }
    if (c != null) {
      h.absorb(c, 0, c.length);
    }
    byte[] out = new byte[outLen];
    h.squeeze(out, 0, outLen);
    return out;
  }

  Shake absorb(byte[] in, int off, int len) {
    if (squeezing) {
      throw new IllegalStateException("already squeezing");
    }
    long[] s = state;
    int end = off + len;
    // byte by byte up to a lane boundary, then whole lanes, then the tail
    while (off < end && (pos & 7) != 0) {
      s[pos >>> 3] ^= (in[off++] & 0xffL) << (8 * (pos & 7));
      if (++pos == rate) {
        Keccak.permute(s);
        pos = 0;
      }
    }
    while (end - off >= 8) {
      s[pos >>> 3] ^= (long) LE_LONG.get(in, off);
      off += 8;
      pos += 8;
      if (pos == rate) {
        Keccak.permute(s);
        pos = 0;
      }
    }
    while (off < end) {
      s[pos >>> 3] ^= (in[off++] & 0xffL) << (8 * (pos & 7));
      if (++pos == rate) {
        Keccak.permute(s);
        pos = 0;
      }
    }
    return this;
  }

  /** The next {@code len} output bytes; the first call pads (SHAKE suffix 1111, then pad10*1). */
  void squeeze(byte[] out, int off, int len) {
    long[] s = state;
    if (!squeezing) {
      s[pos >>> 3] ^= 0x1fL << (8 * (pos & 7));
      s[(rate - 1) >>> 3] ^= 0x80L << (8 * ((rate - 1) & 7));
      Keccak.permute(s);
      pos = 0;
      squeezing = true;
    }
    for (int i = 0; i < len; i++) {
      if (pos == rate) {
        Keccak.permute(s);
        pos = 0;
      }
      out[off + i] = (byte) (s[pos >>> 3] >>> (8 * (pos & 7)));
      pos++;
    }
  }
}
