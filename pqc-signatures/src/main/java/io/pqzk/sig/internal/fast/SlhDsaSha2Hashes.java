package io.pqzk.sig.internal.fast;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * F, H and T_l of FIPS 205 section 11.2 for one verification, on one thread: each call clones a
 * seeded state (PK.seed already absorbed) and hashes ADRSc || input, the 22-byte compressed
 * address followed by the input, which the caller lays out in one buffer. F always uses SHA-256;
 * H and T_l use SHA-256 in security category 1 and SHA-512 in categories 3 and 5.
 */
final class SlhDsaSha2Hashes {
  private final int n;
  private final MessageDigest f;
  private final MessageDigest ht;
  private final int htLength;
  private final byte[] out = new byte[64];

  SlhDsaSha2Hashes(int n, MessageDigest f, MessageDigest ht, int htLength) {
    this.n = n;
    this.f = f;
    this.ht = ht;
    this.htLength = htLength;
  }

  /** F(PK.seed, ADRS, M1) = Trunc_n(SHA-256(seed block || buf[0, len))), written to dst. */
  void f(byte[] buf, int len, byte[] dst, int dstOff) {
    run(f, 32, buf, len, dst, dstOff);
  }

  /** H and T_l: Trunc_n(SHA-256 or SHA-512(seed block || buf[0, len))), written to dst. */
  void h(byte[] buf, int len, byte[] dst, int dstOff) {
    run(ht, htLength, buf, len, dst, dstOff);
  }

  private void run(MessageDigest seeded, int digestLength, byte[] buf, int len, byte[] dst,
      int dstOff) {
    MessageDigest d = SlhDsaSha2Key.clone(seeded);
    d.update(buf, 0, len);
    try {
      d.digest(out, 0, digestLength);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    System.arraycopy(out, 0, dst, dstOff, n);
  }
}
