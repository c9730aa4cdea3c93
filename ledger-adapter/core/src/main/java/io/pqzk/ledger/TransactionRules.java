package io.pqzk.ledger;

import io.pqzk.ledger.proto.TransactionBody;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every transaction kind's rule. Consensus code: the list is fixed at build time (no plug-in may
 * add a rule, or two nodes with different class paths would disagree on validity).
 */
final class TransactionRules {
  static final List<TransactionRule> ALL = List.of(
      new RecordRegistrationRule(),
      new AccessPolicyRule(),
      new AccessEventRule(),
      new AccessDelegationRule(),
      new ClaimRule(),
      new ValidatorSetRule(),
      new ReaderRegistrationRule(),
      new RecordCustodyRule(),
      new ConsentRule(),
      new CustodianAccessRule(),
      new BreakGlassReviewRule(),
      new RecordPurgeRule());

  private static final Map<TransactionBody.PayloadCase, TransactionRule> BY_KIND = index();

  private TransactionRules() {}

  private static Map<TransactionBody.PayloadCase, TransactionRule> index() {
    Map<TransactionBody.PayloadCase, TransactionRule> m =
        new EnumMap<>(TransactionBody.PayloadCase.class);
    for (TransactionRule r : ALL) {
      if (m.put(r.kind(), r) != null) {
        throw new IllegalStateException("two rules for " + r.kind());
      }
    }
    return m;
  }

  /** The rule of {@code kind}, or null (no payload, or a kind this build does not know). */
  static TransactionRule of(TransactionBody.PayloadCase kind) {
    return BY_KIND.get(kind);
  }
}
