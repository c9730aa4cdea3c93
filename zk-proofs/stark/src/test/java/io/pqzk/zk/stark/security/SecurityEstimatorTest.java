package io.pqzk.zk.stark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityEstimatorTest {

  private static SecurityParams goldilocks(int ext, int blowup, int grinding, long trace) {
    return SecurityParams.builder().fieldBits(64).extensionDegree(ext).blowup(blowup)
        .grindingBits(grinding).traceLength(trace).foldingFactor(8).remainderDegree(31)
        .collisionResistanceBits(128).build();
  }

  /** Minimum query counts from Winterfell's v0.13.1 formulas, kept here as expected rows. */
  @ParameterizedTest(name = "ext {0} blowup {1} grinding {2} trace 2^{3}")
  @CsvSource({
    "2, 4, 16, 10, 124, -1, -1",
    "2, 8, 20, 14, 97, -1, -1",
    "3, 4, 16, 10, 85, 114, 57",
    "3, 4, 20, 14, 81, 112, 55",
    "3, 8, 16, 14, 57, 78, 38",
    "3, 16, 20, 10, 41, 55, 28",
    "3, 16, 20, 14, 41, 57, 28",
  })
  void minQueries_matchesReferenceTable(
      int ext, int blowup, int grinding, int logTrace, int proven100, int proven128, int conj128) {
    SecurityParams p = goldilocks(ext, blowup, grinding, 1L << logTrace);
    assertEquals(opt(proven100), SecurityEstimator.minQueries(p, Metric.PROVEN, 100,
        Model.WINTERFELL));
    assertEquals(opt(proven128), SecurityEstimator.minQueries(p, Metric.PROVEN, 128,
        Model.WINTERFELL));
    assertEquals(opt(conj128), SecurityEstimator.minQueries(p, Metric.CONJECTURED, 128,
        Model.WINTERFELL));
  }

  /** Winterfell counts grinding only once ilog2(blowup) * queries reaches 80 (reference tool). */
  @ParameterizedTest(name = "{0} queries")
  @CsvSource({"79, 78", "80, 99"})
  void conjectured_grindingCountsFrom80QueryBits(int queries, int expected) {
    SecurityParams p = goldilocks(3, 2, 20, 1024).withQueries(queries);
    assertEquals(expected, SecurityEstimator.estimate(p).conjecturedBits());
  }

  @Test
  void minQueries_isTheSmallestCountReachingTheTarget() {
    SecurityParams p = goldilocks(3, 16, 20, 1 << 12);
    int q = SecurityEstimator.minQueries(p, Metric.PROVEN, 100, Model.WINTERFELL).orElseThrow();
    assertTrue(SecurityEstimator.estimate(p.withQueries(q)).provenBits() >= 100);
    assertTrue(SecurityEstimator.estimate(p.withQueries(q - 1)).provenBits() < 100);
  }

  @Test
  void estimate_provenIsTheBetterOfBothRegimes() {
    SecurityLevel s = SecurityEstimator.estimate(goldilocks(3, 16, 20, 1 << 12).withQueries(41));
    assertEquals(Math.max(s.listDecodingBits(), s.uniqueDecodingBits().getAsInt()),
        s.provenBits());
    assertTrue(s.provenBits() >= 100, s.toString());
    assertTrue(s.conjecturedBits() >= 128, s.toString());
    assertTrue(s.proximityParameter() >= 3);
  }

  @Test
  void estimate_legacyModel_hasNoUniqueDecodingBound() {
    SecurityLevel s = SecurityEstimator.estimate(goldilocks(3, 8, 16, 1024).withQueries(80),
        Model.WINTERFELL_LEGACY);
    assertFalse(s.uniqueDecodingBits().isPresent());
    assertThrows(IllegalArgumentException.class, () -> s.bits(Metric.UNIQUE_DECODING));
  }

  @Test
  void params_rejectsNonPowerOfTwoBlowup() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SecurityParams.builder().blowup(6).build());
    assertTrue(e.getMessage().contains("blowup"), e.getMessage());
  }

  @Test
  void params_rejectsTinyTrace() {
    assertThrows(IllegalArgumentException.class,
        () -> SecurityParams.builder().traceLength(4).build());
  }

  @Test
  void winterfellProblems_flagsTooManyQueries() {
    assertTrue(goldilocks(3, 8, 0, 1024).withQueries(300).winterfellProblems()
        .contains("queries must be in 1..255"));
    assertTrue(goldilocks(3, 8, 0, 1024).winterfellProblems().isEmpty());
  }

  /**
   * 600 random configurations (all batching modes, fields of 31 to 252 bits, traces up to 2^24)
   * against the reference tool; see stark-security/README.md. All mismatches are collected.
   */
  @Test
  void estimate_matchesReferenceToolOnRandomConfigurations() throws IOException {
    List<String> failures = new ArrayList<>();
    int rows = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/stark-security/random.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        rows++;
        String[] f = line.split(",");
        SecurityParams p = new SecurityParams(i(f[0]), i(f[1]), i(f[2]), i(f[3]), i(f[4]),
            Long.parseLong(f[5]), i(f[6]), i(f[7]), i(f[8]), i(f[10]), i(f[9]),
            SecurityEstimatorVectorsTest.batching(f[11]),
            SecurityEstimatorVectorsTest.batching(f[12]), 0);
        SecurityLevel cur = SecurityEstimator.estimate(p);
        SecurityLevel old = SecurityEstimator.estimate(p, Model.WINTERFELL_LEGACY);
        String got = cur.conjecturedBits() + "," + cur.listDecodingBits() + ","
            + cur.uniqueDecodingBits().getAsInt() + "," + old.conjecturedBits() + ","
            + old.provenBits();
        String want = String.join(",", f[13], f[14], f[15], f[16], f[17]);
        if (!got.equals(want)) {
          failures.add("line " + (rows + 1) + ": got " + got + " want " + want);
        }
      }
    }
    assertEquals(600, rows);
    assertEquals(List.of(), failures);
  }

  private static int i(String s) {
    return Integer.parseInt(s);
  }

  private static OptionalInt opt(int v) {
    return v < 0 ? OptionalInt.empty() : OptionalInt.of(v);
  }
}
