package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected figures: Winterfell's estimator formulas (v0.13.1) evaluated on the same inputs. */
class ClaimSecurityCommandTest {

  @Test
  void security_explicitParameters_matchReferenceTool() {
    CliRun r = CliRun.of("claim", "security", "--blowup", "16", "--queries", "41", "--grinding",
        "20", "--trace-len", "256", "--folding", "8", "--remainder-degree", "31");
    assertEquals(Main.OK, r.exit(), r.toString());
    assertTrue(r.out().contains("conjectured=128 proven=101"), r.out());
  }

  @Test
  void minQueries_matchesReferenceTool() {
    CliRun r = CliRun.of("claim", "security", "--blowup", "8", "--grinding", "16",
        "--trace-len", "1024", "--min-queries", "100");
    assertEquals(Main.OK, r.exit(), r.toString());
    assertTrue(r.out().contains(
        "min_queries_for_100_bits: conjectured=29 proven=57 list_decoding=57 unique_decoding=102"),
        r.out());
  }

  @Test
  void badParameter_exits2() {
    CliRun r = CliRun.of("claim", "security", "--blowup", "6");
    assertEquals(Main.BAD_INPUT, r.exit(), r.toString());
    assertTrue(r.err().contains("blowup"), r.err());
  }
}
