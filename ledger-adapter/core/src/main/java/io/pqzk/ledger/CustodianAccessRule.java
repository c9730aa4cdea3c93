package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.CustodianAccess;
import io.pqzk.ledger.proto.Jurisdiction;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.ledger.proto.RoleDefinition;
import io.pqzk.ledger.proto.RoleKind;
import io.pqzk.ledger.proto.StoredBreakGlass;
import io.pqzk.ledger.proto.StoredCustody;
import io.pqzk.ledger.proto.StoredGrant;
import io.pqzk.ledger.proto.StoredReader;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A custodian's record of a read it served or refused, signed by the custodian (never by the
 * reader) and naming the reader, who must be registered. What the chain checks depends on the
 * outcome, and {@link #judge} is the one place it is checked, by this rule at the event's block
 * and by the custodian before it writes the event:
 *
 * <ul>
 *   <li>RELEASED: the author is the record's custodian and the record is not purged; the reader
 *       is live and its jurisdiction may receive records of the record's residency; the purpose
 *       is a PurposeOfUse code; the named grant gives this reader this record for this purpose at
 *       this block, on every term the access rules check ({@link AccessEventRule#checkRead}); no
 *       consent directive denies it, and one permits it where the residency's jurisdiction needs
 *       consent; the request digest was not used before.
 *   <li>BREAK_GLASS: the same but for the grant and the permit: the reader holds a genesis
 *       break-glass role listing the purpose, the event names no grant and commits to the stated
 *       reason; a consent deny of that purpose still stops it. The event stays open until a
 *       review ({@link BreakGlassReviewRule}).
 *   <li>DENIED: the reader is registered; a code and one printable line say why. A denial is the
 *       custodian's word: the chain records it.
 * </ul>
 * State: {@code 'Q' 0x01 + request digest -> height} (requests honoured), {@code 'Q' 0x02 + event
 * transaction id -> StoredBreakGlass}.
 */
public final class CustodianAccessRule implements TransactionRule {
  static final byte PREFIX = 'Q';
  private static final Pattern DENIAL = Pattern.compile("[A-Z][A-Z_]{0,31}");
  static final int MAX_DETAIL_CHARS = 200;

  /** Why a read is refused: a code and a line naming the rule. */
  public record Verdict(ReadDenial denial, String message) {}

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.CUSTODIAN_ACCESS;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.CUSTODIAN;
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  private static byte[] digestKey(ByteString digest) {
    return StateKeys.key(PREFIX, ByteString.copyFrom(new byte[] {1}).concat(digest)
        .toByteArray());
  }

  private static byte[] breakGlassKey(ByteString eventTx) {
    return StateKeys.key(PREFIX, ByteString.copyFrom(new byte[] {2}).concat(eventTx)
        .toByteArray());
  }

  /** The break-glass event with this transaction id in {@code state}, or null. */
  public static StoredBreakGlass breakGlass(ChainState state, byte[] eventTx) {
    return breakGlass(state::get, ByteString.copyFrom(eventTx));
  }

  static StoredBreakGlass breakGlass(StateView view, ByteString eventTx) {
    byte[] v = view.get(breakGlassKey(eventTx));
    try {
      return v == null ? null : StoredBreakGlass.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged break-glass record", e);
    }
  }

  /** Whether the request with this digest was honoured (released or broken glass) in {@code state}. */
  public static boolean honoured(ChainState state, byte[] requestDigest) {
    return state.get(digestKey(ByteString.copyFrom(requestDigest))) != null;
  }

  /**
   * Null when the custodian access event {@code tx} may enter a block as {@code draft} stands,
   * else why not. {@code replay} false skips only the check that the request was not honoured
   * before (for the custodian's second look once its own event is final).
   */
  public static Verdict judge(ParsedTransaction tx, BlockDraft draft, boolean replay) {
    CustodianAccess e = tx.body().getCustodianAccess();
    ByteString reader = e.getReaderKeyId();
    StoredReader sr = ReaderRegistrationRule.reader(draft::get, reader);
    if (sr == null) {
      return new Verdict(ReadDenial.UNKNOWN_READER, reason(tx, "reader "
          + ReaderRegistrationRule.shortHex(reader) + " is not a registered reader"));
    }
    if (e.getRequestDigest().size() != 32) {
      return bad(tx, "request digest is " + e.getRequestDigest().size() + " bytes, expected 32");
    }
    long floor = draft.base().headTimestamp()
        - draft.genesis().limits().getMaxClockDriftMillis();
    if (e.getReadMillis() > draft.timestamp() || e.getReadMillis() < floor) {
      return bad(tx, "read time " + e.getReadMillis() + " lies outside " + floor + " to the block"
          + " time " + draft.timestamp());
    }
    return switch (e.getOutcome()) {
      case DENIED -> denied(tx, draft, e);
      case RELEASED, BREAK_GLASS -> release(tx, draft, e, sr, replay);
      default -> bad(tx, "an access event is RELEASED, DENIED or BREAK_GLASS");
    };
  }

  private static Verdict bad(ParsedTransaction tx, String why) {
    return new Verdict(ReadDenial.BAD_REQUEST, reason(tx, why));
  }

  private static String reason(ParsedTransaction tx, String why) {
    return BlockDraft.reject(tx, why).getMessage();
  }

  private static Verdict denied(ParsedTransaction tx, BlockDraft draft, CustodianAccess e) {
    if (!DENIAL.matcher(e.getDenial()).matches()) {
      return bad(tx, "a denied event names its reason as a code of [A-Z_], 1 to 32 characters");
    }
    if (!e.getDetail().isEmpty() && !Printable.isPrintable(e.getDetail(), MAX_DETAIL_CHARS)) {
      return bad(tx, "a denial's detail is at most " + MAX_DETAIL_CHARS + " printable ASCII");
    }
    if (!e.getPurpose().isEmpty() && !Printable.isPrintable(e.getPurpose(), 64)) {
      return bad(tx, "purpose must be at most 64 printable ASCII characters");
    }
    if (!e.getRecordCommitment().isEmpty()
        && RecordRegistrationRule.owner(draft, e.getRecordCommitment().toByteArray()) == null) {
      return bad(tx, "the denied read names an unregistered record");
    }
    if (!e.getGrantId().isEmpty() && e.getGrantId().size() != AccessPolicyRule.GRANT_ID_BYTES) {
      return bad(tx, "grant id is " + e.getGrantId().size() + " bytes");
    }
    if (!e.getReasonCommitment().isEmpty() || !e.getBreakGlassRole().isEmpty()) {
      return bad(tx, "a denied event carries no break-glass reason or role");
    }
    return null;
  }

  private static Verdict release(ParsedTransaction tx, BlockDraft draft, CustodianAccess e,
      StoredReader sr, boolean replay) {
    boolean glass = e.getOutcome() == CustodianAccess.Outcome.BREAK_GLASS;
    ReaderRegistration reader = sr.getRegistration();
    if (sr.getRevoked()) {
      return new Verdict(ReadDenial.READER_REVOKED, reason(tx, "reader '" + reader.getName()
          + "' was revoked"));
    }
    if (!e.getDenial().isEmpty() || !e.getDetail().isEmpty() || e.getSuppressedDenials() != 0) {
      return bad(tx, "a release carries no denial");
    }
    byte[] c = e.getRecordCommitment().toByteArray();
    String record = "record " + ReaderRegistrationRule.shortHex(e.getRecordCommitment());
    StoredCustody custody = RecordCustodyRule.custody(draft::get, c);
    if (custody == null) {
      return new Verdict(ReadDenial.UNKNOWN_RECORD, reason(tx, record + " has no custody"));
    }
    if (!custody.getCustody().getCustodianKeyId().equals(tx.body().getAuthorKeyId())) {
      return new Verdict(ReadDenial.WRONG_CUSTODIAN, reason(tx, record + " is kept by another"
          + " custodian"));
    }
    if (RecordPurgeRule.purge(draft::get, c) != null) {
      return new Verdict(ReadDenial.PURGED, reason(tx, record + " was purged"));
    }
    String residency = custody.getCustody().getResidency();
    if (!mayReceive(draft.genesis(), residency, reader.getJurisdiction())) {
      return new Verdict(ReadDenial.RESIDENCY, reason(tx, "reader '" + reader.getName()
          + "' is in " + reader.getJurisdiction() + ", which may not receive records resident in "
          + residency));
    }
    if (!PurposeOfUse.isCode(e.getPurpose())) {
      return new Verdict(ReadDenial.UNKNOWN_PURPOSE, reason(tx, "purpose '"
          + Printable.escape(e.getPurpose()) + "' is not an HL7 PurposeOfUse code"));
    }
    List<String> roles = reader.getRolesList();
    if (glass) {
      RoleDefinition role = draft.genesis().role(e.getBreakGlassRole());
      if (role == null || role.getKind() != RoleKind.BREAK_GLASS
          || !roles.contains(e.getBreakGlassRole()) || !role.getPurposesList()
          .contains(e.getPurpose())) {
        return new Verdict(ReadDenial.NOT_BREAK_GLASS, reason(tx, "reader '" + reader.getName()
            + "' holds no break-glass role '" + Printable.escape(e.getBreakGlassRole())
            + "' allowing " + e.getPurpose()));
      }
      if (e.getReasonCommitment().size() != 32 || !e.getGrantId().isEmpty()) {
        return bad(tx, "a break-glass event commits to its reason (32 bytes) and names no grant");
      }
    } else {
      if (!e.getReasonCommitment().isEmpty() || !e.getBreakGlassRole().isEmpty()) {
        return bad(tx, "a release under a grant carries no break-glass reason or role");
      }
      Verdict g = grant(tx, draft, e);
      if (g != null) {
        return g;
      }
    }
    ConsentRule.Verdict consent = ConsentRule.decide(ConsentRule.consents(draft::get, c),
        e.getReaderKeyId(), roles, e.getPurpose(), draft.timestamp());
    if (consent == ConsentRule.Verdict.DENY) {
      return new Verdict(ReadDenial.CONSENT_DENIED, reason(tx, "the patient's consent denies "
          + e.getPurpose() + " to reader '" + reader.getName() + "'"));
    }
    Jurisdiction j = draft.genesis().jurisdiction(residency);
    if (!glass && consent == ConsentRule.Verdict.NONE && j.getConsentRequired()) {
      return new Verdict(ReadDenial.NO_CONSENT, reason(tx, residency + " needs the patient's"
          + " consent, and none permits " + e.getPurpose() + " to reader '" + reader.getName()
          + "'"));
    }
    if (replay && draft.get(digestKey(e.getRequestDigest())) != null) {
      return new Verdict(ReadDenial.REPLAYED_REQUEST, reason(tx, "this request was honoured"
          + " already"));
    }
    return null;
  }

  private static Verdict grant(ParsedTransaction tx, BlockDraft draft, CustodianAccess e) {
    String name = "grant " + ReaderRegistrationRule.shortHex(e.getGrantId());
    StoredGrant g = e.getGrantId().size() == AccessPolicyRule.GRANT_ID_BYTES
        ? AccessPolicyRule.grant(draft, e.getGrantId().toByteArray()) : null;
    if (g == null) {
      return new Verdict(ReadDenial.NO_GRANT, reason(tx, e.getGrantId().isEmpty()
          ? "no grant gives this reader this record" : "no " + name));
    }
    AccessPolicyUpdate p = g.getGrant();
    if (!p.getGranteeKeyId().equals(e.getReaderKeyId())
        || !p.getRecordCommitmentsList().contains(e.getRecordCommitment())) {
      return new Verdict(ReadDenial.NO_GRANT, reason(tx, name + " does not give this reader this"
          + " record"));
    }
    if (p.getRevoke()) {
      return new Verdict(ReadDenial.GRANT_REVOKED, reason(tx, name + " was revoked"));
    }
    if (draft.timestamp() > p.getNotAfterMillis()) {
      return new Verdict(ReadDenial.GRANT_EXPIRED, reason(tx, name + " expired at "
          + p.getNotAfterMillis()));
    }
    if (!p.getPurpose().equals(e.getPurpose())) {
      return new Verdict(ReadDenial.WRONG_PURPOSE, reason(tx, name + " is for "
          + Printable.escape(p.getPurpose()) + ", not " + e.getPurpose()));
    }
    try {
      AccessEventRule.checkRead(tx, draft, AccessEvent.newBuilder().setGrantId(e.getGrantId())
          .setRecordCommitment(e.getRecordCommitment()).setReadMillis(e.getReadMillis())
          .setPurpose(e.getPurpose()).build(), e.getReaderKeyId());
    } catch (TransactionRejectedException x) {
      return new Verdict(ReadDenial.GRANT_INVALID, x.getMessage());
    }
    return null;
  }

  /** Whether readers in {@code reader} may receive records resident in {@code residency}. */
  public static boolean mayReceive(Genesis g, String residency, String reader) {
    Jurisdiction j = g.jurisdiction(residency);
    return j != null && (residency.equals(reader) || j.getReleaseToList().contains(reader));
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    Verdict v = judge(tx, draft, true);
    if (v != null) {
      throw new TransactionRejectedException(v.message());
    }
    CustodianAccess e = tx.body().getCustodianAccess();
    if (e.getOutcome() == CustodianAccess.Outcome.DENIED) {
      return;
    }
    draft.put(digestKey(e.getRequestDigest()), StateKeys.height8(draft.height()));
    if (e.getOutcome() == CustodianAccess.Outcome.BREAK_GLASS) {
      draft.put(breakGlassKey(ByteString.copyFrom(tx.id())), StoredBreakGlass.newBuilder()
          .setRecordCommitment(e.getRecordCommitment()).setReaderKeyId(e.getReaderKeyId())
          .setHeight(draft.height()).setRole(e.getBreakGlassRole()).build().toByteArray());
    }
  }
}
