package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.StoredGrant;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.HexFormat;

/**
 * An authority grants (or revokes) a participant's access to registered records. A grant
 * belongs to the authority that first wrote it: only it may update or revoke it. State:
 * {@code 'G' + grant id -> StoredGrant}.
 */
public final class AccessPolicyRule implements TransactionRule {
  static final byte PREFIX = 'G';
  static final int GRANT_ID_BYTES = 16;
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
    Genesis.Author grantee = draft.genesis().author(g.getGranteeKeyId().toByteArray());
    if (grantee == null || grantee.role() != Genesis.Role.PARTICIPANT) {
      throw BlockDraft.reject(tx, "grantee " + HEX.formatHex(g.getGranteeKeyId().toByteArray())
          + " is not a participant in the genesis");
    }
    for (ByteString c : g.getRecordCommitmentsList()) {
      if (!RecordRegistrationRule.isRegistered(draft, c.toByteArray())) {
        throw BlockDraft.reject(tx, "grant covers unregistered commitment "
            + HEX.formatHex(c.toByteArray()));
      }
    }
    StoredGrant old = grant(draft, gid);
    if (old != null && !old.getAuthorityKeyId().equals(tx.body().getAuthorKeyId())) {
      throw BlockDraft.reject(tx, "grant " + HEX.formatHex(gid) + " belongs to another authority");
    }
    StoredGrant s = StoredGrant.newBuilder().setAuthorityKeyId(tx.body().getAuthorKeyId())
        .setGrant(g).setHeight(draft.height()).build();
    draft.put(StateKeys.key(PREFIX, gid), s.toByteArray());
  }
}
