package io.pqzk.zk.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
