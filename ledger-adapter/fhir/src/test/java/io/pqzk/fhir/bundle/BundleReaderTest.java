package io.pqzk.fhir.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pqzk.fhir.Fhir;
import io.pqzk.fhir.FhirFixture;
import io.pqzk.fhir.InvalidFhirException;
import io.pqzk.zk.claims.Attribute;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The extraction rules on Synthea's bundles and on bundles that break each rule. */
class BundleReaderTest {
  private final BundleReader reader = new BundleReader(Issuers.none());

  /**
   * What a kept bundle says, read independently of HAPI (plain JSON): the Patient's birth year,
   * id, and the latest completed Immunization's day.
   */
  static long[] expected(byte[] bytes) {
    JsonObject b = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8))
        .getAsJsonObject();
    long birth = Attribute.ABSENT;
    String id = null;
    String vax = null;
    for (JsonElement e : b.getAsJsonArray("entry")) {
      JsonObject r = e.getAsJsonObject().getAsJsonObject("resource");
      String type = r.get("resourceType").getAsString();
      if (type.equals("Patient")) {
        birth = Long.parseLong(r.get("birthDate").getAsString().substring(0, 4));
        id = r.get("id").getAsString();
      } else if (type.equals("Immunization") && r.get("status").getAsString().equals("completed")) {
        String day = r.get("occurrenceDateTime").getAsString().substring(0, 10).replace("-", "");
        vax = vax == null || day.compareTo(vax) > 0 ? day : vax;
      }
    }
    return new long[] {BundleReader.derivedSubjectId(id), birth, Attribute.ABSENT,
        Attribute.ABSENT, vax == null ? Attribute.ABSENT : Long.parseLong(vax),
        Attribute.ABSENT, Attribute.ABSENT};
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"patient-1.json", "patient-2.json", "patient-3.json"})
  void keptSyntheaBundle_readsItsAttributes_andMarksTheRestAbsent(String name) throws Exception {
    byte[] bytes = FhirFixture.kept(name);
    BundleRecord r = reader.read(bytes, name);
    assertEquals(java.util.Arrays.toString(expected(bytes)),
        java.util.Arrays.toString(r.attributes()));
    assertEquals(Set.of(Attribute.BLOOD_GROUP, Attribute.FITNESS, Attribute.CLEARANCE,
        Attribute.ISSUER), r.absent());
    assertEquals(4, r.notes().size(), r.notes().toString());
    assertTrue(java.util.Arrays.equals(bytes, r.bytes()), "the exact bytes are kept");
    assertEquals("transaction", r.bundleType());
  }

  /** patient-1 with what a service record adds: blood group, fitness, clearance, a source. */
  static Bundle augmented() throws Exception {
    Bundle b = parse(FhirFixture.kept("patient-1.json"));
    String patient = b.getEntry().get(0).getFullUrl();
    b.getMeta().setSource("https://records.example.mil/fhir");
    b.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000001").setResource(
        observation(patient, Codes.LOINC, Codes.ABO_RH).setValue(new CodeableConcept(
            new Coding(Codes.SNOMED, "278149003", "Blood group A Rh(D) positive"))));
    b.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000002").setResource(
        observation(patient, Codes.PQZK_MEASURES, Codes.FITNESS).setValue(new IntegerType(64))
            .setEffective(new DateTimeType("2025-03-01T10:00:00Z")));
    b.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000003").setResource(
        observation(patient, Codes.PQZK_MEASURES, Codes.FITNESS).setValue(new Quantity()
            .setValue(new BigDecimal("82.0")).setUnit("{score}"))
            .setEffective(new DateTimeType("2026-06-01T10:00:00Z")));
    b.addEntry().setFullUrl("urn:uuid:00000000-0000-4000-8000-000000000004").setResource(
        observation(patient, Codes.PQZK_MEASURES, Codes.CLEARANCE).setValue(new IntegerType(3))
            .setEffective(new DateTimeType("2026-01-01T00:00:00Z")));
    return b;
  }

  static Observation observation(String patient, String system, String code) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept(new Coding(system, code, null)));
    o.setSubject(new Reference(patient));
    return o;
  }

  static Bundle parse(byte[] bytes) {
    return Fhir.json().parseResource(Bundle.class, new String(bytes, StandardCharsets.UTF_8));
  }

  static byte[] bytes(Bundle b) {
    return Fhir.json().encodeResourceToString(b).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void serviceRecord_readsBloodGroupLatestFitnessClearanceAndIssuer() throws Exception {
    BundleReader withIssuers = new BundleReader(new Issuers(Map.of(
        "https://records.example.mil/fhir", 7L), Optional.empty()));
    BundleRecord r = withIssuers.read(bytes(augmented()), "augmented");
    assertEquals(3, r.get(Attribute.BLOOD_GROUP), "A+ is 3");
    assertEquals(82, r.get(Attribute.FITNESS), "the latest fitness score");
    assertEquals(3, r.get(Attribute.CLEARANCE));
    assertEquals(7, r.get(Attribute.ISSUER));
    assertTrue(r.absent().isEmpty(), r.notes().toString());
  }

  @Test
  void statedSource_givesTheIssuerOfBundlesThatNameNone() throws Exception {
    BundleReader stated = new BundleReader(new Issuers(Map.of("urn:example:synthea", 2L),
        Optional.of("urn:example:synthea")));
    assertEquals(2, stated.read(FhirFixture.kept("patient-2.json"), "b").get(Attribute.ISSUER));
  }

  @Test
  void unknownSource_isRefusedNamingTheField() throws Exception {
    InvalidFhirException e = assertThrows(InvalidFhirException.class,
        () -> reader.read(bytes(augmented()), "augmented"));
    assertEquals("Bundle.meta.source", e.field());
    assertFalse(e.getMessage().contains("example.mil"), e.getMessage());
  }

  /** A broken bundle, the field its refusal names, and what must not appear in the message. */
  private void refused(Consumer<Bundle> breakIt, String field, String secret) throws Exception {
    Bundle b = parse(FhirFixture.kept("patient-3.json"));
    breakIt.accept(b);
    InvalidFhirException e = assertThrows(InvalidFhirException.class,
        () -> reader.read(bytes(b), "patient-3.json"));
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith("patient-3.json: "), e.getMessage());
    if (secret != null) {
      assertFalse(e.getMessage().contains(secret), e.getMessage());
    }
  }

  private static Patient patientOf(Bundle b) {
    return (Patient) b.getEntry().stream().filter(e -> e.getResource() instanceof Patient)
        .findFirst().orElseThrow().getResource();
  }

  private static Immunization firstImmunization(Bundle b) {
    return (Immunization) b.getEntry().stream()
        .filter(e -> e.getResource() instanceof Immunization).findFirst().orElseThrow()
        .getResource();
  }

  /**
   * Found by BundleFuzzTest: HAPI parses a birth date with a leading space and keeps the text,
   * whose first four characters were then read as the year ({@code NumberFormatException}).
   * The same text in a vaccination date is refused too.
   */
  @Test
  void datesThatDoNotStartWithDigits_areRefusedNamingTheField() throws Exception {
    String json = new String(FhirFixture.kept("patient-3.json"), StandardCharsets.UTF_8);
    String birth = json.replaceFirst("\"birthDate\"\\s*:\\s*\"", "\"birthDate\": \" ");
    assertFalse(birth.equals(json), "the fixture has a birthDate");
    InvalidFhirException e = assertThrows(InvalidFhirException.class,
        () -> reader.read(birth.getBytes(StandardCharsets.UTF_8), "p"));
    assertEquals("Patient.birthDate", e.field(), e.getMessage());
    String vax = json.replaceFirst("\"occurrenceDateTime\"\\s*:\\s*\"",
        "\"occurrenceDateTime\": \" ");
    assertFalse(vax.equals(json), "the fixture has an immunization date");
    e = assertThrows(InvalidFhirException.class,
        () -> reader.read(vax.getBytes(StandardCharsets.UTF_8), "p"));
    assertEquals("Immunization.occurrenceDateTime", e.field(), e.getMessage());
  }

  @Test
  void twoPatients_areRefused() throws Exception {
    refused(b -> b.addEntry().setResource(new Patient().setBirthDate(new Date())),
        "Bundle.entry.resource", null);
  }

  @Test
  void immunizationWithoutADay_isRefused() throws Exception {
    refused(b -> firstImmunization(b).setOccurrence(new DateTimeType("2026-08")),
        "Immunization.occurrenceDateTime", null);
  }

  @Test
  void immunizationAsFreeText_isRefusedWithoutQuotingIt() throws Exception {
    refused(b -> firstImmunization(b).setOccurrence(new StringType("after SECRET-VISIT-77")),
        "Immunization.occurrence[x]", "SECRET-VISIT-77");
  }

  @Test
  void observationOfAnotherPatient_isRefused() throws Exception {
    refused(b -> b.addEntry().setResource(observation("urn:uuid:someone-else", Codes.LOINC,
        Codes.ABO_RH)), "Observation.subject", "someone-else");
  }

  @Test
  void bloodGroupsThatDisagree_areAmbiguous() throws Exception {
    refused(b -> {
      String p = b.getEntry().get(0).getFullUrl();
      b.addEntry().setResource(observation(p, Codes.LOINC, Codes.ABO_RH).setValue(
          new CodeableConcept(new Coding(Codes.SNOMED, "278147001", null))));
      b.addEntry().setResource(observation(p, Codes.LOINC, Codes.ABO_RH).setValue(
          new CodeableConcept(new Coding(Codes.SNOMED, "278148006", null))));
    }, "Observation.valueCodeableConcept", null);
  }

  @Test
  void fitnessOutOfRange_isRefused() throws Exception {
    refused(b -> b.addEntry().setResource(observation(b.getEntry().get(0).getFullUrl(),
        Codes.PQZK_MEASURES, Codes.FITNESS).setValue(new IntegerType(140))
        .setEffective(new DateTimeType("2026-01-01"))), "Observation.value[x]", "140");
  }

  @Test
  void patientWithoutIdOrSubjectIdentifier_isRefused() throws Exception {
    refused(b -> {
      patientOf(b).setId((String) null);
      b.getEntry().get(0).setFullUrl(null);
    }, "Patient.id", null);
  }

  @Test
  void subjectIdentifier_isTheSubjectId() throws Exception {
    Bundle b = parse(FhirFixture.kept("patient-3.json"));
    patientOf(b).addIdentifier().setSystem(Codes.SUBJECT_ID_SYSTEM).setValue("4711");
    assertEquals("4711", reader.read(bytes(b), "b").subjectId());
  }

  @Test
  void missingBirthDate_isAbsentWithANote() throws Exception {
    Bundle b = parse(FhirFixture.kept("patient-3.json"));
    patientOf(b).setBirthDate(null);
    BundleRecord r = reader.read(bytes(b), "b");
    assertEquals(Attribute.ABSENT, r.get(Attribute.BIRTH_YEAR));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("Patient.birthDate")), r.notes()
        .toString());
  }

  @Test
  void searchsetBundle_isNoRecord() throws Exception {
    refused(b -> b.setType(Bundle.BundleType.SEARCHSET), "Bundle.type", null);
  }

  @Test
  void notABundle_isRefused() {
    InvalidFhirException e = assertThrows(InvalidFhirException.class, () -> reader.read(
        Fhir.json().encodeResourceToString(new Patient()).getBytes(StandardCharsets.UTF_8),
        "p.json"));
    assertEquals("Patient", e.resource());
  }

  @Test
  void unknownElement_isRefusedByTheStrictParser() {
    byte[] b = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"nickname\":\"Jo\"}"
        .getBytes(StandardCharsets.UTF_8);
    InvalidFhirException e = assertThrows(InvalidFhirException.class, () -> reader.read(b, "x"));
    assertFalse(e.getMessage().contains("Jo\""), e.getMessage());
  }
}
