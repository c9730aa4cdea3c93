package io.pqzk.sig.internal.fast;

import static io.pqzk.sig.internal.fast.MlDsaParams.D;
import static io.pqzk.sig.internal.fast.MlDsaParams.Q;

import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * An ML-DSA public key prepared for verification: A-hat = ExpandA(rho) in the NTT domain, NTT(t1
 * 2^d) and tr = H(pk, 64), the parts of FIPS 204 Algorithm 8 (ML-DSA.Verify_internal) lines 1, 4
 * and 5 that depend on the key alone.
 *
 * <p>Security: this form is derived here, and only here, from a standard FIPS 204 public key
 * ({@link #expand}); it is never read from outside nor handed out. An expanded key taken from
 * elsewhere would be a forgery oracle: with A-hat = 0 and t1 = 0 every signature whose c-tilde
 * matches H(mu || w1Encode(0)) verifies. Every 32 + 320 k byte string is a valid pkEncode output
 * (Alg. 23 accepts all 10-bit values), so expansion cannot fail.
 *
 * <p>Memory: (k l + k) 256 ints plus the key and tr: 21.9 KB for ML-DSA-44, 38.9 KB for
 * ML-DSA-65, 68.2 KB for ML-DSA-87.
 */
final class MlDsaExpandedKey {
  final MlDsaParams params;
  /** The standard encoding the expansion came from (a private copy). */
  private final byte[] encoded;
  /**
   * A-hat[r][s] at ((r l + s) 256), coefficients in [0, q) (Alg. 32 ExpandA), each polynomial in
   * the transposed order of {@link MlDsaNtt}.
   */
  final int[] aHat;
  /** NTT(t1[r] 2^d) at (r 256), reduced to [0, q), transposed order. */
  final int[] t1Hat;
  /** tr = H(pk, 64). */
  final byte[] tr;

  private MlDsaExpandedKey(MlDsaParams params, byte[] encoded, int[] aHat, int[] t1Hat, byte[] tr) {
    this.params = params;
    this.encoded = encoded;
    this.aHat = aHat;
    this.t1Hat = t1Hat;
    this.tr = tr;
  }

  /**
   * Expands {@code pk}, which must have the parameter set's length (the caller checked it); the
   * array is kept, so the caller passes a copy it no longer touches.
   */
  static MlDsaExpandedKey expand(MlDsaParams p, byte[] pk) {
    if (pk.length != p.publicKeyBytes) {
      throw new IllegalArgumentException("public key length " + pk.length);
    }
    int[] aHat = expandA(p, pk);
    int[] t1Hat = new int[p.k * 256];
    // Alg. 23 pkDecode: t1 is k polynomials of 10-bit little-endian coefficients after rho
    for (int r = 0; r < p.k; r++) {
      int base = 32 + r * 320;
      int off = r * 256;
      for (int i = 0; i < 64; i++) {
        int b = base + 5 * i;
        long v = (pk[b] & 0xffL) | (pk[b + 1] & 0xffL) << 8 | (pk[b + 2] & 0xffL) << 16
            | (pk[b + 3] & 0xffL) << 24 | (pk[b + 4] & 0xffL) << 32;
        for (int c = 0; c < 4; c++) {
          t1Hat[off + 4 * i + c] = (int) (v >>> (10 * c) & 0x3ff) << D;
        }
      }
      MlDsaNtt.ntt(t1Hat, off);
      for (int i = off; i < off + 256; i++) {
        t1Hat[i] = MlDsaNtt.freeze(t1Hat[i]);
      }
    }
    byte[] tr = new byte[64];
    SHAKEDigest h = new SHAKEDigest(256);
    h.update(pk, 0, pk.length);
    h.doFinal(tr, 0, 64);
    return new MlDsaExpandedKey(p, pk, aHat, t1Hat, tr);
  }

  /**
   * Alg. 32 ExpandA: A-hat[r][s] = RejNTTPoly(rho || s || r) (Alg. 30), SHAKE128 rejection
   * sampling of 23-bit values below q from three bytes each (Alg. 14 CoeffFromThreeBytes).
   */
  private static int[] expandA(MlDsaParams p, byte[] pk) {
    int[] a = new int[p.k * p.l * 256];
    SHAKEDigest g = new SHAKEDigest(128);
    // 5 blocks of 168 bytes give 280 candidates: enough for 256 except with probability ~1e-9
    byte[] buf = new byte[5 * 168];
    byte[] index = new byte[2];
    for (int r = 0; r < p.k; r++) {
      for (int s = 0; s < p.l; s++) {
        g.reset();
        g.update(pk, 0, 32);
        index[0] = (byte) s;
        index[1] = (byte) r;
        g.update(index, 0, 2);
        g.doOutput(buf, 0, buf.length);
        int off = (r * p.l + s) * 256;
        int j = 0;
        int pos = 0;
        int avail = buf.length;
        while (j < 256) {
          if (pos == avail) {
            g.doOutput(buf, 0, 168);
            pos = 0;
            avail = 168;
          }
          int z = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0x7f) << 16;
          pos += 3;
          if (z < Q) {
            a[off + j++] = z;
          }
        }
        MlDsaNtt.transpose(a, off); // into the order MlDsaNtt.ntt outputs
      }
    }
    return a;
  }

  /** Whether this expansion came from exactly these bytes (the cache's identity check). */
  boolean isExpansionOf(byte[] pk) {
    return java.util.Arrays.equals(encoded, pk);
  }
}
