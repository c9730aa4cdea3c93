package io.pqzk.fhir.server.internal;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/** {@code GET /fhir/Patient/{id}} and {@code GET /fhir/Patient/{id}/$everything}. */
public final class PatientProvider implements IResourceProvider {
  private final FacadeReads reads;

  public PatientProvider(FacadeReads reads) {
    this.reads = reads;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read
  public Patient read(@IdParam IdType id, HttpServletRequest req, HttpServletResponse resp) {
    RecordView v = new RecordView(reads.read(req, resp, id.getIdPart()));
    if (v.patient() == null) {
      throw new ResourceNotFoundException("the record of this patient holds no Patient");
    }
    return v.patient();
  }

  @Operation(name = "$everything", idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
  public Bundle everything(@IdParam IdType id, HttpServletRequest req,
      HttpServletResponse resp) {
    RecordView v = new RecordView(reads.read(req, resp, id.getIdPart()));
    Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    b.setTimestamp(new Date());
    String base = req.getRequestURL().toString();
    base = base.substring(0, base.indexOf("/Patient/"));
    for (Resource r : v.all()) {
      b.addEntry().setFullUrl(base + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
          .setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }
    b.setTotal(v.all().size());
    return b;
  }
}
