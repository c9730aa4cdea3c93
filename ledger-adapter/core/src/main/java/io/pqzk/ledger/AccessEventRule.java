package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.StoredGrant;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.HexFormat;

/**
 * A participant logs that it read a record under a grant. The read is allowed only under the
 * grant's terms, checked in one place ({@link #checkRead}) whoever writes the event: the grant
 * exists, is not revoked, names the reader, covers the record and has not expired by the block's
 * time; the event's purpose is the grant's; the read time lies within the grant's validity (from
 * the time of the block that wrote it to its expiry) and not after the block's time; and the
 * grant's author still has authority over the record (owner, or a delegation in force). Writes
 * no state (the event itself is the record, in the block).
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
    // the author logs its own read; were events written by someone else, they would name the
    // reader, and only that argument would change
    checkRead(tx, draft, tx.body().getAccessEvent(), tx.body().getAuthorKeyId());
  }

  /** Refuses {@code e} unless {@code reader} may have read its record as it says, at this block. */
  static void checkRead(ParsedTransaction tx, BlockDraft draft, AccessEvent e, ByteString reader)
      throws TransactionRejectedException {
    TextFields.require(tx, "access event purpose", e.getPurpose(),
        AccessPolicyRule.MAX_PURPOSE_CHARS);
    byte[] gid = e.getGrantId().toByteArray();
    String grant = "grant " + HEX.formatHex(gid);
    StoredGrant g = AccessPolicyRule.grant(draft, gid);
    if (g == null) {
      throw BlockDraft.reject(tx, "access under unknown " + grant);
    }
    AccessPolicyUpdate p = g.getGrant();
    if (p.getRevoke()) {
      throw BlockDraft.reject(tx, "access under revoked " + grant);
    }
    if (!p.getGranteeKeyId().equals(reader)) {
      throw BlockDraft.reject(tx, "reader is not the grantee of " + grant);
    }
    if (draft.timestamp() > p.getNotAfterMillis()) {
      throw BlockDraft.reject(tx, grant + " expired at " + p.getNotAfterMillis()
          + " (block time " + draft.timestamp() + ")");
    }
    if (!p.getRecordCommitmentsList().contains(e.getRecordCommitment())) {
      throw BlockDraft.reject(tx, grant + " does not cover record "
          + HEX.formatHex(e.getRecordCommitment().toByteArray()));
    }
    if (!e.getPurpose().equals(p.getPurpose())) {
      throw BlockDraft.reject(tx, "access event purpose \"" + Printable.escape(e.getPurpose())
          + "\" is not the purpose of " + grant + " (\"" + Printable.escape(p.getPurpose())
          + "\")");
    }
    long read = e.getReadMillis();
    if (read < g.getWrittenMillis() || read > p.getNotAfterMillis()) {
      throw BlockDraft.reject(tx, "read time " + read + " lies outside the validity of " + grant
          + " (" + g.getWrittenMillis() + " to " + p.getNotAfterMillis() + ")");
    }
    if (read > draft.timestamp()) {
      throw BlockDraft.reject(tx, "read time " + read + " is after the block time "
          + draft.timestamp());
    }
    String why = AccessDelegationRule.authorityProblem(draft, g.getAuthorityKeyId(),
        e.getRecordCommitment());
    if (why != null) {
      throw BlockDraft.reject(tx, grant + " no longer gives access: " + why);
    }
  }
}
