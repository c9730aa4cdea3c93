package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.ledger.proto.TransactionBody;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule list: one rule per payload kind, each writing under a prefix no one else uses. */
class TransactionRulesTest {
  @Test
  void statePrefixes_distinctFromEachOtherAndFromTheChainStates() {
    Set<Byte> taken = new HashSet<>(Set.of(StateKeys.META, StateKeys.BLOCK, StateKeys.TX,
        StateKeys.LOCAL));
    assertEquals(4, taken.size(), "the chain state's own prefixes are distinct");
    for (TransactionRule r : TransactionRules.ALL) {
      if (r.statePrefix() != 0) {
        assertTrue(taken.add(r.statePrefix()), r.getClass().getSimpleName() + "'s prefix '"
            + (char) r.statePrefix() + "' is already used");
      }
    }
  }

  @Test
  void everyPayloadKind_hasExactlyOneRule() {
    for (TransactionBody.PayloadCase k : TransactionBody.PayloadCase.values()) {
      if (k != TransactionBody.PayloadCase.PAYLOAD_NOT_SET) {
        assertNotNull(TransactionRules.of(k), "no rule for " + k);
        assertEquals(k, TransactionRules.of(k).kind());
      }
    }
    assertEquals(TransactionBody.PayloadCase.values().length - 1, TransactionRules.ALL.size());
  }
}
