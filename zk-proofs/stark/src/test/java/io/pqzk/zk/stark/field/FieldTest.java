package io.pqzk.zk.stark.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FieldTest {
  static final BigInteger P = new BigInteger("18446744069414584321");

  static long canon(long v) {
    return Long.remainderUnsigned(v, Goldilocks.P);
  }

  static BigInteger big(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  @Property(tries = 2000)
  void mulAddSub_matchBigInteger(@ForAll long x, @ForAll long y) {
    long a = canon(x);
    long b = canon(y);
    assertEquals(big(a).multiply(big(b)).mod(P), big(Goldilocks.mul(a, b)));
    assertEquals(big(a).add(big(b)).mod(P), big(Goldilocks.add(a, b)));
    assertEquals(big(a).subtract(big(b)).mod(P), big(Goldilocks.sub(a, b)));
  }

  @Test
  void mul_edgeValues_matchBigInteger() {
    long[] edge = {0, 1, 2, Goldilocks.P - 1, Goldilocks.P - 2, 0xFFFF_FFFFL, 1L << 32,
        (1L << 63), 0xFFFF_FFFE_FFFF_FFFFL};
    for (long a : edge) {
      for (long b : edge) {
        long ca = canon(a);
        long cb = canon(b);
        assertEquals(big(ca).multiply(big(cb)).mod(P), big(Goldilocks.mul(ca, cb)));
        assertEquals(big(ca).add(big(cb)).mod(P), big(Goldilocks.add(ca, cb)));
      }
    }
  }

  @Test
  void isCanonical_rejectsP() {
    assertFalse(Goldilocks.isCanonical(Goldilocks.P));
    assertFalse(Goldilocks.isCanonical(-1L));
    assertTrue(Goldilocks.isCanonical(Goldilocks.P - 1));
  }

  @Test
  void rootOfUnity_hasExactOrder() {
    long w = Goldilocks.rootOfUnity(32);
    assertEquals(1, Goldilocks.pow(w, 1L << 32));
    assertEquals(Goldilocks.P - 1, Goldilocks.pow(w, 1L << 31));
  }

  @Test
  void ext3_inverseAndDistributivity() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      Ext3 a = Ext3.of(canon(r.nextLong()), canon(r.nextLong()), canon(r.nextLong()));
      Ext3 b = Ext3.of(canon(r.nextLong()), canon(r.nextLong()), canon(r.nextLong()));
      Ext3 c = Ext3.of(canon(r.nextLong()), canon(r.nextLong()), canon(r.nextLong()));
      assertEquals(Ext3.ONE, a.mul(a.inv()));
      assertEquals(a.mul(b.add(c)), a.mul(b).add(a.mul(c)));
      assertEquals(a.mul(b).mul(c), a.mul(b.mul(c)));
    }
    // x^3 = x + 1
    Ext3 x = Ext3.of(0, 1, 0);
    assertEquals(Ext3.of(1, 1, 0), x.mul(x).mul(x));
    // Frobenius order: a^(p^3) = a, checked as a^(p^3 - 1) = 1 through three p-th powers
    Ext3 a = Ext3.of(5, 7, 11);
    Ext3 f = a.pow(Goldilocks.P).pow(Goldilocks.P).pow(Goldilocks.P);
    assertEquals(a, f);
    assertFalse(a.pow(Goldilocks.P).equals(a), "x^3 - x - 1 must be irreducible");
  }

  @Test
  void ntt_roundTripAndCosetEvaluation() {
    SplittableRandom r = new SplittableRandom(2);
    long[] coeffs = new long[64];
    for (int i = 0; i < coeffs.length; i++) {
      coeffs[i] = canon(r.nextLong());
    }
    long shift = Goldilocks.GENERATOR;
    long[] ev = Ntt.evaluateOnCoset(coeffs, 256, shift);
    long w = Goldilocks.rootOfUnity(8);
    for (int i : new int[] {0, 1, 77, 255}) {
      long x = Goldilocks.mul(shift, Goldilocks.pow(w, i));
      assertEquals(Ntt.evaluate(coeffs, Ext3.base(x)), Ext3.base(ev[i]));
    }
    long[] back = Ntt.interpolateCoset(ev, shift);
    for (int i = 0; i < 256; i++) {
      assertEquals(i < 64 ? coeffs[i] : 0, back[i]);
    }
  }
}
