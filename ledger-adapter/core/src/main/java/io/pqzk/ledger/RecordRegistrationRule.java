package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.proto.RecordRegistration;
import io.pqzk.ledger.proto.StoredRecord;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An authority commits to a record: the commitment becomes the next leaf of the registry, and
 * each claim system's leaf the next leaf of that system's registry. A commitment is registered
 * once, and the registering authority is its owner: only the owner, or an authority it delegated
 * to ({@link AccessDelegationRule}), grants access to it. State: {@code 'R' + commitment ->
 * StoredRecord} (height and owner).
 */
public final class RecordRegistrationRule implements TransactionRule {
  static final byte PREFIX = 'R';
  /** Longest record schema name, e.g. {@code service-member/v1}. */
  static final int MAX_SCHEMA_CHARS = 64;
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.RECORD_REGISTRATION;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.AUTHORITY;
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  /** Whether {@code commitment} is registered in {@code state}. */
  public static boolean isRegistered(ChainState state, byte[] commitment) {
    return state.get(StateKeys.key(PREFIX, commitment)) != null;
  }

  /** The key id of the authority that registered {@code commitment} in {@code state}, or null. */
  public static byte[] owner(ChainState state, byte[] commitment) {
    StoredRecord r = decode(state.get(StateKeys.key(PREFIX, commitment)));
    return r == null ? null : r.getOwnerKeyId().toByteArray();
  }

  /** The owner of {@code commitment} as the draft has it, or null when it is not registered. */
  static ByteString owner(BlockDraft draft, byte[] commitment) {
    StoredRecord r = decode(draft.get(StateKeys.key(PREFIX, commitment)));
    return r == null ? null : r.getOwnerKeyId();
  }

  private static StoredRecord decode(byte[] v) {
    try {
      return v == null ? null : StoredRecord.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged record entry", e);
    }
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    RecordRegistration r = tx.body().getRecordRegistration();
    byte[] c = r.getCommitment().toByteArray();
    if (c.length != Hashes.LENGTH) {
      throw BlockDraft.reject(tx, "commitment is " + c.length + " bytes, expected "
          + Hashes.LENGTH);
    }
    TextFields.require(tx, "record schema", r.getSchema(), MAX_SCHEMA_CHARS);
    if (owner(draft, c) != null) {
      throw BlockDraft.reject(tx, "commitment " + HEX.formatHex(c) + " is already registered");
    }
    List<byte[]> leaves = new ArrayList<>(r.getClaimLeavesCount());
    r.getClaimLeavesList().forEach(l -> leaves.add(l.toByteArray()));
    String bad = draft.claimRegistries().problemWith(leaves);
    if (bad != null) {
      throw BlockDraft.reject(tx, bad);
    }
    draft.put(StateKeys.key(PREFIX, c), StoredRecord.newBuilder().setHeight(draft.height())
        .setOwnerKeyId(tx.body().getAuthorKeyId()).build().toByteArray());
    draft.appendRecord(c, leaves);
  }
}
