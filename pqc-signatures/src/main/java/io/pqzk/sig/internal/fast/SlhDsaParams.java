package io.pqzk.sig.internal.fast;

import io.pqzk.sig.SignatureAlgorithm;

/**
 * The six SLH-DSA-SHA2 parameter sets, FIPS 205 Table 2 (lg_w = 4 for all), with the derived
 * lengths of sections 5 and 9. Names follow the standard's symbols.
 */
enum SlhDsaParams {
  SHA2_128S(SignatureAlgorithm.SLH_DSA_SHA2_128S, 16, 63, 7, 12, 14, 30),
  SHA2_128F(SignatureAlgorithm.SLH_DSA_SHA2_128F, 16, 66, 22, 6, 33, 34),
  SHA2_192S(SignatureAlgorithm.SLH_DSA_SHA2_192S, 24, 63, 7, 14, 17, 39),
  SHA2_192F(SignatureAlgorithm.SLH_DSA_SHA2_192F, 24, 66, 22, 8, 33, 42),
  SHA2_256S(SignatureAlgorithm.SLH_DSA_SHA2_256S, 32, 64, 8, 14, 22, 47),
  SHA2_256F(SignatureAlgorithm.SLH_DSA_SHA2_256F, 32, 68, 17, 9, 35, 49);

  /** Winternitz parameter w = 2^lg_w = 16. */
  static final int W = 16;
  /** len2 = 3 for lg_w = 4 and every n here (FIPS 205 eq. 5.3). */
  static final int LEN2 = 3;

  final SignatureAlgorithm algorithm;
  final int n;
  /** Total hypertree height h, layers d, and tree height h' = h / d. */
  final int h;
  final int d;
  final int hPrime;
  /** FORS: k trees of height a. */
  final int a;
  final int k;
  /** H_msg output length m in bytes. */
  final int m;
  /** WOTS+ chains: len1 = 2n message digits, len = len1 + len2. */
  final int len1;
  final int len;
  /** Security category 1 hashes everything with SHA-256; 3 and 5 use SHA-512 for H, T_l, H_msg. */
  final boolean sha512;
  /** ceil(k a / 8), ceil((h - h') / 8), ceil(h' / 8): the parts of the digest (Alg. 20 l. 7-9). */
  final int mdBytes;
  final int treeBytes;
  final int leafBytes;
  final int signatureBytes;

  SlhDsaParams(SignatureAlgorithm algorithm, int n, int h, int d, int a, int k, int m) {
    this.algorithm = algorithm;
    this.n = n;
    this.h = h;
    this.d = d;
    this.hPrime = h / d;
    this.a = a;
    this.k = k;
    this.m = m;
    this.len1 = 2 * n;
    this.len = len1 + LEN2;
    this.sha512 = n > 16;
    this.mdBytes = (k * a + 7) / 8;
    this.treeBytes = (h - hPrime + 7) / 8;
    this.leafBytes = (hPrime + 7) / 8;
    this.signatureBytes = (1 + k * (1 + a) + h + d * len) * n;
    if (signatureBytes != algorithm.signatureLength() || 2 * n != algorithm.publicKeyLength()
        || mdBytes + treeBytes + leafBytes != m) {
      throw new AssertionError(algorithm + ": FIPS 205 Table 2 lengths disagree");
    }
  }

  /** The SHA2 set of {@code alg}, or {@code null} for any other algorithm. */
  static SlhDsaParams of(SignatureAlgorithm alg) {
    for (SlhDsaParams p : values()) {
      if (p.algorithm == alg) {
        return p;
      }
    }
    return null;
  }
}
