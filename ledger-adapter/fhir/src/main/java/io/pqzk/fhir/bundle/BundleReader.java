package io.pqzk.fhir.bundle;

import ca.uhn.fhir.parser.DataFormatException;
import io.pqzk.fhir.Fhir;
import io.pqzk.fhir.InvalidFhirException;
import io.pqzk.zk.claims.Attribute;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * Reads one patient's FHIR R4 Bundle (collection or transaction, JSON or XML) into a {@link
 * BundleRecord} by these rules (the module README lists them with their codes):
 *
 * <ul>
 *   <li>The bundle holds exactly one Patient, and every Observation and Immunization in it is
 *       about that Patient (its subject or patient reference is the Patient's fullUrl or {@code
 *       Patient/id}).
 *   <li>subject_id: the value of the Patient's identifier of system {@value
 *       Codes#SUBJECT_ID_SYSTEM} (decimal, below 2^32 - 1); without one, derived from the
 *       Patient's logical id (at least 16 characters, as Synthea's UUIDs): the first 8 bytes of
 *       SHA-256("pqzk/v1/fhir-subject" 0x00 id) as an unsigned number, modulo 2^32 - 1.
 *   <li>birth_year: the year of Patient.birthDate.
 *   <li>blood_group: Observations coded LOINC 882-1 whose value is one of the eight SNOMED CT ABO
 *       and Rh(D) findings ({@link Codes#BLOOD_GROUPS}); all of them must agree.
 *   <li>fitness and clearance: the latest (by effectiveDateTime) Observation of our code system
 *       {@value Codes#PQZK_MEASURES}, code {@value Codes#FITNESS} (integer 0 to 100) or {@value
 *       Codes#CLEARANCE} (integer 0 to 9), as valueInteger or a whole valueQuantity.
 *   <li>vax_date: the latest Immunization.occurrenceDateTime (to the day, as written) of the
 *       completed Immunizations, as YYYYMMDD.
 *   <li>issuer: the code of Bundle.meta.source in {@link Issuers}, or of the source the operator
 *       states for bundles that name none.
 * </ul>
 *
 * Only Observations with status final, amended or corrected and Immunizations with status
 * completed count. An attribute the bundle does not carry is {@link Attribute#ABSENT}, with a
 * note naming the resource and field; data that is there but unusable (two Patients, blood
 * groups that disagree, a vaccination date without a day, a fitness score of 140) is refused with
 * an {@link InvalidFhirException} naming the resource and field. No message quotes a value.
 */
public final class BundleReader {
  /** Bundles above this size are refused before parsing (the vault's document limit). */
  public static final int MAX_BYTES = 4 << 20;
  /**
   * How a birth date and a vaccination date must start: HAPI keeps the text it parsed, which it
   * reads leniently (the fuzzer's " 198..." passed it).
   */
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Set<Observation.ObservationStatus> COUNTED = Set.of(
      Observation.ObservationStatus.FINAL, Observation.ObservationStatus.AMENDED,
      Observation.ObservationStatus.CORRECTED);

  private final Issuers issuers;

  public BundleReader(Issuers issuers) {
    this.issuers = issuers;
  }

  /**
   * Reads {@code bytes}; {@code source} names the document in messages (a file name or an
   * index, never content).
   */
  public BundleRecord read(byte[] bytes, String source) throws InvalidFhirException {
    if (bytes.length > MAX_BYTES) {
      throw new InvalidFhirException(source, "Bundle", "", bytes.length + " bytes, a record"
          + " may have at most " + MAX_BYTES);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidFhirException(source, "Bundle", "", "not UTF-8 text");
    }
    try {
      // HAPI reads decimals through new BigDecimal(text): a long or far-scaled number is
      // refused first (a 3.6 KB bundle kept the parser busy for over ten minutes)
      io.pqzk.ledger.ProtoJson.checkNumbers(text);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new InvalidFhirException(source, "Bundle", "", "not a valid FHIR R4 resource ("
          + e.getMessage() + ")");
    }
    IBaseResource parsed;
    try {
      parsed = Fhir.strictParserFor(text).parseResource(text);
    } catch (DataFormatException e) {
      throw new InvalidFhirException(source, "Bundle", "", "not a valid FHIR R4 resource ("
          + Redact.parserMessage(e.getMessage()) + ")");
    } catch (RuntimeException e) {
      // HAPI's parser fails this way on some malformed JSON (an extension that is not an
      // object, an empty property name): the same refusal, naming no value
      throw new InvalidFhirException(source, "Bundle", "", "not a valid FHIR R4 resource (the"
          + " parser failed on its structure: " + e.getClass().getSimpleName() + ")");
    }
    if (!(parsed instanceof Bundle b)) {
      throw new InvalidFhirException(source, parsed.fhirType(), "", "a record is a Bundle,"
          + " not a " + parsed.fhirType());
    }
    if (b.getType() != Bundle.BundleType.COLLECTION
        && b.getType() != Bundle.BundleType.TRANSACTION) {
      throw new InvalidFhirException(source, "Bundle", "Bundle.type", "a record is a collection"
          + " or transaction bundle, not " + (b.getType() == null ? "untyped" : b.getTypeElement()
          .getValueAsString()));
    }
    Extraction x = new Extraction(source, b);
    long[] attrs = new long[Attribute.values().length];
    List<String> notes = new ArrayList<>();
    Entry<Patient> patient = x.patient();
    attrs[Attribute.SUBJECT_ID.ordinal()] = subjectId(source, patient);
    x.checkReferences();
    attrs[Attribute.BIRTH_YEAR.ordinal()] = birthYear(source, patient, notes);
    attrs[Attribute.BLOOD_GROUP.ordinal()] = x.bloodGroup(notes);
    attrs[Attribute.FITNESS.ordinal()] = x.measure(Codes.FITNESS, 100, "fitness", notes);
    attrs[Attribute.VAX_DATE.ordinal()] = x.vaxDate(notes);
    attrs[Attribute.CLEARANCE.ordinal()] = x.measure(Codes.CLEARANCE, 9, "clearance", notes);
    attrs[Attribute.ISSUER.ordinal()] = issuer(source, b, notes);
    return new BundleRecord(bytes.clone(), attrs, notes, b.getTypeElement().getValueAsString());
  }

  /** A resource of the bundle with where it is. */
  record Entry<T extends Resource>(T resource, int index, String fullUrl) {
    String where() {
      return resource.fhirType() + " at Bundle.entry[" + index + "]";
    }
  }

  private static long subjectId(String source, Entry<Patient> p) throws InvalidFhirException {
    List<Identifier> ours = p.resource().getIdentifier().stream()
        .filter(i -> Codes.SUBJECT_ID_SYSTEM.equals(i.getSystem())).toList();
    if (ours.size() > 1) {
      throw new InvalidFhirException(source, p.where(), "Patient.identifier", ours.size()
          + " identifiers of system " + Codes.SUBJECT_ID_SYSTEM + "; a patient has one subject"
          + " id");
    }
    if (ours.size() == 1) {
      String v = ours.get(0).getValue();
      if (v == null || !v.matches("0|[1-9][0-9]{0,9}")
          || Long.parseLong(v) >= Attribute.ABSENT) {
        throw new InvalidFhirException(source, p.where(), "Patient.identifier.value",
            "the subject id of system " + Codes.SUBJECT_ID_SYSTEM + " is a decimal integer in"
            + " [0, 2^32 - 1)");
      }
      return Long.parseLong(v);
    }
    String id = logicalId(p);
    if (id == null || id.length() < 16) {
      throw new InvalidFhirException(source, p.where(), "Patient.id", (id == null ? "missing"
          : "shorter than 16 characters") + ", and no identifier of system "
          + Codes.SUBJECT_ID_SYSTEM + ": the subject id cannot be derived (give the Patient"
          + " that identifier)");
    }
    return derivedSubjectId(id);
  }

  /** The subject id derived from a Patient's logical id (see the class comment). */
  public static long derivedSubjectId(String logicalId) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update("pqzk/v1/fhir-subject".getBytes(StandardCharsets.US_ASCII));
      d.update((byte) 0);
      byte[] h = d.digest(logicalId.getBytes(StandardCharsets.UTF_8));
      long v = ByteBuffer.wrap(h, 0, 8).getLong();
      return Long.remainderUnsigned(v, Attribute.ABSENT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The Patient's own id, or the UUID of a {@code urn:uuid:} fullUrl when it has none. */
  static String logicalId(Entry<Patient> p) {
    String id = p.resource().getIdElement().getIdPart();
    if (id != null && id.startsWith("urn:uuid:")) {
      id = id.substring("urn:uuid:".length());
    }
    if ((id == null || id.isEmpty()) && p.fullUrl() != null
        && p.fullUrl().startsWith("urn:uuid:")) {
      id = p.fullUrl().substring("urn:uuid:".length());
    }
    return id == null || id.isEmpty() ? null : id;
  }

  private static long birthYear(String source, Entry<Patient> p, List<String> notes)
      throws InvalidFhirException {
    if (!p.resource().getBirthDateElement().hasValue()) {
      notes.add("birth_year absent: " + p.where() + " has no Patient.birthDate");
      return Attribute.ABSENT;
    }
    String v = p.resource().getBirthDateElement().getValueAsString();
    if (v == null || !YEAR.matcher(v).lookingAt()) {
      throw new InvalidFhirException(source, p.where(), "Patient.birthDate", "does not start"
          + " with a four-digit year (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    return Long.parseLong(v.substring(0, 4));
  }


  private long issuer(String source, Bundle b, List<String> notes) throws InvalidFhirException {
    String s = b.getMeta().getSource();
    if (s == null || s.isEmpty()) {
      if (issuers.statedSource().isPresent()) {
        return issuers.codes().get(issuers.statedSource().get());
      }
      notes.add("issuer absent: the Bundle has no Bundle.meta.source and no source was stated"
          + " for it");
      return Attribute.ABSENT;
    }
    Long code = issuers.codes().get(s);
    if (code == null) {
      throw new InvalidFhirException(source, "Bundle", "Bundle.meta.source", "a source with no"
          + " issuer code (name it with its code)");
    }
    return code;
  }

  /** The per-bundle state of the extraction: its Patient and the resources about it. */
  private static final class Extraction {
    private final String source;
    private final List<Entry<Patient>> patients = new ArrayList<>();
    private final List<Entry<Observation>> observations = new ArrayList<>();
    private final List<Entry<Immunization>> immunizations = new ArrayList<>();

    Extraction(String source, Bundle b) throws InvalidFhirException {
      this.source = source;
      for (int i = 0; i < b.getEntry().size(); i++) {
        Bundle.BundleEntryComponent e = b.getEntry().get(i);
        Resource r = e.getResource();
        if (r instanceof Patient p) {
          patients.add(new Entry<>(p, i, e.getFullUrl()));
        } else if (r instanceof Observation o) {
          observations.add(new Entry<>(o, i, e.getFullUrl()));
        } else if (r instanceof Immunization m) {
          immunizations.add(new Entry<>(m, i, e.getFullUrl()));
        }
      }
      if (patients.size() != 1) {
        throw new InvalidFhirException(source, "Bundle", "Bundle.entry.resource", patients
            .size() + " Patient resources; one patient's bundle is one record");
      }
    }

    /** Every Observation and Immunization must be about the bundle's Patient. */
    void checkReferences() throws InvalidFhirException {
      for (Entry<Observation> o : observations) {
        about(o, o.resource().getSubject(), "Observation.subject");
      }
      for (Entry<Immunization> m : immunizations) {
        about(m, m.resource().getPatient(), "Immunization.patient");
      }
    }

    Entry<Patient> patient() {
      return patients.get(0);
    }

    private void about(Entry<?> e, Reference ref, String field) throws InvalidFhirException {
      Entry<Patient> p = patient();
      String r = ref.getReference();
      String id = logicalId(p);
      boolean ours = r != null && (r.equals(p.fullUrl()) || (id != null
          && (r.equals("Patient/" + id) || r.equals("urn:uuid:" + id))));
      if (!ours) {
        throw new InvalidFhirException(source, e.where(), field, r == null ? "missing"
            : "does not refer to the bundle's Patient; one patient's bundle is one record");
      }
    }

    long bloodGroup(List<String> notes) throws InvalidFhirException {
      Integer found = null;
      Entry<Observation> first = null;
      for (Entry<Observation> o : observations) {
        if (!counted(o.resource())
            || !hasCoding(o.resource().getCode(), Codes.LOINC, Codes.ABO_RH)) {
          continue;
        }
        if (!o.resource().hasValueCodeableConcept()) {
          throw new InvalidFhirException(source, o.where(), "Observation.value[x]", "LOINC "
              + Codes.ABO_RH + " takes a valueCodeableConcept of SNOMED CT blood groups");
        }
        Integer g = null;
        for (Coding c : o.resource().getValueCodeableConcept().getCoding()) {
          if (Codes.SNOMED.equals(c.getSystem()) && c.getCode() != null
              && Codes.BLOOD_GROUPS.containsKey(c.getCode())) {
            if (g != null && !g.equals(Codes.BLOOD_GROUPS.get(c.getCode()))) {
              throw new InvalidFhirException(source, o.where(), "Observation.valueCodeableConcept",
                  "two different ABO and Rh(D) groups in one value");
            }
            g = Codes.BLOOD_GROUPS.get(c.getCode());
          }
        }
        if (g == null) {
          throw new InvalidFhirException(source, o.where(), "Observation.valueCodeableConcept",
              "none of the eight SNOMED CT ABO and Rh(D) group findings");
        }
        if (found != null && !found.equals(g)) {
          throw new InvalidFhirException(source, o.where(), "Observation.valueCodeableConcept",
              "disagrees with the blood group of " + first.where() + " (ambiguous)");
        }
        found = g;
        first = first == null ? o : first;
      }
      if (found == null) {
        notes.add("blood_group absent: no final Observation coded LOINC " + Codes.ABO_RH);
        return Attribute.ABSENT;
      }
      return found;
    }

    long measure(String code, int max, String attribute, List<String> notes)
        throws InvalidFhirException {
      Entry<Observation> latest = null;
      long latestValue = 0;
      long latestMillis = Long.MIN_VALUE;
      for (Entry<Observation> o : observations) {
        if (!counted(o.resource())
            || !hasCoding(o.resource().getCode(), Codes.PQZK_MEASURES, code)) {
          continue;
        }
        long v = wholeValue(o, max);
        if (!o.resource().hasEffectiveDateTimeType()
            || !o.resource().getEffectiveDateTimeType().hasValue()) {
          throw new InvalidFhirException(source, o.where(), "Observation.effectiveDateTime",
              "missing: the latest " + attribute + " cannot be told");
        }
        long when = o.resource().getEffectiveDateTimeType().getValue().getTime();
        if (latest == null || when > latestMillis) {
          latest = o;
          latestValue = v;
          latestMillis = when;
        } else if (when == latestMillis && v != latestValue) {
          throw new InvalidFhirException(source, o.where(), "Observation.value[x]", "another "
              + attribute + " at the same time as " + latest.where() + " (ambiguous)");
        }
      }
      if (latest == null) {
        notes.add(attribute + " absent: no final Observation coded " + Codes.PQZK_MEASURES + "|"
            + code);
        return Attribute.ABSENT;
      }
      return latestValue;
    }

    private long wholeValue(Entry<Observation> o, int max) throws InvalidFhirException {
      Observation r = o.resource();
      long v;
      if (r.hasValueIntegerType() && r.getValueIntegerType().hasValue()) {
        v = r.getValueIntegerType().getValue();
      } else if (r.hasValueQuantity() && r.getValueQuantity().hasValue()) {
        java.math.BigDecimal d = r.getValueQuantity().getValue();
        if (d.stripTrailingZeros().scale() > 0) {
          throw new InvalidFhirException(source, o.where(), "Observation.valueQuantity.value",
              "not a whole number");
        }
        if (d.signum() < 0 || d.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
          // compared as decimals: longValue() would wrap 2^64 + 5 to 5
          throw new InvalidFhirException(source, o.where(), "Observation.valueQuantity.value",
              "out of range [0, " + max + "]");
        }
        v = d.longValueExact();
      } else {
        throw new InvalidFhirException(source, o.where(), "Observation.value[x]", "missing or"
            + " neither valueInteger nor valueQuantity");
      }
      if (v < 0 || v > max) {
        throw new InvalidFhirException(source, o.where(), "Observation.value[x]", "out of range"
            + " [0, " + max + "]");
      }
      return v;
    }

    long vaxDate(List<String> notes) throws InvalidFhirException {
      String latest = null;
      for (Entry<Immunization> m : immunizations) {
        Immunization r = m.resource();
        if (r.getStatus() != Immunization.ImmunizationStatus.COMPLETED) {
          continue;
        }
        if (!r.hasOccurrenceDateTimeType() || !r.getOccurrenceDateTimeType().hasValue()) {
          throw new InvalidFhirException(source, m.where(), "Immunization.occurrence[x]",
              r.hasOccurrenceStringType() ? "a string, not a date" : "missing");
        }
        DateTimeType t = r.getOccurrenceDateTimeType();
        if (t.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
          throw new InvalidFhirException(source, m.where(), "Immunization.occurrenceDateTime",
              "has no day (a vaccination date is YYYYMMDD)");
        }
        String v = t.getValueAsString();
        if (v == null || !DAY.matcher(v).lookingAt()) {
          throw new InvalidFhirException(source, m.where(), "Immunization.occurrenceDateTime",
              "does not start with a day YYYY-MM-DD");
        }
        String day = v.substring(0, 10).replace("-", "");
        if (latest == null || day.compareTo(latest) > 0) {
          latest = day;
        }
      }
      if (latest == null) {
        notes.add("vax_date absent: no completed Immunization");
        return Attribute.ABSENT;
      }
      return Long.parseLong(latest);
    }

    /** Whether the Observation's status is one counted (an Observation may have none). */
    private static boolean counted(Observation o) {
      return o.getStatus() != null && COUNTED.contains(o.getStatus());
    }

    private static boolean hasCoding(CodeableConcept cc, String system, String code) {
      for (Coding c : cc.getCoding()) {
        if (system.equals(c.getSystem()) && code.equals(c.getCode())) {
          return true;
        }
      }
      return false;
    }
  }
}
