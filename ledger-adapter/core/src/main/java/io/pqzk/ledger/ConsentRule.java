package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.codec.Canonical;
import io.pqzk.ledger.codec.NonCanonicalException;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.ConsentDirective;
import io.pqzk.ledger.proto.PatientProxy;
import io.pqzk.ledger.proto.StoredConsent;
import io.pqzk.ledger.proto.StoredConsents;
import io.pqzk.ledger.proto.StoredCustody;
import io.pqzk.ledger.proto.TransactionBody;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A patient's consent directive (or one of the patient's proxies', as the record's custody names
 * them under a genesis patient-proxy role): permit or deny, per purpose of use, per reader or
 * role, for a period. The directive is signed by the patient's ML-DSA key (context {@code
 * "pqzk/v1/consent|"} + chain id, over the canonical Consent bytes); the transaction only carries
 * it, and any authority or custodian may be its author. A directive replaces the stored one of
 * its id only with a higher sequence, so an old directive cannot be replayed over a newer one.
 * The signature is checked with the proofs, after every cheaper rule and every transaction
 * signature. At most 32 directives per record. State: {@code 'K' + commitment -> StoredConsents}.
 *
 * <p>{@link #decide} is the one reading of them: a deny matching the read overrides everything
 * (a grant, a permit, a break-glass role); else a matching permit is consent; else there is none.
 */
public final class ConsentRule implements TransactionRule {
  static final byte PREFIX = 'K';
  static final int ID_BYTES = 16;
  static final int MAX_DIRECTIVES = 32;
  static final int MAX_LIST = 16;
  /** Signature context prefix of consent directives. */
  public static final String CTX_CONSENT = "pqzk/v1/consent";

  /** What a record's directives say about one read. */
  public enum Verdict { PERMIT, DENY, NONE }

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.CONSENT_DIRECTIVE;
  }

  @Override
  public Genesis.Role authorRole() {
    return null; // any authority or custodian relays it
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  /** The directives of {@code commitment} in {@code state} (none: empty). */
  public static StoredConsents consents(ChainState state, byte[] commitment) {
    return consents(state::get, commitment);
  }

  static StoredConsents consents(StateView view, byte[] commitment) {
    byte[] v = view.get(StateKeys.key(PREFIX, commitment));
    try {
      return v == null ? StoredConsents.getDefaultInstance() : StoredConsents.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged consent record", e);
    }
  }

  /**
   * What {@code consents} say about {@code reader} (holding {@code roles}) reading for {@code
   * purpose} at {@code atMillis}: DENY if any matching directive denies, else PERMIT if one
   * permits, else NONE. A directive matches when it is in force then, lists the purpose, and
   * names the reader, one of its roles, or nobody (everyone).
   */
  public static Verdict decide(StoredConsents consents, ByteString reader, List<String> roles,
      String purpose, long atMillis) {
    boolean permit = false;
    for (StoredConsent s : consents.getConsentsList()) {
      Consent c = s.getConsent();
      if (atMillis < c.getNotBeforeMillis() || atMillis > c.getNotAfterMillis()
          || !c.getPurposesList().contains(purpose)) {
        continue;
      }
      boolean everyone = c.getReaderKeyIdsCount() == 0 && c.getRolesCount() == 0;
      boolean named = c.getReaderKeyIdsList().contains(reader)
          || c.getRolesList().stream().anyMatch(roles::contains);
      if (!everyone && !named) {
        continue;
      }
      if (c.getDecision() == Consent.Decision.DENY) {
        return Verdict.DENY;
      }
      permit = true;
    }
    return permit ? Verdict.PERMIT : Verdict.NONE;
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    Genesis.Role role = tx.author().role();
    if (role != Genesis.Role.AUTHORITY && role != Genesis.Role.CUSTODIAN) {
      throw BlockDraft.reject(tx, "a consent directive is relayed by an authority or a"
          + " custodian, not by " + role.name().toLowerCase() + " '" + tx.author().name() + "'");
    }
    ConsentDirective d = tx.body().getConsentDirective();
    byte[] consentBytes = d.getConsent().toByteArray();
    Consent c;
    try {
      c = Canonical.parse(Consent.parser(), consentBytes, "consent");
    } catch (NonCanonicalException e) {
      throw BlockDraft.reject(tx, e.getMessage());
    }
    byte[] commitment = c.getRecordCommitment().toByteArray();
    String record = "record " + ReaderRegistrationRule.shortHex(c.getRecordCommitment());
    StoredCustody custody = RecordCustodyRule.custody(draft::get, commitment);
    if (custody == null) {
      throw BlockDraft.reject(tx, record + " has no custody, so no patient to consent");
    }
    if (RecordPurgeRule.purge(draft::get, commitment) != null) {
      throw BlockDraft.reject(tx, record + " was purged");
    }
    LedgerPublicKey signer;
    try {
      Signatures.check(d.getSignerAlgorithm());
      if (!Signatures.isMlDsa(d.getSignerAlgorithm())) {
        throw new GeneralSecurityException("consent is signed with ML-DSA, not "
            + d.getSignerAlgorithm());
      }
      signer = Signatures.publicKey(d.getSignerAlgorithm(), d.getSignerSpki().toByteArray());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw BlockDraft.reject(tx, "consent signer key: " + e.getMessage());
    }
    ByteString signerId = ByteString.copyFrom(signer.keyId());
    boolean patient = signerId.equals(custody.getCustody().getPatientKeyId());
    boolean proxy = custody.getCustody().getProxiesList().stream()
        .map(PatientProxy::getKeyId).anyMatch(signerId::equals);
    if (!patient && !proxy) {
      throw BlockDraft.reject(tx, "the consent's signer is neither the patient nor a proxy the"
          + " custody of " + record + " names");
    }
    if (c.getConsentId().size() != ID_BYTES) {
      throw BlockDraft.reject(tx, "consent id is " + c.getConsentId().size() + " bytes, expected "
          + ID_BYTES);
    }
    List<StoredConsent> kept = new ArrayList<>();
    StoredConsent old = null;
    for (StoredConsent s : consents(draft::get, commitment).getConsentsList()) {
      if (s.getConsent().getConsentId().equals(c.getConsentId())) {
        old = s;
      } else if (s.getConsent().getNotAfterMillis() >= draft.timestamp()) {
        kept.add(s); // directives that expired are dropped as the record's list is rewritten
      }
    }
    if (old != null && c.getSequence() <= old.getConsent().getSequence()) {
      throw BlockDraft.reject(tx, "consent sequence " + c.getSequence() + " does not exceed the"
          + " stored directive's " + old.getConsent().getSequence());
    }
    if (c.getWithdraw()) {
      if (old == null) {
        throw BlockDraft.reject(tx, "no consent directive of this id to withdraw");
      }
    } else {
      checkTerms(tx, draft, c);
      if (kept.size() >= MAX_DIRECTIVES) {
        throw BlockDraft.reject(tx, record + " has " + MAX_DIRECTIVES + " directives in force"
            + " already: withdraw one first");
      }
      kept.add(StoredConsent.newBuilder().setConsent(c).setSignerKeyId(signerId)
          .setHeight(draft.height()).build());
    }
    byte[] ctx = Hashes.context(CTX_CONSENT, draft.genesis().chainId());
    byte[] sig = d.getSignature().toByteArray();
    draft.deferProof(tx, "consent signature", () -> {
      try {
        Signatures.verify(signer, consentBytes, ctx, sig);
      } catch (SignatureException e) {
        throw new LedgerException(e.getMessage(), e);
      }
    });
    draft.put(StateKeys.key(PREFIX, commitment), StoredConsents.newBuilder()
        .addAllConsents(kept).build().toByteArray());
  }

  private static void checkTerms(ParsedTransaction tx, BlockDraft draft, Consent c)
      throws TransactionRejectedException {
    if (c.getDecision() != Consent.Decision.PERMIT && c.getDecision() != Consent.Decision.DENY) {
      throw BlockDraft.reject(tx, "a consent directive permits or denies");
    }
    if (c.getPurposesCount() == 0 || c.getPurposesCount() > MAX_LIST) {
      throw BlockDraft.reject(tx, "a consent directive names 1 to " + MAX_LIST + " purposes");
    }
    for (String p : c.getPurposesList()) {
      if (!PurposeOfUse.isCode(p)) {
        throw BlockDraft.reject(tx, "consent purpose '" + Printable.escape(p)
            + "' is not an HL7 PurposeOfUse code");
      }
    }
    if (c.getReaderKeyIdsCount() > MAX_LIST || c.getRolesCount() > MAX_LIST) {
      throw BlockDraft.reject(tx, "a consent directive names at most " + MAX_LIST
          + " readers and " + MAX_LIST + " roles");
    }
    for (ByteString r : c.getReaderKeyIdsList()) {
      if (r.size() != 32) {
        throw BlockDraft.reject(tx, "a consent's reader key id is 32 bytes");
      }
    }
    Set<String> roles = new HashSet<>();
    for (String r : c.getRolesList()) {
      if (draft.genesis().role(r) == null || !roles.add(r)) {
        throw BlockDraft.reject(tx, "consent role '" + Printable.escape(r) + "' is not a genesis"
            + " role (or is listed twice)");
      }
    }
    if (c.getNotAfterMillis() <= c.getNotBeforeMillis()
        || c.getNotAfterMillis() < draft.timestamp()) {
      throw BlockDraft.reject(tx, "a consent directive's period must end after it starts, and"
          + " not before this block");
    }
  }
}
