package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.StoredGrant;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.HexFormat;

/**
 * An authority grants (or revokes) a participant's access to registered records: each record
 * must be the author's own or delegated to it ({@link AccessDelegationRule#authorityProblem});
 * a grant has a purpose (printable, capped) and an expiry after the block that writes it. A grant
 * belongs to the authority that first wrote it: only it may update or revoke it. A revocation
 * keeps the withdrawn terms; writing the grant again in full reinstates it. The grant as it
 * stands is valid from the timestamp of the block that last wrote its terms. State: {@code 'G' +
 * grant id -> StoredGrant}.
 */
public final class AccessPolicyRule implements TransactionRule {
  static final byte PREFIX = 'G';
  static final int GRANT_ID_BYTES = 16;
  /** Longest purpose of a grant or an access event, e.g. {@code treatment}. */
  static final int MAX_PURPOSE_CHARS = 64;
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.ACCESS_POLICY_UPDATE;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.AUTHORITY;
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  /** The grant as it stands in {@code state}, or null. */
  public static StoredGrant grant(ChainState state, byte[] grantId) {
    return decode(state.get(StateKeys.key(PREFIX, grantId)));
  }

  static StoredGrant grant(BlockDraft draft, byte[] grantId) {
    return decode(draft.get(StateKeys.key(PREFIX, grantId)));
  }

  private static StoredGrant decode(byte[] v) {
    try {
      return v == null ? null : StoredGrant.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged grant record", e);
    }
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    AccessPolicyUpdate g = tx.body().getAccessPolicyUpdate();
    byte[] gid = g.getGrantId().toByteArray();
    if (gid.length != GRANT_ID_BYTES) {
      throw BlockDraft.reject(tx, "grant id is " + gid.length + " bytes, expected "
          + GRANT_ID_BYTES);
    }
    ByteString author = tx.body().getAuthorKeyId();
    StoredGrant old = grant(draft, gid);
    if (old != null && !old.getAuthorityKeyId().equals(author)) {
      throw BlockDraft.reject(tx, "grant " + HEX.formatHex(gid) + " belongs to another authority");
    }
    StoredGrant.Builder s;
    if (g.getRevoke()) {
      if (!g.equals(AccessPolicyUpdate.newBuilder().setGrantId(g.getGrantId()).setRevoke(true)
          .build())) {
        throw BlockDraft.reject(tx, "a grant revocation carries nothing but grant_id");
      }
      if (old == null) {
        throw BlockDraft.reject(tx, "no grant " + HEX.formatHex(gid) + " to revoke");
      }
      s = old.toBuilder().setGrant(old.getGrant().toBuilder().setRevoke(true));
    } else {
      TextFields.require(tx, "grant purpose", g.getPurpose(), MAX_PURPOSE_CHARS);
      if (g.getNotAfterMillis() <= draft.timestamp()) {
        throw BlockDraft.reject(tx, "grant expiry " + g.getNotAfterMillis()
            + " is not after the block time " + draft.timestamp());
      }
      Genesis.Author grantee = draft.genesis().author(g.getGranteeKeyId().toByteArray());
      if ((grantee == null || grantee.role() != Genesis.Role.PARTICIPANT)
          && !ReaderRegistrationRule.isLive(draft::get, g.getGranteeKeyId())) {
        throw BlockDraft.reject(tx, "grantee " + HEX.formatHex(g.getGranteeKeyId().toByteArray())
            + " is neither a participant in the genesis nor a registered reader");
      }
      for (ByteString c : g.getRecordCommitmentsList()) {
        String why = AccessDelegationRule.authorityProblem(draft, author, c);
        if (why != null) {
          throw BlockDraft.reject(tx, "grant may not cover record: " + why);
        }
      }
      s = StoredGrant.newBuilder().setAuthorityKeyId(author).setGrant(g)
          .setWrittenMillis(draft.timestamp());
    }
    draft.put(StateKeys.key(PREFIX, gid), s.setHeight(draft.height()).build().toByteArray());
  }
}
