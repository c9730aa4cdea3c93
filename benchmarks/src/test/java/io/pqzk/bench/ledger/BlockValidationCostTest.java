package io.pqzk.bench.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The block-validation harness counts what it claims to: every signature a block carries (its
 * transactions', the proposer's ML-DSA and SLH-DSA block signatures, one commit certificate
 * signature per validator) is verified on the single-thread side, and every measured block is
 * validated. No timing is asserted.
 */
class BlockValidationCostTest {
  @Test
  void measure_coversEverySignatureOfEveryBlockButTheFirst() throws Exception {
    int validators = 3;
    int tx = 5;
    BenchChain chain = new BenchChain(3, tx, validators, 1);
    List<String> blocks = BlockValidationCost.describe(chain);
    String expected = (tx + 2 + validators) + " signatures = " + tx + " transactions + 2 block"
        + " signatures + " + validators + " commit certificate signatures";
    assertEquals(List.of("1: " + expected, "2: " + expected), blocks);
    BlockValidationCost.Round r = BlockValidationCost.measure(chain);
    assertEquals(2, r.blocks());
    assertEquals(2 * (tx + 2 + validators), r.signatures());
    assertTrue(r.singleCpu() > 0 && r.validateCpu() > 0 && r.validateWall() > 0, r.toString());
  }
}
