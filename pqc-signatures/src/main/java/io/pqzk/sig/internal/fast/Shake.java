package io.pqzk.sig.internal.fast;

import org.bouncycastle.crypto.digests.SHAKEDigest;

/** SHAKE256 of a few byte strings, for H of FIPS 204 (section 3.7). */
final class Shake {
  private Shake() {}

  /** SHAKE256(a || b || c, outLen); {@code null} parts are skipped. */
  static byte[] shake256(int outLen, byte[] a, byte[] b, byte[] c) {
    SHAKEDigest d = new SHAKEDigest(256);
    if (a != null) {
      d.update(a, 0, a.length);
    }
    if (b != null) {
      d.update(b, 0, b.length);
    }
    if (c != null) {
      d.update(c, 0, c.length);
    }
    byte[] out = new byte[outLen];
    d.doFinal(out, 0, outLen);
    return out;
  }
}
