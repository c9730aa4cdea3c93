package io.pqzk.fhir.consent;

import com.google.protobuf.ByteString;
import io.pqzk.fhir.InvalidFhirException;
import io.pqzk.ledger.ConsentRule;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.ConsentDirective;
import io.pqzk.ledger.proto.StoredConsent;
import io.pqzk.records.RecordsException;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.LedgerGateway;
import io.pqzk.records.custodian.RecordDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * FHIR Consents in and out of the chain: a Consent becomes the patient's signed consent
 * directive (signed by the patient's or a proxy's ML-DSA key, relayed by an authority or
 * custodian), committed and final before this returns; the directives kept for a record come
 * back as Consents.
 */
public final class ConsentDirectives {
  private final Custodian custodian;

  public ConsentDirectives(Custodian custodian) {
    this.custodian = custodian;
  }

  /** The record of the subject the directive is about. */
  private byte[] record(String subjectId, String source) throws InvalidFhirException,
      RecordsException {
    return custodian.vault().commitmentOf(RecordDocument.SCHEMA, subjectId)
        .orElseThrow(() -> new InvalidFhirException(source, "Consent", "Consent.patient",
            "custodian '" + custodian.info().name() + "' keeps no record of this patient"));
  }

  /**
   * Commits the directive of {@code c}, signed by {@code signer} and relayed by {@code relay}.
   *
   * @throws io.pqzk.ledger.TransactionRejectedException when the chain refuses it (a signer the
   *     custody does not name, a sequence not above the stored one)
   */
  public LedgerGateway.Committed commit(org.hl7.fhir.r4.model.Consent c, String source,
      LedgerSigningKey signer, LedgerSigningKey relay) throws InvalidFhirException,
      RecordsException, LedgerException, IOException {
    ConsentMapping.Directive d = ConsentMapping.toDirective(c, source);
    Consent k = d.consent().setRecordCommitment(ByteString.copyFrom(record(d.subjectId(),
        source))).build();
    byte[] bytes = k.toByteArray();
    String chain = custodian.genesis().chainId();
    TransactionFactory txs = new TransactionFactory(chain);
    byte[] tx = txs.sign(relay, txs.body(relay).setConsentDirective(ConsentDirective.newBuilder()
        .setConsent(ByteString.copyFrom(bytes))
        .setSignerAlgorithm(signer.publicKey().algorithm())
        .setSignerSpki(ByteString.copyFrom(signer.publicKey().spki()))
        .setSignature(ByteString.copyFrom(Signatures.sign(signer, bytes,
            Hashes.context(ConsentRule.CTX_CONSENT, chain))))));
    return custodian.ledger().commit(tx);
  }

  /** The directives in force for the subject's record, as a collection Bundle of Consents. */
  public Bundle export(String subjectId, String base) throws InvalidFhirException,
      RecordsException, LedgerException {
    byte[] record = record(subjectId, "export");
    List<StoredConsent> kept = new ArrayList<>(custodian.ledger().read(
        s -> ConsentRule.consents(s, record)).getConsentsList());
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    b.setTimestamp(new java.util.Date());
    for (StoredConsent s : kept) {
      org.hl7.fhir.r4.model.Consent c = ConsentMapping.toConsent(s.getConsent(), subjectId);
      b.addEntry().setFullUrl(base + "/Consent/" + c.getIdElement().getIdPart()).setResource(c);
    }
    return b;
  }
}
