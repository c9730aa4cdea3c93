package io.pqzk.ledger;

import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.StoredGrant;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.HexFormat;

/**
 * A participant logs that it read a record under a grant: the grant must exist, name this
 * reader, cover the record, not be revoked, and not have expired by the block's time. Writes no
 * state (the event itself is the record, in the block).
 */
public final class AccessEventRule implements TransactionRule {
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.ACCESS_EVENT;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.PARTICIPANT;
  }

  @Override
  public byte statePrefix() {
    return 0;
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    AccessEvent e = tx.body().getAccessEvent();
    byte[] gid = e.getGrantId().toByteArray();
    StoredGrant g = AccessPolicyRule.grant(draft, gid);
    if (g == null) {
      throw BlockDraft.reject(tx, "access under unknown grant " + HEX.formatHex(gid));
    }
    AccessPolicyUpdate p = g.getGrant();
    if (p.getRevoke()) {
      throw BlockDraft.reject(tx, "access under revoked grant " + HEX.formatHex(gid));
    }
    if (!p.getGranteeKeyId().equals(tx.body().getAuthorKeyId())) {
      throw BlockDraft.reject(tx, "reader is not the grantee of grant " + HEX.formatHex(gid));
    }
    if (draft.timestamp() > p.getNotAfterMillis()) {
      throw BlockDraft.reject(tx, "grant " + HEX.formatHex(gid) + " expired at "
          + p.getNotAfterMillis());
    }
    if (!p.getRecordCommitmentsList().contains(e.getRecordCommitment())) {
      throw BlockDraft.reject(tx, "grant " + HEX.formatHex(gid) + " does not cover record "
          + HEX.formatHex(e.getRecordCommitment().toByteArray()));
    }
    if (e.getReadMillis() <= 0) {
      throw BlockDraft.reject(tx, "access event has no read time");
    }
  }
}
