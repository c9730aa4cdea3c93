package io.pqzk.fhir.anomaly;

import io.pqzk.fhir.audit.ChainEvent;
import io.pqzk.fhir.audit.ChainEvents;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.proto.CustodianAccess;
import io.pqzk.ledger.proto.TransactionBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** The custodian decisions final on a chain, as {@link Access}es for the detector. */
public final class AccessLog {
  private AccessLog() {}

  /** Every CustodianAccess of the final blocks, a break-glass one marked if reviewed. */
  public static List<Access> read(ChainEvents chain) throws IOException, LedgerException {
    List<ChainEvent> events = chain.scan(0, e -> e.body().getPayloadCase()
        == TransactionBody.PayloadCase.CUSTODIAN_ACCESS
        || e.body().getPayloadCase() == TransactionBody.PayloadCase.BREAK_GLASS_REVIEW);
    HexFormat hex = HexFormat.of();
    Set<String> reviewed = new HashSet<>();
    for (ChainEvent e : events) {
      if (e.body().hasBreakGlassReview()) {
        reviewed.add(hex.formatHex(e.body().getBreakGlassReview().getEventTransactionId()
            .toByteArray()));
      }
    }
    List<Access> out = new ArrayList<>();
    for (ChainEvent e : events) {
      if (!e.body().hasCustodianAccess()) {
        continue;
      }
      CustodianAccess a = e.body().getCustodianAccess();
      Access.Outcome o = switch (a.getOutcome()) {
        case RELEASED -> Access.Outcome.RELEASED;
        case BREAK_GLASS -> Access.Outcome.BREAK_GLASS;
        default -> Access.Outcome.DENIED;
      };
      out.add(new Access(hex.formatHex(a.getReaderKeyId().toByteArray()),
          hex.formatHex(a.getRecordCommitment().toByteArray()), a.getReadMillis(), o,
          reviewed.contains(e.transactionHex())));
    }
    return out;
  }
}
