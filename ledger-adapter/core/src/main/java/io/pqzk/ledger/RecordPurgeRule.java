package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.proto.StoredPurge;
import io.pqzk.ledger.proto.TransactionBody;

/**
 * A record's owner orders it purged (the right to erasure): from this block on, no read of it is
 * accepted, and its custodian destroys the document and every key to it (crypto-shredding). The
 * registration and the commitment stay, so the chain still verifies and shows that the record
 * existed and was purged. Once per record, and only for a record with custody. State: {@code 'X'
 * + commitment -> StoredPurge}.
 */
public final class RecordPurgeRule implements TransactionRule {
  static final byte PREFIX = 'X';

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.RECORD_PURGE;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.AUTHORITY;
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  /** The purge of {@code commitment} in {@code state}, or null. */
  public static StoredPurge purge(ChainState state, byte[] commitment) {
    return purge(state::get, commitment);
  }

  static StoredPurge purge(StateView view, byte[] commitment) {
    byte[] v = view.get(StateKeys.key(PREFIX, commitment));
    try {
      return v == null ? null : StoredPurge.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged purge record", e);
    }
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    byte[] c = tx.body().getRecordPurge().getRecordCommitment().toByteArray();
    String record = "record " + ReaderRegistrationRule.shortHex(ByteString.copyFrom(c));
    ByteString owner = RecordRegistrationRule.owner(draft, c);
    if (owner == null) {
      throw BlockDraft.reject(tx, record + " is not registered");
    }
    if (!owner.equals(tx.body().getAuthorKeyId())) {
      throw BlockDraft.reject(tx, "only the owner of " + record + " purges it");
    }
    if (RecordCustodyRule.custody(draft::get, c) == null) {
      throw BlockDraft.reject(tx, record + " has no custody: no custodian keeps it");
    }
    if (purge(draft::get, c) != null) {
      throw BlockDraft.reject(tx, record + " was purged already");
    }
    draft.put(StateKeys.key(PREFIX, c), StoredPurge.newBuilder().setOwnerKeyId(owner)
        .setHeight(draft.height()).setTransactionId(ByteString.copyFrom(tx.id())).build()
        .toByteArray());
  }
}
