package io.pqzk.sig.internal.fast;

import io.pqzk.sig.SignatureVerificationException;
import java.security.MessageDigest;

/**
 * FIPS 205 Algorithm 20, slh_verify_internal, for the SHA2 parameter sets: H_msg (section 11.2),
 * FORS (Alg. 17 fors_pkFromSig), WOTS+ (Alg. 5 chain, Alg. 8 wots_pkFromSig), XMSS (Alg. 11
 * xmss_pkFromSig) and the hypertree (Alg. 13 ht_verify). Addresses are kept in their compressed
 * 22-byte form ADRSc (section 11.2): layer (1 byte), tree address (8), type (1), then the three
 * last words (key pair, chain address or tree height, hash address or tree index; 4 each).
 *
 * <p>Verification handles public data only; the computed root is compared with PK.root by
 * {@link MessageDigest#isEqual}. Thread-safe: all working memory is per call.
 */
final class SlhDsaSha2Verify {
  static final int WOTS_HASH = 0;
  static final int WOTS_PK = 1;
  static final int TREE = 2;
  static final int FORS_TREE = 3;
  static final int FORS_ROOTS = 4;
  /** Length of ADRSc. */
  static final int ADRS = 22;

  private final SlhDsaParams p;
  private final int n;
  private final SlhDsaSha2Hashes hashes;
  /** ADRSc || input of F and H: one n-byte node, or two. */
  private final byte[] small;
  /** ADRSc || the len WOTS+ chain ends or the k FORS roots, for T_l. */
  private final byte[] wide;
  /** WOTS+ message and checksum digits. */
  private final int[] digits;

  private SlhDsaSha2Verify(SlhDsaSha2Key key) {
    this.p = key.params;
    this.n = p.n;
    this.hashes = key.hashes();
    this.small = new byte[ADRS + 2 * n];
    this.wide = new byte[ADRS + Math.max(p.len, p.k) * n];
    this.digits = new int[Math.max(p.len, p.k)];
  }

  /**
   * Returns if {@code sig} is a valid signature of M' = prefix || body ({@code prefix} may be
   * null: M' given whole) under {@code key}.
   *
   * @throws SignatureVerificationException if it is not
   */
  static void verify(SlhDsaSha2Key key, byte[] prefix, byte[] body, byte[] sig)
      throws SignatureVerificationException {
    SlhDsaParams p = key.params;
    if (sig.length != p.signatureBytes) { // Alg. 20 line 1
      throw new SignatureVerificationException(p.algorithm.displayName() + " signature has "
          + sig.length + " bytes, expected " + p.signatureBytes);
    }
    byte[] digest = hMsg(key, sig, prefix, body); // line 6
    // lines 7-11: md, then idx_tree mod 2^(h - h'), idx_leaf mod 2^h', big-endian
    long idxTree = toInt(digest, p.mdBytes, p.treeBytes);
    int treeBits = p.h - p.hPrime;
    if (treeBits < 64) {
      idxTree &= (1L << treeBits) - 1;
    }
    int idxLeaf = (int) toInt(digest, p.mdBytes + p.treeBytes, p.leafBytes)
        & ((1 << p.hPrime) - 1);
    SlhDsaSha2Verify v = new SlhDsaSha2Verify(key);
    byte[] node = new byte[p.n];
    v.forsPkFromSig(sig, p.n, digest, idxTree, idxLeaf, node); // lines 12-15
    v.htVerify(sig, p.n + p.k * (1 + p.a) * p.n, idxTree, idxLeaf, node); // line 16
    if (!MessageDigest.isEqual(node, key.pkRoot)) {
      throw new SignatureVerificationException(p.algorithm.displayName()
          + " signature does not verify");
    }
  }

  /**
   * H_msg(R, PK.seed, PK.root, M) = MGF1-SHA-x(R || PK.seed || SHA-x(R || PK.seed || PK.root ||
   * M), m), x = 256 in category 1, else 512 (section 11.2.1, 11.2.2).
   */
  private static byte[] hMsg(SlhDsaSha2Key key, byte[] sig, byte[] prefix, byte[] body) {
    SlhDsaParams p = key.params;
    MessageDigest d = SlhDsaSha2Key.newDigest(p.sha512 ? "SHA-512" : "SHA-256");
    d.update(sig, 0, p.n);
    d.update(key.pkSeed);
    d.update(key.pkRoot);
    if (prefix != null) {
      d.update(prefix);
    }
    d.update(body);
    byte[] inner = d.digest();
    byte[] out = new byte[p.m];
    byte[] counter = new byte[4];
    for (int done = 0, c = 0; done < p.m; c++) {
      d.update(sig, 0, p.n);
      d.update(key.pkSeed);
      d.update(inner);
      counter[3] = (byte) c; // m <= 49 needs at most two blocks: the counter stays below 256
      d.update(counter);
      byte[] block = d.digest();
      int take = Math.min(block.length, p.m - done);
      System.arraycopy(block, 0, out, done, take);
      done += take;
    }
    return out;
  }

  private static long toInt(byte[] b, int off, int len) {
    long x = 0;
    for (int i = 0; i < len; i++) {
      x = x << 8 | (b[off + i] & 0xff);
    }
    return x;
  }

  /** Writes ADRSc into buf[0, 22). */
  private static void adrs(byte[] buf, int layer, long tree, int type, int keyPair, int word2,
      int word3) {
    buf[0] = (byte) layer;
    for (int i = 0; i < 8; i++) {
      buf[1 + i] = (byte) (tree >>> (56 - 8 * i));
    }
    buf[9] = (byte) type;
    putInt(buf, 10, keyPair);
    putInt(buf, 14, word2);
    putInt(buf, 18, word3);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  /**
   * Alg. 17 fors_pkFromSig with ADRS = (layer 0, idx_tree, FORS_TREE, key pair idx_leaf): each
   * of the k trees climbed from its revealed leaf along its authentication path, then T_k of the
   * roots. The result is written to {@code out}.
   */
  private void forsPkFromSig(byte[] sig, int off, byte[] md, long tree, int leaf, byte[] out) {
    int a = p.a;
    base2b(md, 0, a, p.k, digits);
    for (int i = 0; i < p.k; i++) {
      int at = off + i * (a + 1) * n;
      int index = (i << a) + digits[i];
      adrs(small, 0, tree, FORS_TREE, leaf, 0, index);
      System.arraycopy(sig, at, small, ADRS, n);
      hashes.f(small, ADRS + n, small, ADRS); // node_0 = F(PK.seed, ADRS, sk)
      climb(sig, at + n, a, digits[i], index, 0, tree, FORS_TREE, leaf);
      System.arraycopy(small, ADRS, wide, ADRS + i * n, n);
    }
    adrs(wide, 0, tree, FORS_ROOTS, leaf, 0, 0);
    hashes.h(wide, ADRS + p.k * n, out, 0);
  }

  /**
   * The authentication-path loop shared by Alg. 17 lines 9-18 and Alg. 11 lines 7-16: the node
   * in small[22, 22 + n) at leaf {@code idx} (tree index {@code index}) is hashed with each of
   * the {@code height} path nodes at sig[auth...], left or right as idx's bits say. The result
   * stays in small[22, 22 + n).
   */
  private void climb(byte[] sig, int auth, int height, int idx, int index, int layer, long tree,
      int type, int keyPair) {
    for (int j = 0; j < height; j++) {
      if ((idx >>> j & 1) == 0) {
        index >>>= 1;
        System.arraycopy(sig, auth + j * n, small, ADRS + n, n);
      } else {
        index = (index - 1) >>> 1;
        System.arraycopy(small, ADRS, small, ADRS + n, n);
        System.arraycopy(sig, auth + j * n, small, ADRS, n);
      }
      adrs(small, layer, tree, type, keyPair, j + 1, index);
      hashes.h(small, ADRS + 2 * n, small, ADRS);
    }
  }

  /**
   * Alg. 13 ht_verify: the XMSS signature of each of the d layers turns the node below into the
   * root of its tree. {@code node} holds PK_FORS on entry and the hypertree root on return.
   */
  private void htVerify(byte[] sig, int off, long tree, int leaf, byte[] node) {
    int xmssBytes = (p.len + p.hPrime) * n;
    for (int j = 0; j < p.d; j++) {
      if (j > 0) {
        leaf = (int) (tree & ((1L << p.hPrime) - 1));
        tree >>>= p.hPrime;
      }
      xmssPkFromSig(sig, off + j * xmssBytes, leaf, node, j, tree);
    }
  }

  /** Alg. 11 xmss_pkFromSig: the WOTS+ public key of leaf idx, then up the tree to its root. */
  private void xmssPkFromSig(byte[] sig, int off, int idx, byte[] m, int layer, long tree) {
    wotsPkFromSig(sig, off, m, layer, tree, idx); // the leaf lands in small[22, 22 + n)
    climb(sig, off + p.len * n, p.hPrime, idx, idx, layer, tree, TREE, 0);
    System.arraycopy(small, ADRS, m, 0, n);
  }

  /**
   * Alg. 8 wots_pkFromSig: the message's base-16 digits and checksum, each chain completed from
   * the signature to step w - 1 (Alg. 5), then T_len of the chain ends. Writes the result to
   * small[22, 22 + n).
   */
  private void wotsPkFromSig(byte[] sig, int off, byte[] m, int layer, long tree, int keyPair) {
    int w1 = SlhDsaParams.W - 1;
    base2b(m, 0, 4, p.len1, digits);
    int csum = 0;
    for (int i = 0; i < p.len1; i++) {
      csum += w1 - digits[i];
    }
    // csum << ((8 - (len2 lg_w mod 8)) mod 8) = csum << 4, then its three top nibbles of 16 bits
    csum <<= 4;
    digits[p.len1] = csum >>> 12 & 15;
    digits[p.len1 + 1] = csum >>> 8 & 15;
    digits[p.len1 + 2] = csum >>> 4 & 15;
    for (int i = 0; i < p.len; i++) {
      adrs(small, layer, tree, WOTS_HASH, keyPair, i, 0);
      System.arraycopy(sig, off + i * n, small, ADRS, n);
      for (int s = digits[i]; s < w1; s++) { // chain(sig_i, msg_i, w - 1 - msg_i)
        small[ADRS - 1] = (byte) s; // hash address s < 16: only its last byte changes
        hashes.f(small, ADRS + n, small, ADRS);
      }
      System.arraycopy(small, ADRS, wide, ADRS + i * n, n);
    }
    adrs(wide, layer, tree, WOTS_PK, keyPair, 0, 0);
    hashes.h(wide, ADRS + p.len * n, small, ADRS);
  }

  /** Alg. 4 base_2b: {@code count} b-bit digits of x from byte {@code off}, high bits first. */
  private static void base2b(byte[] x, int off, int b, int count, int[] out) {
    int in = off;
    int bits = 0;
    int total = 0;
    int mask = (1 << b) - 1;
    for (int i = 0; i < count; i++) {
      while (bits < b) {
        total = total << 8 | (x[in++] & 0xff);
        bits += 8;
      }
      bits -= b;
      out[i] = total >>> bits & mask;
    }
  }
}
