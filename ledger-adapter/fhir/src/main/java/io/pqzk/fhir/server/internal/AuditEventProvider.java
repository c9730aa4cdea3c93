package io.pqzk.fhir.server.internal;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import io.pqzk.fhir.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * {@code GET /fhir/AuditEvent?patient={id}}: the record's audit trail. Asking for it is itself a
 * custodian read of the record (a grant for the stated purpose, consent, residency), so the
 * query is audited like any read, and its own event, final before the answer, is the trail's
 * last.
 */
public final class AuditEventProvider implements IResourceProvider {
  private final FacadeReads reads;
  private final AuditTrail trail;

  public AuditEventProvider(FacadeReads reads) {
    this.reads = reads;
    this.trail = new AuditTrail(reads.custodian());
  }

  @Override
  public Class<AuditEvent> getResourceType() {
    return AuditEvent.class;
  }

  @Search
  public List<AuditEvent> byPatient(@RequiredParam(name = "patient") ReferenceParam patient,
      HttpServletRequest req, HttpServletResponse resp) {
    FacadeReads.Released r = reads.read(req, resp, patient.getIdPart());
    try {
      return trail.subject(r.subjectId()).orElse(List.of());
    } catch (io.pqzk.records.RecordsException | io.pqzk.ledger.LedgerException
        | java.io.IOException | io.pqzk.fhir.audit.UnconfirmedEventException e) {
      throw new InternalErrorException("the audit trail cannot be read now: "
          + e.getClass().getSimpleName());
    }
  }
}
