package io.pqzk.ledger.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.MalformedInputException;
import org.junit.jupiter.api.Timeout;

/**
 * Genesis files ({@code pqzk-genesis/v2} JSON) through {@link Genesis#parse}, as {@code Ledger}
 * and {@code pqzk chain verify} load them: parsed and checked, or refused with {@link
 * MalformedInputException} whose message is one printable line (the chain id and member names
 * it may echo come from the file).
 */
class GenesisFuzzTest {
  @FuzzTest
  @Timeout(20)
  void parse(byte[] input) {
    try {
      Genesis g = Genesis.parse(input);
      g.commitSigners();
    } catch (MalformedInputException refused) {
      LedgerFixture.printable(refused);
    }
  }
}
