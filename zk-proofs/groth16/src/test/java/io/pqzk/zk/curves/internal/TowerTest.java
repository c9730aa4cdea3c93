package io.pqzk.zk.curves.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tower identities the pairing relies on, on random elements. */
class TowerTest {
  private static Tower tower(String curve) {
    boolean bn = curve.equals("bn254");
    BigInteger p =
        new BigInteger(
            bn
                ? "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"
                : "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
            16);
    Fp fp = new Fp(p);
    Fp2Field f2 = new Fp2Field(fp);
    return new Tower(f2, bn ? 9 : 1);
  }

  private static Fp12 random(Tower t, Random rnd) {
    Fp2[] g = new Fp2[6];
    BigInteger p = t.fp.modulus();
    for (int i = 0; i < 6; i++) {
      g[i] = t.f2.of(new BigInteger(p.bitLength() + 16, rnd).mod(p), new BigInteger(p.bitLength() + 16, rnd).mod(p));
    }
    return t.fromW(g[0], g[1], g[2], g[3], g[4], g[5]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bn254", "bls12_381"})
  void cyclotomicSqr_equalsSqr_onCyclotomicSubgroupOnly(String curve) {
    Tower t = tower(curve);
    Random rnd = new Random(7);
    for (int i = 0; i < 10; i++) {
      Fp12 f = random(t, rnd);
      Fp12 m = t.mul(t.conj(f), t.inv(f));
      m = t.mul(t.frobenius(m, 2), m);
      assertTrue(t.eq(t.sqr(m), t.cyclotomicSqr(m)));
      // outside the subgroup the shortcut is wrong: the test can fail
      assertFalse(t.eq(t.sqr(f), t.cyclotomicSqr(f)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bn254", "bls12_381"})
  void frobenius_equalsPowerP_andInverseIsInverse(String curve) {
    Tower t = tower(curve);
    Random rnd = new Random(8);
    Fp12 f = random(t, rnd);
    Fp12 pow = t.one();
    BigInteger p = t.fp.modulus();
    for (int i = p.bitLength() - 1; i >= 0; i--) {
      pow = t.sqr(pow);
      if (p.testBit(i)) {
        pow = t.mul(pow, f);
      }
    }
    assertTrue(t.eq(pow, t.frobenius(f, 1)));
    assertTrue(t.eq(t.frobenius(t.frobenius(f, 1), 1), t.frobenius(f, 2)));
    assertTrue(t.eq(t.frobenius(t.frobenius(f, 2), 1), t.frobenius(f, 3)));
    assertTrue(t.isOne(t.mul(f, t.inv(f))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bn254", "bls12_381"})
  void sparseLineMultiplication_equalsFullMultiplication(String curve) {
    Tower t = tower(curve);
    Random rnd = new Random(9);
    Fp12 f = random(t, rnd);
    Fp12 l = random(t, rnd);
    Fp2 a = l.c0.c0;
    Fp2 b = l.c1.c0;
    Fp2 c = l.c1.c1;
    assertTrue(t.eq(t.mul(f, t.fromW(a, b, null, c, null, null)), t.mulByLine013(f, a, b, c)));
    assertTrue(t.eq(t.mul(f, t.fromW(a, null, b, c, null, null)), t.mulByLine023(f, a, b, c)));
  }
}
