package io.pqzk.sig.internal.fast;

import static io.pqzk.sig.internal.fast.MlDsaParams.Q;

import io.pqzk.sig.SignatureVerificationException;
import java.security.MessageDigest;

/**
 * FIPS 204 Algorithm 8, ML-DSA.Verify_internal, from line 2 on, for a key expanded once by
 * {@link MlDsaExpandedKey} and a mu computed by the caller (line 6). Every check of the standard
 * is made: the signature length, sigDecode's hint encoding (Alg. 21 HintBitUnpack: counts
 * non-decreasing and at most omega, indices strictly increasing within a polynomial, unused
 * slots zero), ||z||_inf < gamma1 - beta, and c-tilde = H(mu || w1Encode(w1'), lambda / 4)
 * compared with {@link MessageDigest#isEqual}.
 *
 * <p>Verification handles public data only, so it returns as soon as a check fails and needs no
 * constant-time code. Thread-safe: all working memory is per call.
 */
final class MlDsaVerify {
  private MlDsaVerify() {}

  /**
   * Returns if {@code sig} is a valid signature of mu under {@code key}.
   *
   * @throws SignatureVerificationException saying which check failed
   */
  static void verify(MlDsaExpandedKey key, byte[] mu, byte[] sig)
      throws SignatureVerificationException {
    MlDsaParams p = key.params;
    String name = p.algorithm.displayName();
    if (sig.length != p.signatureBytes) {
      throw new SignatureVerificationException(name + " signature has " + sig.length
          + " bytes, expected " + p.signatureBytes);
    }
    int l = p.l;
    int k = p.k;
    // Alg. 27 sigDecode and Alg. 8 line 11's norm bound, checked as z is unpacked
    int[][] z = new int[l][256];
    if (!unpackZ(p, sig, z)) {
      throw new SignatureVerificationException(name
          + " signature rejected: ||z||_inf >= gamma1 - beta (FIPS 204 Alg. 8 line 11)");
    }
    int hintOff = p.cTildeBytes + l * p.zPolyBytes;
    if (!hintsWellFormed(p, sig, hintOff)) {
      throw new SignatureVerificationException(name + " signature rejected: malformed hint"
          + " (FIPS 204 Alg. 21 HintBitUnpack gives bottom, Alg. 8 line 3)");
    }
    // Alg. 8 line 7: c = SampleInBall(c-tilde), then NTT(c) and NTT(z) for line 8
    int[] c = new int[256];
    sampleInBall(p, sig, c);
    MlDsaNtt.ntt(c);
    for (int j = 0; j < l; j++) {
      MlDsaNtt.ntt(z[j]);
    }
    // Alg. 8 lines 8-9, one row at a time: w'_approx = NTT^-1(A-hat NTT(z) - NTT(c) NTT(t1 2^d)),
    // w1' = UseHint(h, w'_approx), packed at once by w1Encode (Alg. 28) for line 10
    long[] acc = new long[256];
    int[] w = new int[256];
    int[] w1Row = new int[256];
    int rowBytes = 32 * p.w1Bits;
    byte[] w1 = new byte[k * rowBytes];
    int[][] aHat = key.aHat;
    int[][] t1Hat = key.t1Hat;
    int hintStart = 0;
    for (int r = 0; r < k; r++) {
      // |A-hat| < q, |NTT(z)| < 2^19 + 8q, |NTT(c)| < 1 + 8q, |t1-hat| < 9q: the sum of l <= 7
      // products A-hat NTT(z) and c-hat t1-hat stays below 129 q^2 < 2^31 q, montReduce's bound
      int[] t1 = t1Hat[r];
      for (int n = 0; n < 256; n++) {
        acc[n] = -(long) c[n] * t1[n];
      }
      for (int s = 0; s < l; s++) {
        int[] as = aHat[r * l + s];
        int[] zs = z[s];
        for (int n = 0; n < 256; n++) {
          acc[n] += (long) as[n] * zs[n];
        }
      }
      for (int n = 0; n < 256; n++) {
        w[n] = MlDsaNtt.montReduce(acc[n]);
      }
      MlDsaNtt.invNttToMont(w);
      highBits(p, w, w1Row);
      int hintEnd = sig[hintOff + p.omega + r] & 0xff;
      for (int i = hintStart; i < hintEnd; i++) {
        int n = sig[hintOff + i] & 0xff;
        w1Row[n] = useHint(p, w[n]);
      }
      hintStart = hintEnd;
      w1Encode(p, w1Row, w1, r * rowBytes);
    }
    // Alg. 8 line 10: c-tilde' = H(mu || w1Encode(w1'), lambda / 4); line 11 compares
    byte[] cTilde = new byte[p.cTildeBytes];
    Shake.shake256().absorb(mu, 0, mu.length).absorb(w1, 0, w1.length)
        .squeeze(cTilde, 0, cTilde.length);
    byte[] given = java.util.Arrays.copyOf(sig, p.cTildeBytes);
    if (!MessageDigest.isEqual(cTilde, given)) {
      throw new SignatureVerificationException(name + " signature does not verify");
    }
  }

  /**
   * Alg. 27 lines 3-5: z[i] = BitUnpack(x_i, gamma1 - 1, gamma1) (Alg. 19), i.e. gamma1 minus each
   * (1 + log2 gamma1)-bit little-endian value; false as soon as a coefficient has
   * |z| >= gamma1 - beta (Alg. 8 line 11).
   */
  private static boolean unpackZ(MlDsaParams p, byte[] sig, int[][] zs) {
    int gamma1 = p.gamma1;
    int bound = gamma1 - p.beta;
    int off = p.cTildeBytes;
    for (int[] z : zs) {
      if (p.gamma1Bits == 17) {
        // 18 bits: four coefficients in nine bytes
        for (int i = 0; i < 256; i += 4, off += 9) {
          long v = (sig[off] & 0xffL) | (sig[off + 1] & 0xffL) << 8 | (sig[off + 2] & 0xffL) << 16
              | (sig[off + 3] & 0xffL) << 24 | (sig[off + 4] & 0xffL) << 32
              | (sig[off + 5] & 0xffL) << 40 | (sig[off + 6] & 0xffL) << 48
              | (sig[off + 7] & 0xffL) << 56;
          int hi = sig[off + 8] & 0xff;
          int c0 = gamma1 - (int) (v & 0x3ffff);
          int c1 = gamma1 - (int) (v >>> 18 & 0x3ffff);
          int c2 = gamma1 - (int) (v >>> 36 & 0x3ffff);
          int c3 = gamma1 - (int) ((v >>> 54 | (long) hi << 10) & 0x3ffff);
          if (!small(c0, bound) || !small(c1, bound) || !small(c2, bound) || !small(c3, bound)) {
            return false;
          }
          z[i] = c0;
          z[i + 1] = c1;
          z[i + 2] = c2;
          z[i + 3] = c3;
        }
      } else {
        // 20 bits: two coefficients in five bytes
        for (int i = 0; i < 256; i += 2, off += 5) {
          long v = (sig[off] & 0xffL) | (sig[off + 1] & 0xffL) << 8 | (sig[off + 2] & 0xffL) << 16
              | (sig[off + 3] & 0xffL) << 24 | (sig[off + 4] & 0xffL) << 32;
          int c0 = gamma1 - (int) (v & 0xfffff);
          int c1 = gamma1 - (int) (v >>> 20 & 0xfffff);
          if (!small(c0, bound) || !small(c1, bound)) {
            return false;
          }
          z[i] = c0;
          z[i + 1] = c1;
        }
      }
    }
    return true;
  }

  private static boolean small(int c, int bound) {
    return c < bound && c > -bound;
  }

  /**
   * Alg. 21 HintBitUnpack's checks, on y = the last omega + k bytes of the signature: each
   * polynomial's end count y[omega + i] is at least the previous one and at most omega, its
   * indices strictly increase, and the unused slots after the last count are zero. The hint bits
   * themselves are read in place when UseHint is applied.
   */
  private static boolean hintsWellFormed(MlDsaParams p, byte[] sig, int y) {
    int omega = p.omega;
    int index = 0;
    for (int i = 0; i < p.k; i++) {
      int end = sig[y + omega + i] & 0xff;
      if (end < index || end > omega) {
        return false;
      }
      int first = index;
      for (; index < end; index++) {
        if (index > first && (sig[y + index - 1] & 0xff) >= (sig[y + index] & 0xff)) {
          return false;
        }
      }
    }
    for (int i = index; i < omega; i++) {
      if (sig[y + i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Alg. 29 SampleInBall(c-tilde): SHAKE256 of the whole c-tilde, 8 bytes of signs, then for
   * i = 256 - tau .. 255 a rejection-sampled position j <= i: c_i = c_j, c_j = +-1.
   */
  private static void sampleInBall(MlDsaParams p, byte[] sig, int[] c) {
    Shake h = Shake.shake256().absorb(sig, 0, p.cTildeBytes);
    byte[] buf = new byte[136];
    h.squeeze(buf, 0, buf.length);
    long signs = 0;
    for (int i = 0; i < 8; i++) {
      signs |= (buf[i] & 0xffL) << (8 * i);
    }
    int pos = 8;
    for (int i = 256 - p.tau; i < 256; i++) {
      int j;
      do {
        if (pos == buf.length) {
          h.squeeze(buf, 0, buf.length);
          pos = 0;
        }
        j = buf[pos++] & 0xff;
      } while (j > i);
      c[i] = c[j];
      c[j] = 1 - 2 * (int) (signs & 1);
      signs >>>= 1;
    }
  }

  /**
   * r1 of Alg. 36 Decompose for a whole row (Alg. 40 UseHint where the hint is 0), |w| < q:
   * r1 = round(r+ / 2 gamma2) with ties down, and 0 where r+ - r0 = q - 1 (then r1 would be
   * (q - 1) / 2 gamma2). The division by 2 gamma2 = 2^9 1023 or 2^11 93 is a shift and a
   * multiply-shift, exact for every r+ in [0, q) (checked exhaustively by the tests), so that
   * the loop has no division and compiles to vector instructions.
   */
  static void highBits(MlDsaParams p, int[] w, int[] r1) {
    int gamma2 = p.gamma2;
    if (p.w1Bits == 4) { // gamma2 = (q - 1) / 32, m = 16
      for (int n = 0; n < 256; n++) {
        int x = w[n] + ((w[n] >> 31) & Q) + gamma2 - 1;
        r1[n] = ((x >> 9) * 16401 >> 24) & 15; // m = 16 wraps to 0
      }
    } else { // gamma2 = (q - 1) / 88, m = 44
      for (int n = 0; n < 256; n++) {
        int x = w[n] + ((w[n] >> 31) & Q) + gamma2 - 1;
        int h = (x >> 11) * 2819 >> 18;
        r1[n] = h - (((43 - h) >> 31) & 44); // 44 becomes 0
      }
    }
  }

  /**
   * Alg. 40 UseHint(1, r) with Alg. 36 Decompose written out: (r1 + 1) mod m when r0 > 0,
   * else (r1 - 1) mod m, m = (q - 1) / (2 gamma2). |r| < q.
   */
  static int useHint(MlDsaParams p, int r) {
    int gamma2 = p.gamma2;
    int twoGamma2 = 2 * gamma2;
    int m = (Q - 1) / twoGamma2;
    int rp = r + ((r >> 31) & Q); // r mod q
    int r1 = (rp + gamma2 - 1) / twoGamma2; // r0 = rp - r1 2 gamma2 is in (-gamma2, gamma2]
    int r0 = rp - r1 * twoGamma2;
    if (r1 == m) { // r+ - r0 = q - 1
      r1 = 0;
      r0 -= 1;
    }
    return r0 > 0 ? (r1 + 1 == m ? 0 : r1 + 1) : (r1 == 0 ? m - 1 : r1 - 1);
  }

  /** Alg. 28 w1Encode for one row: SimpleBitPack with 4 or 6 bits per coefficient. */
  private static void w1Encode(MlDsaParams p, int[] r1, byte[] out, int outOff) {
    if (p.w1Bits == 4) {
      for (int i = 0; i < 128; i++) {
        out[outOff + i] = (byte) (r1[2 * i] | r1[2 * i + 1] << 4);
      }
    } else {
      for (int i = 0, o = outOff; i < 256; i += 4, o += 3) {
        int v = r1[i] | r1[i + 1] << 6 | r1[i + 2] << 12 | r1[i + 3] << 18;
        out[o] = (byte) v;
        out[o + 1] = (byte) (v >>> 8);
        out[o + 2] = (byte) (v >>> 16);
      }
    }
  }
}
