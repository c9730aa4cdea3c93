package io.pqzk.ledger.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.TransactionRejectedException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Transactions through the engine's admission path ({@code Ledger.submit}): {@link
 * BlockRules#parseTransaction}, the state rules of a draft of block 2 over the fixture chain, the
 * signature, then any claim proof. A transaction is admitted only if its body is one a genesis
 * member really signed; anything else is refused with {@link TransactionRejectedException} whose
 * message is one printable line.
 */
class TransactionFuzzTest {
  private static Set<String> genuine;

  private static synchronized Set<String> genuine(LedgerFixture f) {
    if (genuine == null) {
      genuine = Stream.of(LedgerFixture.TRANSACTIONS).map(n -> {
        try {
          return f.rules.parseTransaction(LedgerFixture.resource("tx/" + n + ".bin")).idHex();
        } catch (TransactionRejectedException e) {
          throw new IllegalStateException("fixture transaction " + n + " does not parse", e);
        }
      }).collect(Collectors.toUnmodifiableSet());
    }
    return genuine;
  }

  @FuzzTest
  @Timeout(20)
  void admit(byte[] input) {
    LedgerFixture f = LedgerFixture.get();
    Set<String> signed = genuine(f);
    ParsedTransaction tx;
    try {
      tx = f.rules.parseTransaction(input);
      BlockDraft draft = f.rules.draft(f.state, f.state.headTimestamp() + 1000);
      draft.admit(tx);
      f.rules.verifySignature(tx);
      BlockDraft.verifyProofs(draft.proofChecks());
    } catch (TransactionRejectedException refused) {
      LedgerFixture.printable(refused);
      return;
    }
    if (!signed.contains(tx.idHex())) {
      throw new AssertionError("admitted a transaction nobody signed: " + tx.idHex());
    }
  }
}
