package io.pqzk.fhir.server.internal;

import ca.uhn.fhir.util.FhirTerser;
import io.pqzk.fhir.Fhir;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A released bundle as the facade serves it: the Patient under its subject id (the facade's
 * Patient ids are subject ids), every other resource under its own id, and every reference that
 * pointed into the bundle (a {@code urn:uuid:} fullUrl, {@code Patient/<original id>}) rewritten
 * to {@code Type/id}, so the served resources link to each other and to the served Patient.
 * A conditional reference by identifier ({@code Practitioner?identifier=system|value}, as
 * Synthea writes for practitioners, organizations and locations kept outside the patient's
 * bundle) is valid only inside a transaction; served, it becomes the logical reference it
 * names: type and identifier, no literal reference.
 */
final class RecordView {
  private static final Pattern CONDITIONAL =
      Pattern.compile("([A-Z][A-Za-z]+)\\?identifier=([^&]+)");
  private final List<Resource> resources = new ArrayList<>();
  private final Patient patient;

  RecordView(FacadeReads.Released r) {
    Map<String, String> to = new HashMap<>();
    Patient found = null;
    for (Bundle.BundleEntryComponent e : r.bundle().getEntry()) {
      Resource res = e.getResource();
      if (res == null) {
        continue;
      }
      String id = res.getIdElement().getIdPart();
      if (id != null && id.startsWith("urn:uuid:")) {
        id = id.substring("urn:uuid:".length());
      }
      if ((id == null || id.isEmpty()) && e.getFullUrl() != null
          && e.getFullUrl().startsWith("urn:uuid:")) {
        id = e.getFullUrl().substring("urn:uuid:".length());
      }
      String served = res instanceof Patient ? r.subjectId() : id;
      if (served == null) {
        continue;
      }
      String type = res.fhirType();
      if (e.getFullUrl() != null) {
        to.put(e.getFullUrl(), type + "/" + served);
      }
      if (id != null) {
        to.put(type + "/" + id, type + "/" + served);
        to.put("urn:uuid:" + id, type + "/" + served);
      }
      res.setId(type + "/" + served);
      if (res instanceof Patient p) {
        found = p;
      }
      resources.add(res);
    }
    this.patient = found;
    FhirTerser terser = Fhir.r4().newTerser();
    for (Resource res : resources) {
      for (Reference ref : terser.getAllPopulatedChildElementsOfType(res, Reference.class)) {
        String target = ref.getReference() == null ? null : to.get(ref.getReference());
        if (target != null) {
          ref.setReference(target);
        } else if (ref.getReference() != null) {
          logical(ref);
        }
      }
    }
  }

  /** {@code Type?identifier=system|value} to type + identifier; other references unchanged. */
  private static void logical(Reference ref) {
    Matcher m = CONDITIONAL.matcher(ref.getReference());
    if (!m.matches()) {
      return;
    }
    String type = m.group(1);
    String value = m.group(2);
    int bar = value.indexOf('|');
    Identifier id = new Identifier();
    if (bar >= 0) {
      if (bar > 0) {
        id.setSystem(value.substring(0, bar));
      }
      id.setValue(value.substring(bar + 1));
    } else {
      id.setValue(value);
    }
    ref.setReference(null);
    ref.setType(type);
    ref.setIdentifier(id);
  }

  Patient patient() {
    return patient;
  }

  /** The resources of {@code type}, in bundle order. */
  <T extends Resource> List<T> of(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Resource r : resources) {
      if (type.isInstance(r)) {
        out.add(type.cast(r));
      }
    }
    return out;
  }

  List<Resource> all() {
    return List.copyOf(resources);
  }
}
