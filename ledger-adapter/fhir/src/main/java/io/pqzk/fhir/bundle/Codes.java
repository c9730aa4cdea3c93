package io.pqzk.fhir.bundle;

import java.util.Map;

/**
 * The codes the extraction rules read, in one place (the module README lists them too). LOINC
 * and SNOMED CT where a standard code exists; this project's own code system for the two service
 * measures no standard codes (a physical fitness score, a security clearance level).
 */
public final class Codes {
  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  /** This project's code system: the service measures without a standard code. */
  public static final String PQZK_MEASURES = "urn:pqzk:fhir:service-measure";
  /** The identifier system whose value is a patient's subject id (decimal, below 2^32 - 1). */
  public static final String SUBJECT_ID_SYSTEM = "urn:pqzk:fhir:subject-id";

  /** LOINC 882-1, ABO and Rh group [Type] in Blood. */
  public static final String ABO_RH = "882-1";
  /** Our code of a physical fitness score, an integer 0 to 100. */
  public static final String FITNESS = "fitness-score";
  /** Our code of a security clearance level, an integer 0 to 9. */
  public static final String CLEARANCE = "clearance-level";

  /**
   * SNOMED CT findings of ABO and Rh(D) group (the IPS blood group value set) to the record's
   * blood group code: O- 0, O+ 1, A- 2, A+ 3, B- 4, B+ 5, AB- 6, AB+ 7.
   */
  public static final Map<String, Integer> BLOOD_GROUPS = Map.of(
      "278148006", 0, "278147001", 1, "278152006", 2, "278149003", 3,
      "278153001", 4, "278150003", 5, "278154007", 6, "278151004", 7);

  private Codes() {}
}
