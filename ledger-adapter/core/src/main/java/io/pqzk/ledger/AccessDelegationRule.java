package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.proto.AccessDelegation;
import io.pqzk.ledger.proto.StoredDelegation;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.HexFormat;

/**
 * A record owner lets another authority grant access to its records: all of them (now and
 * later) or listed ones, until an expiry judged against block time, revocable. One delegation
 * per (owner, delegate) pair, replaced by the owner's latest write. Only owners delegate: a
 * delegate's authority cannot be passed on. This class also holds the one check of who may grant
 * access to a record ({@link #authorityProblem}), which the grant rule applies when a grant is
 * written and the access-event rule again when a read is logged, so that a revoked or expired
 * delegation ends access under the grants its delegate wrote. State: {@code 'D' + owner key id +
 * delegate key id -> StoredDelegation}.
 */
public final class AccessDelegationRule implements TransactionRule {
  static final byte PREFIX = 'D';
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.ACCESS_DELEGATION;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.AUTHORITY;
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  private static byte[] key(ByteString owner, ByteString delegate) {
    return StateKeys.key(PREFIX, owner.concat(delegate).toByteArray());
  }

  /** The delegation from {@code owner} to {@code delegate} in {@code state}, or null. */
  public static StoredDelegation delegation(ChainState state, byte[] owner, byte[] delegate) {
    return decode(state.get(key(ByteString.copyFrom(owner), ByteString.copyFrom(delegate))));
  }

  static StoredDelegation delegation(BlockDraft draft, ByteString owner, ByteString delegate) {
    return decode(draft.get(key(owner, delegate)));
  }

  private static StoredDelegation decode(byte[] v) {
    try {
      return v == null ? null : StoredDelegation.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged delegation record", e);
    }
  }

  /**
   * Null when {@code authority} may grant access to the registered record {@code commitment} at
   * the draft's block time (it owns the record, or the owner's delegation to it is in force and
   * covers the record), else why not.
   */
  static String authorityProblem(BlockDraft draft, ByteString authority, ByteString commitment) {
    ByteString owner = RecordRegistrationRule.owner(draft, commitment.toByteArray());
    if (owner == null) {
      return "record " + HEX.formatHex(commitment.toByteArray()) + " is not registered";
    }
    if (owner.equals(authority)) {
      return null;
    }
    String who = "authority " + shortHex(authority) + " is not the owner of record "
        + shortHex(commitment);
    StoredDelegation s = delegation(draft, owner, authority);
    if (s == null) {
      return who + " and holds no delegation from its owner " + shortHex(owner);
    }
    AccessDelegation d = s.getDelegation();
    if (d.getRevoke()) {
      return who + " and its delegation from " + shortHex(owner) + " was revoked at block "
          + s.getHeight();
    }
    if (draft.timestamp() > d.getNotAfterMillis()) {
      return who + " and its delegation from " + shortHex(owner) + " expired at "
          + d.getNotAfterMillis() + " (block time " + draft.timestamp() + ")";
    }
    if (!d.getAllRecords() && !d.getRecordCommitmentsList().contains(commitment)) {
      return who + " and its delegation from " + shortHex(owner) + " does not cover it";
    }
    return null;
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    AccessDelegation d = tx.body().getAccessDelegation();
    ByteString owner = tx.body().getAuthorKeyId();
    ByteString delegate = d.getDelegateKeyId();
    Genesis.Author a = draft.genesis().author(delegate.toByteArray());
    if (a == null || a.role() != Genesis.Role.AUTHORITY) {
      throw BlockDraft.reject(tx, "delegate " + HEX.formatHex(delegate.toByteArray())
          + " is not an authority in the genesis");
    }
    if (delegate.equals(owner)) {
      throw BlockDraft.reject(tx, "an authority cannot delegate to itself");
    }
    StoredDelegation old = delegation(draft, owner, delegate);
    StoredDelegation.Builder s;
    if (d.getRevoke()) {
      if (d.getAllRecords() || d.getRecordCommitmentsCount() > 0 || d.getNotAfterMillis() != 0) {
        throw BlockDraft.reject(tx, "a delegation revocation carries nothing but delegate_key_id");
      }
      if (old == null) {
        throw BlockDraft.reject(tx, "no delegation to " + shortHex(delegate) + " to revoke");
      }
      s = old.toBuilder().setDelegation(old.getDelegation().toBuilder().setRevoke(true));
    } else {
      if (d.getNotAfterMillis() <= draft.timestamp()) {
        throw BlockDraft.reject(tx, "delegation expiry " + d.getNotAfterMillis()
            + " is not after the block time " + draft.timestamp());
      }
      if (d.getAllRecords() == (d.getRecordCommitmentsCount() > 0)) {
        throw BlockDraft.reject(tx, "a delegation covers either all_records or listed"
            + " record_commitments (at least one), not both or neither");
      }
      for (ByteString c : d.getRecordCommitmentsList()) {
        ByteString o = RecordRegistrationRule.owner(draft, c.toByteArray());
        if (o == null) {
          throw BlockDraft.reject(tx, "delegation covers unregistered commitment "
              + HEX.formatHex(c.toByteArray()));
        }
        if (!o.equals(owner)) {
          throw BlockDraft.reject(tx, "delegation covers record " + shortHex(c)
              + ", which the author does not own (only a record's owner delegates it)");
        }
      }
      s = StoredDelegation.newBuilder().setOwnerKeyId(owner).setDelegation(d)
          .setWrittenMillis(draft.timestamp());
    }
    draft.put(key(owner, delegate), s.setHeight(draft.height()).build().toByteArray());
  }

  static String shortHex(ByteString b) {
    String h = HEX.formatHex(b.toByteArray());
    return h.length() > 16 ? h.substring(0, 16) : h;
  }
}
