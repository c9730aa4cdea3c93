package io.pqzk.zk.stark.claim;

import io.pqzk.zk.stark.field.Ntt;
import io.pqzk.zk.stark.StarkProver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClaimAirTest {
  static final Policy POLICY = Policy.parse("fitness>=70 && birth_year<=2008 && issuer==7");

  /** The prover's fast base-field evaluation must agree with the verifier's extension one. */
  @Test
  void evaluateBase_agreesWithEvaluate_onRandomInputs() {
    ClaimAir air = new ClaimAir(3, new long[] {1, 2, 3, 4}, POLICY, ClaimContext.ofHex("01"));
    Random r = new Random(5);
    int np = air.periodicColumns().length;
    for (int trial = 0; trial < 200; trial++) {
      long[] cur = rnd(r, air.width());
      long[] next = rnd(r, air.width());
      long[] per = rnd(r, np);
      long[] outB = new long[air.numConstraints()];
      air.evaluateBase(cur, next, per, outB);
      Ext3[] outE = new Ext3[air.numConstraints()];
      air.evaluate(ext(cur), ext(next), ext(per), outE);
      for (int j = 0; j < outB.length; j++) {
        assertEquals(Ext3.base(outB[j]), outE[j], "constraint " + j);
      }
    }
  }

  @Test
  void honestTrace_satisfiesEveryConstraint_andLengthLeavesRandomRows() {
    Random r = new Random(6);
    ClaimFixtures.Fixture f = ClaimFixtures.place(
        ClaimFixtures.record(1001, 1990, 2, 75, 20260115, 3, 7, r), 20, 12345, r);
    ClaimAir air = new ClaimAir(20, StarkRegistryHash.fromBytes(f.root()), POLICY,
        ClaimContext.ofHex("01"));
    assertEquals(512, air.traceLength()); // 176 hash rows + at least 96 random rows
    long[][] t = ClaimTrace.build(air, f.record(), f.path(), new SecureRandom());
    assertNull(StarkProver.firstViolation(air, t));
    assertEquals(true, air.traceLength() - (air.rootRow() + 1) >= ClaimAir.MIN_RANDOM_ROWS);
  }

  /**
   * Every constraint, evaluated on a random trace (columns of degree n - 1) and the real periodic
   * columns, has degree at most its declared degree times (n - 1); the declared maximum is
   * maxDegree(), and the round constraints really reach degree 8 (not over-declared).
   */
  @Test
  void declaredDegrees_boundEveryConstraint() {
    ClaimAir air = new ClaimAir(3, new long[] {1, 2, 3, 4}, POLICY, ClaimContext.ofHex("01"));
    int n = air.traceLength();
    int big = 16 * n;
    Random r = new Random(8);
    long[][] tLde = new long[air.width()][];
    for (int c = 0; c < air.width(); c++) {
      long[] col = rnd(r, n);
      io.pqzk.zk.stark.field.Ntt.inverse(col);
      tLde[c] = io.pqzk.zk.stark.field.Ntt.evaluateOnCoset(col, big, Goldilocks.GENERATOR);
    }
    long[][] pc = air.periodicCoefficients();
    long[][] pLde = new long[pc.length][];
    for (int k = 0; k < pc.length; k++) {
      pLde[k] = io.pqzk.zk.stark.field.Ntt.evaluateOnCoset(pc[k], big, Goldilocks.GENERATOR);
    }
    int nc = air.numConstraints();
    long[][] vals = new long[nc][big];
    long[] cur = new long[air.width()];
    long[] next = new long[air.width()];
    long[] per = new long[pc.length];
    long[] out = new long[nc];
    for (int i = 0; i < big; i++) {
      for (int c = 0; c < cur.length; c++) {
        cur[c] = tLde[c][i];
        next[c] = tLde[c][(i + 16) % big];
      }
      for (int k = 0; k < per.length; k++) {
        per[k] = pLde[k][i];
      }
      air.evaluateBase(cur, next, per, out);
      for (int j = 0; j < nc; j++) {
        vals[j][i] = out[j];
      }
    }
    int[] deg = air.degrees();
    int max = 0;
    for (int j = 0; j < nc; j++) {
      long[] co = io.pqzk.zk.stark.field.Ntt.interpolateCoset(vals[j], Goldilocks.GENERATOR);
      int top = co.length - 1;
      while (top > 0 && co[top] == 0) {
        top--;
      }
      assertTrue(top <= deg[j] * (n - 1), "constraint " + j + " has degree " + top
          + " above its declared " + deg[j] + " * (n - 1)");
      if (j < ClaimAir.C_ABSORB) {
        assertTrue(top > 7 * (n - 1), "round constraint " + j + " is over-declared");
      }
      max = Math.max(max, deg[j]);
    }
    assertEquals(air.maxDegree(), max);
  }

  static long[] rnd(Random r, int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = Goldilocks.reduce(r.nextLong());
    }
    return v;
  }

  static Ext3[] ext(long[] v) {
    Ext3[] e = new Ext3[v.length];
    for (int i = 0; i < v.length; i++) {
      e[i] = Ext3.base(v[i]);
    }
    return e;
  }
}
