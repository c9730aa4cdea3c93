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

  /** The default: the claim STARK's own set, classical figures and the post-quantum estimate. */
  @Test
  void security_defaults_stateClassicalAndPostQuantumWithTheBasis() {
    CliRun r = CliRun.of("claim", "security");
    assertEquals(Main.OK, r.exit(), r.toString());
    String out = r.out();
    assertTrue(out.contains("blowup 32, 34 queries, grinding 16, trace 256"), out);
    assertTrue(out.contains("conjectured=128 proven=100"), out);
    assertTrue(out.contains("post_quantum_conjectured=85 post_quantum_proven=50"), out);
    assertTrue(out.contains("do NOT hold against a quantum adversary"), out);
    for (String basis : new String[] {"quantum query soundness", "Grover on grinding",
        "quantum collision search"}) {
      assertTrue(out.contains(basis), basis + " missing: " + out);
    }
  }

  @Test
  void badParameter_exits2() {
    CliRun r = CliRun.of("claim", "security", "--blowup", "6");
    assertEquals(Main.BAD_INPUT, r.exit(), r.toString());
    assertTrue(r.err().contains("blowup"), r.err());
  }
}
