package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.proto.PatientProxy;
import io.pqzk.ledger.proto.RecordCustody;
import io.pqzk.ledger.proto.RoleDefinition;
import io.pqzk.ledger.proto.RoleKind;
import io.pqzk.ledger.proto.StoredCustody;
import io.pqzk.ledger.proto.TransactionBody;

/**
 * A record's owner names the custodian that keeps its document, the document's residency (a
 * genesis jurisdiction, which must be the custodian's: a custodian keeps only records resident
 * in its own jurisdiction), and the patient whose consent governs it, with the patient's proxies
 * (each under a genesis patient-proxy role). Custodian and residency are set once; the owner may
 * later change the patient and proxies. Not for a purged record. State: {@code 'H' + commitment
 * -> StoredCustody}.
 */
public final class RecordCustodyRule implements TransactionRule {
  static final byte PREFIX = 'H';
  static final int MAX_PROXIES = 8;

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.RECORD_CUSTODY;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.AUTHORITY;
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  /** The custody of {@code commitment} as it stands in {@code state}, or null. */
  public static StoredCustody custody(ChainState state, byte[] commitment) {
    return custody(state::get, commitment);
  }

  static StoredCustody custody(StateView view, byte[] commitment) {
    byte[] v = view.get(StateKeys.key(PREFIX, commitment));
    try {
      return v == null ? null : StoredCustody.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged custody record", e);
    }
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    RecordCustody c = tx.body().getRecordCustody();
    byte[] commitment = c.getRecordCommitment().toByteArray();
    String record = "record " + ReaderRegistrationRule.shortHex(c.getRecordCommitment());
    ByteString owner = RecordRegistrationRule.owner(draft, commitment);
    if (owner == null) {
      throw BlockDraft.reject(tx, record + " is not registered");
    }
    if (!owner.equals(tx.body().getAuthorKeyId())) {
      throw BlockDraft.reject(tx, "only the owner of " + record + " sets its custody");
    }
    if (RecordPurgeRule.purge(draft::get, commitment) != null) {
      throw BlockDraft.reject(tx, record + " was purged");
    }
    Genesis.CustodianInfo custodian = draft.genesis().custodian(
        c.getCustodianKeyId().toByteArray());
    if (custodian == null) {
      throw BlockDraft.reject(tx, "custodian " + ReaderRegistrationRule.shortHex(
          c.getCustodianKeyId()) + " is not a genesis custodian");
    }
    if (draft.genesis().jurisdiction(c.getResidency()) == null) {
      throw BlockDraft.reject(tx, "residency '" + Printable.escape(c.getResidency())
          + "' is not a genesis jurisdiction");
    }
    if (!custodian.jurisdiction().equals(c.getResidency())) {
      throw BlockDraft.reject(tx, "custodian '" + custodian.name() + "' keeps records resident in "
          + custodian.jurisdiction() + " only, not " + c.getResidency());
    }
    if (!c.getPatientKeyId().isEmpty() && c.getPatientKeyId().size() != 32) {
      throw BlockDraft.reject(tx, "patient key id is " + c.getPatientKeyId().size() + " bytes");
    }
    if (c.getProxiesCount() > MAX_PROXIES) {
      throw BlockDraft.reject(tx, "a record names at most " + MAX_PROXIES + " proxies");
    }
    for (PatientProxy p : c.getProxiesList()) {
      RoleDefinition role = draft.genesis().role(p.getRole());
      if (p.getKeyId().size() != 32 || role == null || role.getKind() != RoleKind.PATIENT_PROXY) {
        throw BlockDraft.reject(tx, "a proxy needs a 32-byte key id and a genesis PATIENT_PROXY"
            + " role, got role '" + Printable.escape(p.getRole()) + "'");
      }
    }
    StoredCustody old = custody(draft::get, commitment);
    if (old != null && (!old.getCustody().getCustodianKeyId().equals(c.getCustodianKeyId())
        || !old.getCustody().getResidency().equals(c.getResidency()))) {
      throw BlockDraft.reject(tx, "the custodian and residency of " + record + " are set once");
    }
    draft.put(StateKeys.key(PREFIX, commitment), StoredCustody.newBuilder().setCustody(c)
        .setOwnerKeyId(owner).setHeight(draft.height()).build().toByteArray());
  }
}
