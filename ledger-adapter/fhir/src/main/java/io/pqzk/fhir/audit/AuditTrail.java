package io.pqzk.fhir.audit;

import io.pqzk.fhir.Fhir;
import io.pqzk.fhir.InvalidFhirException;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ReaderRegistrationRule;
import io.pqzk.ledger.proto.StoredReader;
import io.pqzk.records.RecordsException;
import io.pqzk.records.custodian.ChainIndex;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.RecordDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A kept record's audit trail as FHIR: the custodian's chain index finds its events, each is
 * read back from its final block (nothing is taken from the index alone) and mapped by {@link
 * AuditEvents}, with the record's subject as the patient entity.
 */
public final class AuditTrail {
  private final Custodian custodian;
  private final ChainEvents chain;
  private final AuditEvents mapping;

  public AuditTrail(Custodian custodian) {
    this.custodian = custodian;
    this.chain = new ChainEvents(custodian.ledger());
    this.mapping = new AuditEvents(custodian.genesis().chainId(), names(custodian));
  }

  /** The mapping this trail uses (for {@link AuditCheck}). */
  public AuditEvents mapping() {
    return mapping;
  }

  public ChainEvents chain() {
    return chain;
  }

  /** The AuditEvents of the subject's record, in chain order; empty when none is kept. */
  public Optional<List<AuditEvent>> subject(String subjectId) throws RecordsException,
      LedgerException, IOException, UnconfirmedEventException {
    Optional<byte[]> record = custodian.vault().commitmentOf(RecordDocument.SCHEMA, subjectId);
    if (record.isEmpty()) {
      return Optional.empty();
    }
    List<AuditEvent> out = new ArrayList<>();
    for (ChainIndex.EventRef r : custodian.index().events(record.get())) {
      Optional<ChainEvent> e = chain.find(r.height(), r.transactionId());
      if (e.isEmpty()) {
        throw new UnconfirmedEventException(r.height(),
            java.util.HexFormat.of().formatHex(r.transactionId()));
      }
      mapping.of(e.get(), "Patient/" + subjectId).ifPresent(out::add);
    }
    return Optional.of(out);
  }

  /** The events as a collection Bundle, each entry with its full URL. */
  public static Bundle bundle(List<AuditEvent> events, String base) {
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    b.setTimestamp(new Date());
    for (AuditEvent a : events) {
      b.addEntry().setFullUrl(base + "/AuditEvent/" + a.getIdElement().getIdPart())
          .setResource(a);
    }
    return b;
  }

  /** The subject's trail as a pretty-printed JSON Bundle; empty when no record is kept. */
  public Optional<String> subjectBundleJson(String subjectId, String base)
      throws RecordsException, LedgerException, IOException, UnconfirmedEventException {
    Optional<List<AuditEvent>> events = subject(subjectId);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Fhir.json().setPrettyPrint(true).encodeResourceToString(
        bundle(events.get(), base)));
  }

  /**
   * Checks a Bundle of AuditEvents, or one AuditEvent, in JSON or XML, against this chain;
   * returns the mismatches, none when the chain confirms every one. {@code source} names the
   * text in errors.
   */
  public List<AuditCheck.Mismatch> check(String text, String source)
      throws InvalidFhirException, IOException, LedgerException {
    try {
      io.pqzk.ledger.ProtoJson.checkNumbers(text); // as BundleReader: no BigDecimal bombs
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new InvalidFhirException(source, "the resource", "", "not FHIR R4 JSON or XML ("
          + e.getMessage() + ")");
    }
    IBaseResource r;
    try {
      r = Fhir.strictParserFor(text).parseResource(text);
    } catch (RuntimeException e) {
      throw new InvalidFhirException(source, "the resource", "", "not FHIR R4 JSON or XML ("
          + e.getClass().getSimpleName() + ")");
    }
    AuditCheck check = new AuditCheck(chain, mapping, custodian.genesis().chainId());
    if (r instanceof Bundle b) {
      return check.check(b);
    }
    if (r instanceof AuditEvent a) {
      return check.check(a).map(List::of).orElse(List.of());
    }
    throw new InvalidFhirException(source, r.fhirType(), "", "not a Bundle or an AuditEvent");
  }

  /** Reader and genesis member names from the chain. */
  public static AuditEvents.Names names(Custodian c) {
    Genesis g = c.genesis();
    return key -> {
      try {
        StoredReader r = c.ledger().read(s -> ReaderRegistrationRule.reader(s, key));
        if (r != null) {
          return Optional.of(r.getRegistration().getName());
        }
      } catch (LedgerException e) {
        // fall back to the genesis
      }
      Genesis.Author a = g.author(key);
      return a == null ? Optional.empty() : Optional.of(a.name());
    };
  }
}
