package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.proto.BreakGlassReview;
import io.pqzk.ledger.proto.StoredReview;
import io.pqzk.ledger.proto.TransactionBody;

/**
 * An authority reviews a break-glass read and closes it: the event must be a break-glass event
 * on the chain not reviewed before; the finding is 1 to 64 printable characters, the notes (kept
 * elsewhere) optionally committed to by their SHA-256. Until then the event is open, and {@code
 * pqzk audit --unreviewed} lists it. State: {@code 'W' + event transaction id -> StoredReview}.
 */
public final class BreakGlassReviewRule implements TransactionRule {
  static final byte PREFIX = 'W';

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.BREAK_GLASS_REVIEW;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.AUTHORITY;
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  /** The review of break-glass event {@code eventTx} in {@code state}, or null (open). */
  public static StoredReview review(ChainState state, byte[] eventTx) {
    return review(state::get, ByteString.copyFrom(eventTx));
  }

  static StoredReview review(StateView view, ByteString eventTx) {
    byte[] v = view.get(StateKeys.key(PREFIX, eventTx.toByteArray()));
    try {
      return v == null ? null : StoredReview.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged review record", e);
    }
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    BreakGlassReview r = tx.body().getBreakGlassReview();
    ByteString event = r.getEventTransactionId();
    String name = "break-glass event " + ReaderRegistrationRule.shortHex(event);
    if (CustodianAccessRule.breakGlass(draft::get, event) == null) {
      throw BlockDraft.reject(tx, "no " + name + " on the chain");
    }
    if (review(draft::get, event) != null) {
      throw BlockDraft.reject(tx, name + " was reviewed already");
    }
    TextFields.require(tx, "review finding", r.getFinding(), 64);
    if (!r.getNotesSha256().isEmpty() && r.getNotesSha256().size() != 32) {
      throw BlockDraft.reject(tx, "review notes digest is 32 bytes or absent");
    }
    draft.put(StateKeys.key(PREFIX, event.toByteArray()), StoredReview.newBuilder()
        .setReviewerKeyId(tx.body().getAuthorKeyId()).setHeight(draft.height())
        .setFinding(r.getFinding()).build().toByteArray());
  }
}
