package io.pqzk.fhir.server.internal;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code GET /fhir/{Immunization|Observation|Condition}?patient={id}}: the resources of that
 * type in the patient's record, after one custodian read of it.
 */
public final class ClinicalProvider<T extends Resource> implements IResourceProvider {
  private final FacadeReads reads;
  private final Class<T> type;

  public ClinicalProvider(FacadeReads reads, Class<T> type) {
    this.reads = reads;
    this.type = type;
  }

  @Override
  public Class<T> getResourceType() {
    return type;
  }

  @Search
  public List<T> byPatient(@RequiredParam(name = "patient") ReferenceParam patient,
      HttpServletRequest req, HttpServletResponse resp) {
    return new RecordView(reads.read(req, resp, patient.getIdPart())).of(type);
  }
}
