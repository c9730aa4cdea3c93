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
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void evaluateBase_agreesWithEvaluate_onRandomInputs(ClaimAir air) {
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

  /**
   * A short periodic column (the round constants repeat every 8 rows) evaluated as Q(z^(n/8))
   * equals the interpolation of the column repeated over all n rows, at an extension point and
   * on the prover's coset.
   */
  @Test
  void periodicColumns_shortPeriod_equalsFullInterpolation() {
    ClaimAir air = air(3, new long[] {1, 2, 3, 4});
    int n = air.traceLength();
    long[][] cols = air.periodicColumns();
    Ext3 z = Ext3.of(5, 7, 11);
    Ext3[] at = air.periodicAt(z);
    long[][] coset = air.periodicOnCoset(8 * n, Goldilocks.GENERATOR);
    for (int k = 0; k < cols.length; k++) {
      long[] full = new long[n];
      for (int i = 0; i < n; i++) {
        full[i] = cols[k][i % cols[k].length];
      }
      Ntt.inverse(full);
      assertEquals(Ntt.evaluate(full, z), at[k], "column " + k + " at z");
      long[] lde = Ntt.evaluateOnCoset(full, 8 * n, Goldilocks.GENERATOR);
      assertTrue(java.util.Arrays.equals(lde, coset[k]), "column " + k + " on the coset");
    }
  }

  @Test
  void honestTrace_satisfiesEveryConstraint_andLengthLeavesRandomRows() {
    Random r = new Random(6);
    ClaimFixtures.Fixture f = ClaimFixtures.place(
        ClaimFixtures.record(1001, 1990, 2, 75, 20260115, 3, 7, r), 20, 12345, r);
    ClaimAir air = air(20, StarkRegistryHash.fromBytes(f.root()));
    // 176 hash rows + the 2 * 34 + 6 = 74 points a default proof reveals per column
    assertEquals(256, air.traceLength());
    long[][] t = ClaimTrace.build(air, f.record(), f.path(), new SecureRandom());
    assertNull(StarkProver.firstViolation(air, t));
    assertEquals(80, air.zeroKnowledgeRows());
    assertTrue(air.traceLength() - (air.rootRow() + 1)
        >= StarkProver.revealedPoints(io.pqzk.zk.stark.StarkOptions.DEFAULT));
  }

  /**
   * Every constraint, evaluated on a random trace (columns of degree n - 1) and the real periodic
   * columns, has degree at most its declared degree times (n - 1); the declared maximum is
   * maxDegree(), and the round constraints really reach degree 8 (not over-declared).
   */
  static java.util.stream.Stream<ClaimAir> variants() {
    long[] root = {1, 2, 3, 4};
    io.pqzk.zk.claims.DocumentDigest doc = io.pqzk.zk.claims.DocumentDigest.ofDocument(
        new byte[] {1, 2, 3});
    int rr = StarkProver.revealedPoints(io.pqzk.zk.stark.StarkOptions.DEFAULT);
    return java.util.stream.Stream.of(air(3, root),
        new ClaimAir(3, io.pqzk.zk.claims.RecordSchema.V2, root, POLICY,
            ClaimContext.ofHex("01"), java.util.Optional.empty(), rr),
        new ClaimAir(3, io.pqzk.zk.claims.RecordSchema.V2, root,
            io.pqzk.zk.claims.Policy.none(), ClaimContext.ofHex("01"),
            java.util.Optional.of(doc), rr),
        new ClaimAir(3, io.pqzk.zk.claims.RecordSchema.V2, root, Policy.parse("subject_id==3"
            + " && birth_year>=1985 && birth_year<=1985 && blood_group==4 && fitness>=95"
            + " && vax_date<=20260301 && clearance>=5 && issuer==9"), ClaimContext.ofHex("01"),
            java.util.Optional.of(doc), rr));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("variants")
  void declaredDegrees_boundEveryConstraint(ClaimAir air) {
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
    long[][] pLde = air.periodicOnCoset(big, Goldilocks.GENERATOR);
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
      if (j < air.cAbsorb) {
        assertTrue(top > 7 * (n - 1), "round constraint " + j + " is over-declared");
      }
      max = Math.max(max, deg[j]);
    }
    assertEquals(air.maxDegree(), max);
  }

  static ClaimAir air(int depth, long[] root) {
    return new ClaimAir(depth, io.pqzk.zk.claims.RecordSchema.V1, root, POLICY,
        ClaimContext.ofHex("01"), java.util.Optional.empty(),
        StarkProver.revealedPoints(io.pqzk.zk.stark.StarkOptions.DEFAULT));
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
