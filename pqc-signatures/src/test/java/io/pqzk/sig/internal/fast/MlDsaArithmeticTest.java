package io.pqzk.sig.internal.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ML-DSA core's arithmetic against the standard's definitions written out plainly: the NTT
 * product against schoolbook multiplication in Z_q[X]/(X^256 + 1), and the division-free
 * Decompose / UseHint against FIPS 204 Algorithms 36 and 40, for every r in [0, q).
 */
class MlDsaArithmeticTest {
  private static final int Q = MlDsaParams.Q;

  @ParameterizedTest
  @EnumSource(MlDsaParams.class)
  void highBitsAndUseHint_matchAlgorithms36And40_forEveryResidue(MlDsaParams p) {
    int[] w = new int[256];
    int[] r1 = new int[256];
    int m = (Q - 1) / (2 * p.gamma2);
    for (int base = 0; base < Q; base += 256) {
      for (int i = 0; i < 256; i++) {
        // every residue, half of them in the negative representation NTT^-1 may output
        int r = Math.min(base + i, Q - 1);
        w[i] = (i & 1) == 0 || r == 0 ? r : r - Q;
      }
      MlDsaVerify.highBits(p, w, r1);
      for (int i = 0; i < 256; i++) {
        int r = Math.floorMod(w[i], Q);
        int[] d = decompose(r, p.gamma2);
        assertEquals(d[0], r1[i], "HighBits of " + r);
        int hinted = d[1] > 0 ? Math.floorMod(d[0] + 1, m) : Math.floorMod(d[0] - 1, m);
        assertEquals(hinted, MlDsaVerify.useHint(p, w[i]), "UseHint(1, " + r + ")");
      }
    }
  }

  /** FIPS 204 Alg. 36, as written. */
  private static int[] decompose(int r, int gamma2) {
    int rp = Math.floorMod(r, Q);
    int r0 = Math.floorMod(rp, 2 * gamma2);
    if (r0 > gamma2) {
      r0 -= 2 * gamma2; // mod+- : (-gamma2, gamma2]
    }
    if (rp - r0 == Q - 1) {
      return new int[] {0, r0 - 1};
    }
    return new int[] {(rp - r0) / (2 * gamma2), r0};
  }

  @org.junit.jupiter.api.Test
  void nttProduct_equalsSchoolbookProduct() {
    SplittableRandom rnd = new SplittableRandom(204);
    for (int trial = 0; trial < 50; trial++) {
      int[] a = new int[256];
      int[] b = new int[256];
      for (int i = 0; i < 256; i++) {
        a[i] = rnd.nextInt(Q);
        b[i] = rnd.nextInt(-(1 << 19), (1 << 19) + 1); // z-sized coefficients
      }
      long[] expected = new long[256];
      for (int i = 0; i < 256; i++) {
        for (int j = 0; j < 256; j++) {
          long prod = (long) a[i] * b[j] % Q;
          if (i + j < 256) {
            expected[i + j] += prod;
          } else {
            expected[i + j - 256] -= prod; // X^256 = -1
          }
        }
      }
      int[] fa = a.clone();
      int[] fb = b.clone();
      MlDsaNtt.ntt(fa);
      MlDsaNtt.ntt(fb);
      int[] c = new int[256];
      for (int i = 0; i < 256; i++) {
        c[i] = MlDsaNtt.montReduce((long) Math.floorMod(fa[i], Q) * fb[i]);
      }
      MlDsaNtt.invNttToMont(c);
      int[] got = new int[256];
      int[] want = new int[256];
      for (int i = 0; i < 256; i++) {
        got[i] = Math.floorMod(c[i], Q);
        want[i] = (int) Math.floorMod(expected[i], (long) Q);
      }
      assertArrayEquals(want, got, "trial " + trial);
    }
  }
}
