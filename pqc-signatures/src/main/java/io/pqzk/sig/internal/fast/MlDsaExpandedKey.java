package io.pqzk.sig.internal.fast;

import static io.pqzk.sig.internal.fast.MlDsaParams.D;
import static io.pqzk.sig.internal.fast.MlDsaParams.Q;


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
   * A-hat[r][s] at index r l + s, coefficients in [0, q) (Alg. 32 ExpandA), each polynomial in
   * the transposed order of {@link MlDsaNtt}.
   */
  final int[][] aHat;
  /** NTT(t1[r] 2^d), transposed order, coefficients below 9q in magnitude. */
  final int[][] t1Hat;
  /** tr = H(pk, 64). */
  final byte[] tr;

  private MlDsaExpandedKey(
      MlDsaParams params, byte[] encoded, int[][] aHat, int[][] t1Hat, byte[] tr) {
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
    int[][] aHat = expandA(p, pk);
    int[][] t1Hat = new int[p.k][256];
    // Alg. 23 pkDecode: t1 is k polynomials of 10-bit little-endian coefficients after rho
    for (int r = 0; r < p.k; r++) {
      int base = 32 + r * 320;
      int[] t = t1Hat[r];
      for (int i = 0; i < 64; i++) {
        int b = base + 5 * i;
        long v = (pk[b] & 0xffL) | (pk[b + 1] & 0xffL) << 8 | (pk[b + 2] & 0xffL) << 16
            | (pk[b + 3] & 0xffL) << 24 | (pk[b + 4] & 0xffL) << 32;
        for (int c = 0; c < 4; c++) {
          t[4 * i + c] = (int) (v >>> (10 * c) & 0x3ff) << D;
        }
      }
      MlDsaNtt.ntt(t); // |t1-hat| < 9q: t1 2^d is in [0, q), each layer adds < q
    }
    byte[] tr = Shake.shake256(64, pk, null, null);
    return new MlDsaExpandedKey(p, pk, aHat, t1Hat, tr);
  }

  /**
   * Alg. 32 ExpandA: A-hat[r][s] = RejNTTPoly(rho || s || r) (Alg. 30), SHAKE128 rejection
   * sampling of 23-bit values below q from three bytes each (Alg. 14 CoeffFromThreeBytes). The
   * sponge runs on the Keccak state directly: the 34-byte input and SHAKE's padding fit one
   * block, and each squeezed block of 21 lanes is read as seven groups of three lanes, which hold
   * exactly eight 3-byte candidates each.
   *
   * <p>Candidates are stored without a branch and the count advances only for those below q, so
   * a rejected value is overwritten by the next one; a block's candidates may run past the 256th
   * into the {@link #SLACK} spare entries of the sampling buffer. Where the Vector API is
   * available ({@link VectorExpandA}), the sponges run several at a time.
   */
  static int[][] expandA(MlDsaParams p, byte[] pk) {
    return VectorExpandA.AVAILABLE ? VectorExpandA.expandA(p, pk) : expandAScalar(p, pk);
  }

  /** ExpandA one sponge after the other on the scalar {@link Keccak}. */
  static int[][] expandAScalar(MlDsaParams p, byte[] pk) {
    int[][] a = new int[p.k * p.l][];
    int[] buf = new int[256 + SLACK];
    long[] rho = rhoLanes(pk);
    long[] st = new long[25];
    for (int r = 0; r < p.k; r++) {
      for (int s = 0; s < p.l; s++) {
        java.util.Arrays.fill(st, 0L);
        System.arraycopy(rho, 0, st, 0, 4);
        st[4] = s | r << 8 | 0x1f << 16; // bytes 32, 33: s, r; byte 34: SHAKE suffix and pad
        st[20] = 0x80L << 56; // byte 167, the last of the rate: pad10*1's final 1
        int j = 0;
        while (j < 256) {
          Keccak.permute(st);
          for (int lane = 0; lane < 21; lane += 3) {
            j = accept8(buf, j, st[lane], st[lane + 1], st[lane + 2]);
          }
        }
        int[] poly = java.util.Arrays.copyOf(buf, 256);
        MlDsaNtt.transpose(poly); // into the order MlDsaNtt.ntt outputs
        a[r * p.l + s] = poly;
      }
    }
    return a;
  }

  /** rho, the first 32 bytes of pk, as four little-endian lanes. */
  static long[] rhoLanes(byte[] pk) {
    long[] rho = new long[4];
    for (int lane = 0; lane < 4; lane++) {
      long v = 0;
      for (int b = 7; b >= 0; b--) {
        v = v << 8 | (pk[8 * lane + b] & 0xff);
      }
      rho[lane] = v;
    }
    return rho;
  }

  /** The eight 3-byte candidates in three squeezed lanes (24 bytes), accepted from index j. */
  static int accept8(int[] a, int j, long v0, long v1, long v2) {
    j = accept(a, j, v0);
    j = accept(a, j, v0 >>> 24);
    j = accept(a, j, v0 >>> 48 | v1 << 16);
    j = accept(a, j, v1 >>> 8);
    j = accept(a, j, v1 >>> 32);
    j = accept(a, j, v1 >>> 56 | v2 << 8);
    j = accept(a, j, v2 >>> 16);
    return accept(a, j, v2 >>> 40);
  }

  /** Room for one block's 56 candidates past the 256th coefficient. */
  static final int SLACK = 56;

  /**
   * CoeffFromThreeBytes on the low 24 bits of {@code bits} (the top bit of the third byte is
   * dropped), stored at j; the next index is j + 1 if it is below q, else j.
   */
  private static int accept(int[] a, int j, long bits) {
    int z = (int) bits & 0x7fffff;
    a[j] = z;
    return j + ((z - Q) >>> 31);
  }

  /** Whether this expansion came from exactly these bytes (the cache's identity check). */
  boolean isExpansionOf(byte[] pk) {
    return java.util.Arrays.equals(encoded, pk);
  }
}
