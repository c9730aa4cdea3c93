package io.pqzk.fhir.audit;

/** The code systems and identifier systems of the AuditEvents this module writes and checks. */
public final class AuditCodes {
  public static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  public static final String RESTFUL = "http://hl7.org/fhir/restful-interaction";
  public static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
  public static final String PURPOSE = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  public static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  public static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  public static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  public static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";

  /** A registered reader, by its key id (hex SHA3-256 of its ML-DSA key). */
  public static final String READER_SYSTEM = "urn:pqzk:fhir:reader-key-id";
  /** A genesis custodian or authority, by its key id. */
  public static final String MEMBER_SYSTEM = "urn:pqzk:fhir:ledger-key-id";
  /** A ledger transaction, by its id (hex). */
  public static final String TRANSACTION_SYSTEM = "urn:pqzk:fhir:ledger-transaction";

  /** entity.detail types carrying where the event is on the chain. */
  public static final String DETAIL_HEIGHT = "ledger-height";
  public static final String DETAIL_TRANSACTION = "ledger-transaction-id";
  public static final String DETAIL_CHAIN = "ledger-chain-id";
  public static final String DETAIL_RECORD = "record-commitment";
  public static final String DETAIL_DENIAL = "denial";

  /** DICOM: Security Alert, Emergency Override Started / Stopped. */
  public static final String SECURITY_ALERT = "110113";
  public static final String OVERRIDE_STARTED = "110127";
  public static final String OVERRIDE_STOPPED = "110138";
  /** DICOM: Source Role ID (the custodian), Destination Role ID (the reader). */
  public static final String SOURCE_ROLE = "110153";
  public static final String DESTINATION_ROLE = "110152";

  private AuditCodes() {}
}
