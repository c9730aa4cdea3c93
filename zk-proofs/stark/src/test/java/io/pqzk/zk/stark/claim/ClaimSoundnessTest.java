package io.pqzk.zk.stark.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.claims.RecordSchema;
import io.pqzk.zk.stark.Air;
import io.pqzk.zk.stark.StarkAcceptance;
import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.StarkSecurity;
import io.pqzk.zk.stark.StarkVerifier;
import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.hash.Rpo;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Soundness: for each transition constraint (and the initial-capacity assertion) of two AIRs,
 * a schema-1 eligibility claim and a schema-2 integrity claim (its document limbs public), a trace
 * is doctored so that it violates exactly that constraint and nothing else (checked: the set of
 * violated constraints is exactly the target), a proof is forced through the test-only unchecked
 * prover path, and the verifier must reject it. The public root of the statement is recomputed
 * from the doctored trace, so the root assertion is not what catches the cheat.
 */
class ClaimSoundnessTest {
  static final int DEPTH = 3;
  static final String POLICY =
      "fitness>=70 && vax_date>=20260101 && birth_year<=2008 && issuer==7";
  /** Default parameters without grinding (the rejection must come from the constraint). */
  static final StarkOptions OPT = new StarkOptions(32, 34, 0, 8, 255);
  static final StarkAcceptance NO_FLOOR = StarkAcceptance.of(new StarkSecurity(0, 0), OPT);
  static final SecureRandom RND = new SecureRandom();
  static final int MERGE_ROW = 16; // first merge block input row
  static final DocumentDigest DOC = DocumentDigest.ofDocument("report".getBytes());

  static Stream<Arguments> constraints() {
    List<Arguments> out = new ArrayList<>();
    for (boolean integrity : new boolean[] {false, true}) {
      int count = air(integrity, new long[4]).numConstraints();
      for (int target = -1; target < count; target++) {
        out.add(Arguments.of(integrity ? "integrity" : "schema-1", target));
      }
    }
    return out.stream();
  }

  static ClaimAir air(boolean integrity, long[] root) {
    return new ClaimAir(DEPTH, integrity ? RecordSchema.V2 : RecordSchema.V1, root,
        Policy.parse(POLICY), io.pqzk.zk.claims.ClaimContext.ofHex("0a0b"),
        integrity ? Optional.of(DOC) : Optional.empty(), StarkProver.revealedPoints(OPT));
  }

  @ParameterizedTest(name = "{0}: constraint {1} violated alone is rejected")
  @MethodSource("constraints")
  void verify_traceViolatingOnlyOneConstraint_rejected(String kind, int target) {
    boolean integrity = kind.equals("integrity");
    Random r = new Random(7 + target);
    Record rec = ClaimFixtures.record(1001, 1990, 2, 75, 20260115, 3, 7, r);
    if (integrity) {
      rec = Record.of(rec.attributes(), DOC, rec.salt());
    }
    ClaimFixtures.Fixture f = ClaimFixtures.place(rec, DEPTH, 2, r);
    ClaimAir air0 = air(integrity, StarkRegistryHash.fromBytes(f.root()));
    long[][] t = ClaimTrace.build(air0, f.record(), f.path(), RND);
    doctor(air0, t, target);
    long[] root = new long[4];
    for (int i = 0; i < 4; i++) {
      root[i] = t[4 + i][air0.rootRow()];
    }
    ClaimAir air = air(integrity, root);
    TreeSet<Integer> v = violations(air, t);
    assertEquals(new TreeSet<>(List.of(target)), v, "doctored trace must violate only " + target);
    byte[] proof = StarkProver.proveUncheckedForTesting(air, t, OPT, RND);
    ProofRejectedException e = assertThrows(ProofRejectedException.class,
        () -> StarkVerifier.verify(air, proof, NO_FLOOR));
    assertTrue(e.getMessage().contains("out-of-domain") || e.getMessage().contains("FRI"),
        e.getMessage());
  }

  /** -1 stands for the assertion capacity[0] = element count at row 0. */
  static void doctor(ClaimAir air, long[][] t, int target) {
    long delta = 12345;
    if (target == -1) {
      t[0][0] = Goldilocks.add(t[0][0], delta);
      recomputeFrom(air, t, 0);
    } else if (target < air.cAbsorb) {
      // shift the last row along MDS column i: only round constraint i sees it
      int row = air.rootRow();
      for (int c = 0; c < 12; c++) {
        t[c][row] = Goldilocks.add(t[c][row], Goldilocks.mul(Rpo.mds(c, target), delta));
      }
    } else if (target < air.cDocument) {
      int col = air.unchangedColumns()[target - air.cAbsorb];
      t[col][8] = Goldilocks.add(t[col][8], delta);
      recomputeFrom(air, t, 8);
    } else if (target < air.cMergeCap) {
      // a document limb other than the public one
      int col = Rpo.RATE_START + 1 + (target - air.cDocument);
      t[col][8] = Goldilocks.add(t[col][8], delta);
      recomputeFrom(air, t, 8);
    } else if (target < air.cMergeDigest) {
      int col = target - air.cMergeCap;
      t[col][MERGE_ROW] = Goldilocks.add(t[col][MERGE_ROW], delta);
      recomputeFrom(air, t, MERGE_ROW);
    } else if (target < air.cBool) {
      int i = target - air.cMergeDigest;
      int bit = (int) t[ClaimAir.COL_BIT][MERGE_ROW];
      int col = (bit == 0 ? 4 : 8) + i;
      t[col][MERGE_ROW] = Goldilocks.add(t[col][MERGE_ROW], delta);
      recomputeFrom(air, t, MERGE_ROW);
    } else if (target == air.cBool) {
      // b = 2 with both rate halves equal to the digest satisfies the selection constraint
      for (int i = 0; i < 4; i++) {
        long d = t[4 + i][MERGE_ROW - 1];
        t[4 + i][MERGE_ROW] = d;
        t[8 + i][MERGE_ROW] = d;
      }
      t[ClaimAir.COL_BIT][MERGE_ROW] = 2;
      recomputeFrom(air, t, MERGE_ROW);
    } else if (target < air.cRange) {
      int j = target - air.cLink;
      if (air.slotOp(j) == Predicate.Op.EQ) {
        // acc[0] = 0 is asserted: change the hashed attribute instead (and the root with it)
        int col = 4 + air.slotAttribute(j);
        t[col][0] = Goldilocks.add(t[col][0], 1);
        recomputeFrom(air, t, 0);
        return;
      }
      long acc0 = t[ClaimAir.COL_ACC + j][0] + 1; // a different, still 32-bit, value
      for (int i = 0; i <= ClaimAir.RANGE_BITS; i++) {
        t[ClaimAir.COL_ACC + j][i] = acc0 >>> i;
      }
    } else {
      int j = target - air.cRange;
      t[ClaimAir.COL_ACC + j][1] = Goldilocks.add(t[ClaimAir.COL_ACC + j][1], 1);
      // keep later steps boolean: row 1 now decomposes to acc[1]+1 = 2 acc[2] + (bit + 1)
      long a1 = t[ClaimAir.COL_ACC + j][1];
      for (int i = 2; i <= ClaimAir.RANGE_BITS; i++) {
        t[ClaimAir.COL_ACC + j][i] = a1 >>> (i - 1);
      }
      t[ClaimAir.COL_ACC + j][ClaimAir.RANGE_BITS] = 0;
    }
  }

  /** Recomputes the honest hash rows after {@code row}, keeping salts, limbs, siblings and bits. */
  static void recomputeFrom(ClaimAir air, long[][] t, int row) {
    long[] absorbed = new long[12]; // what block 1 adds to each rate cell, as built
    for (int c = Rpo.RATE_START; c < 12; c++) {
      absorbed[c] = Goldilocks.sub(t[c][8], t[c][7]);
    }
    for (int c : air.unchangedColumns()) {
      absorbed[c] = 0;
    }
    for (int i = row; i < air.rootRow(); i++) {
      long[] cur = new long[12];
      for (int c = 0; c < 12; c++) {
        cur[c] = t[c][i];
      }
      long[] next;
      if (i % 8 != 7) {
        next = cur.clone();
        Rpo.round(next, i % 8);
      } else if (i == 7) {
        next = cur.clone();
        for (int c = 0; c < 12; c++) {
          next[c] = Goldilocks.add(next[c], absorbed[c]);
        }
      } else {
        int bit = (int) t[ClaimAir.COL_BIT][i + 1];
        next = new long[12];
        next[0] = 8;
        for (int k = 0; k < 4; k++) {
          long sib = t[(bit == 0 ? 8 : 4) + k][i + 1];
          next[(bit == 0 ? 4 : 8) + k] = cur[4 + k];
          next[(bit == 0 ? 8 : 4) + k] = sib;
        }
      }
      for (int c = 0; c < 12; c++) {
        t[c][i + 1] = next[c];
      }
    }
  }

  /** Indices of violated transition constraints; -1 for any violated assertion. */
  static TreeSet<Integer> violations(ClaimAir air, long[][] t) {
    TreeSet<Integer> v = new TreeSet<>();
    long[][] per = air.periodicColumns();
    Ext3[] cur = new Ext3[air.width()];
    Ext3[] next = new Ext3[air.width()];
    Ext3[] p = new Ext3[per.length];
    Ext3[] out = new Ext3[air.numConstraints()];
    for (int i = 0; i + 1 < air.traceLength(); i++) {
      for (int c = 0; c < air.width(); c++) {
        cur[c] = Ext3.base(t[c][i]);
        next[c] = Ext3.base(t[c][i + 1]);
      }
      for (int k = 0; k < per.length; k++) {
        p[k] = Ext3.base(per[k][i % per[k].length]);
      }
      air.evaluate(cur, next, p, out);
      for (int j = 0; j < out.length; j++) {
        if (!out[j].isZero()) {
          v.add(j);
        }
      }
    }
    for (Air.Assertion a : air.assertions()) {
      if (t[a.column()][a.row()] != a.value()) {
        v.add(-1);
      }
    }
    return v;
  }
}
