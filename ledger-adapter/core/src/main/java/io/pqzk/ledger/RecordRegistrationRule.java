package io.pqzk.ledger;

import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.proto.RecordRegistration;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An authority commits to a record: the commitment becomes the next leaf of the registry, and
 * each claim system's leaf the next leaf of that system's registry. A commitment is registered
 * once. State: {@code 'R' + commitment -> height}.
 */
public final class RecordRegistrationRule implements TransactionRule {
  static final byte PREFIX = 'R';
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

  static boolean isRegistered(BlockDraft draft, byte[] commitment) {
    return draft.get(StateKeys.key(PREFIX, commitment)) != null;
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    RecordRegistration r = tx.body().getRecordRegistration();
    byte[] c = r.getCommitment().toByteArray();
    if (c.length != Hashes.LENGTH) {
      throw BlockDraft.reject(tx, "commitment is " + c.length + " bytes, expected "
          + Hashes.LENGTH);
    }
    if (r.getSchema().isEmpty() || r.getSchema().length() > 64) {
      throw BlockDraft.reject(tx, "record schema must be 1 to 64 characters");
    }
    if (isRegistered(draft, c)) {
      throw BlockDraft.reject(tx, "commitment " + HEX.formatHex(c) + " is already registered");
    }
    List<byte[]> leaves = new ArrayList<>(r.getClaimLeavesCount());
    r.getClaimLeavesList().forEach(l -> leaves.add(l.toByteArray()));
    String bad = draft.claimRegistries().problemWith(leaves);
    if (bad != null) {
      throw BlockDraft.reject(tx, bad);
    }
    draft.put(StateKeys.key(PREFIX, c), StateKeys.height8(draft.height()));
    draft.appendRecord(c, leaves);
  }
}
