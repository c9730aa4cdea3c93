package io.pqzk.fhir.audit;

import io.pqzk.ledger.proto.CustodianAccess;
import io.pqzk.ledger.proto.TransactionBody;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Chain events as FHIR R4 AuditEvents, following the IHE Basic Audit Log Patterns:
 *
 * <ul>
 *   <li>a release (RELEASED): the PatientRead pattern: type audit-event-type {@code rest},
 *       subtype restful-interaction {@code read}, action R, outcome 0, the purpose of use, the
 *       reader as the requesting agent (its grant as the agent's policy), the custodian as the
 *       source agent, the patient as the entity of role Patient;
 *   <li>a refusal (DENIED): the same read, outcome 4 (minor failure), outcomeDesc naming the
 *       denial code;
 *   <li>a break-glass release: type DICOM 110113 Security Alert, subtypes DICOM 110127 Emergency
 *       Override Started and {@code read}, the reader's break-glass role as its agent role;
 *   <li>a break-glass review: DICOM 110113 with 110138 Emergency Override Stopped;
 *   <li>a purge: type {@code rest}, subtype {@code delete}, action D.
 * </ul>
 *
 * Every AuditEvent's id is the transaction id (hex) and its second entity is the ledger
 * transaction itself, whose details carry the chain id, the height, the transaction id and the
 * record commitment: {@link AuditCheck} finds the event on the chain by them.
 */
public final class AuditEvents {
  private static final HexFormat HEX = HexFormat.of();

  /** Names of keys (readers, custodians, authorities) as the chain registers them. */
  public interface Names {
    /** The registered name of a reader or genesis member, or empty. */
    Optional<String> name(byte[] keyId);
  }

  private final String chainId;
  private final Names names;

  public AuditEvents(String chainId, Names names) {
    this.chainId = chainId;
    this.names = names;
  }

  /**
   * The AuditEvent of {@code e}, with {@code patient} ({@code Patient/<subject id>}, or null when
   * the subject is not known here) as the patient entity; empty for transactions that are no
   * audit event (registrations, grants, consent directives).
   */
  public Optional<AuditEvent> of(ChainEvent e, String patient) {
    TransactionBody b = e.body();
    AuditEvent a;
    byte[] record;
    switch (b.getPayloadCase()) {
      case CUSTODIAN_ACCESS -> {
        CustodianAccess c = b.getCustodianAccess();
        a = access(c, b.getAuthorKeyId().toByteArray());
        record = c.getRecordCommitment().toByteArray();
      }
      case BREAK_GLASS_REVIEW -> {
        a = new AuditEvent();
        a.setType(new Coding(AuditCodes.DICOM, AuditCodes.SECURITY_ALERT, "Security Alert"));
        a.addSubtype(new Coding(AuditCodes.DICOM, AuditCodes.OVERRIDE_STOPPED,
            "Emergency Override Stopped"));
        a.setAction(AuditEvent.AuditEventAction.E);
        a.setRecorded(new Date(e.blockMillis()));
        a.setOutcome(AuditEvent.AuditEventOutcome._0);
        a.setOutcomeDesc("break-glass event " + HEX.formatHex(b.getBreakGlassReview()
            .getEventTransactionId().toByteArray()) + " reviewed: " + b.getBreakGlassReview()
            .getFinding());
        a.addAgent(member(b.getAuthorKeyId().toByteArray(), true));
        source(a, b.getAuthorKeyId().toByteArray());
        record = new byte[0];
      }
      case RECORD_PURGE -> {
        a = new AuditEvent();
        a.setType(new Coding(AuditCodes.EVENT_TYPE, "rest", "RESTful Operation"));
        a.addSubtype(new Coding(AuditCodes.RESTFUL, "delete", "delete"));
        a.setAction(AuditEvent.AuditEventAction.D);
        a.setRecorded(new Date(e.blockMillis()));
        a.setOutcome(AuditEvent.AuditEventOutcome._0);
        a.setOutcomeDesc("purged by its owner (crypto-shredded; the commitment stays)");
        a.addAgent(member(b.getAuthorKeyId().toByteArray(), true));
        source(a, b.getAuthorKeyId().toByteArray());
        record = b.getRecordPurge().getRecordCommitment().toByteArray();
      }
      default -> {
        return Optional.empty();
      }
    }
    a.setId(e.transactionHex());
    if (patient != null) {
      a.addEntity().setWhat(new Reference(patient))
          .setType(new Coding(AuditCodes.ENTITY_TYPE, "1", "Person"))
          .setRole(new Coding(AuditCodes.OBJECT_ROLE, "1", "Patient"));
    }
    AuditEvent.AuditEventEntityComponent tx = a.addEntity()
        .setWhat(new Reference().setIdentifier(new Identifier()
            .setSystem(AuditCodes.TRANSACTION_SYSTEM).setValue(e.transactionHex())))
        .setType(new Coding(AuditCodes.ENTITY_TYPE, "4", "Other"))
        .setDescription("the ledger transaction of this event");
    tx.addDetail().setType(AuditCodes.DETAIL_CHAIN).setValue(
        new org.hl7.fhir.r4.model.StringType(chainId));
    tx.addDetail().setType(AuditCodes.DETAIL_HEIGHT).setValue(
        new org.hl7.fhir.r4.model.StringType(Long.toString(e.height())));
    tx.addDetail().setType(AuditCodes.DETAIL_TRANSACTION).setValue(
        new org.hl7.fhir.r4.model.StringType(e.transactionHex()));
    if (record.length > 0) {
      tx.addDetail().setType(AuditCodes.DETAIL_RECORD).setValue(
          new org.hl7.fhir.r4.model.StringType(HEX.formatHex(record)));
    }
    return Optional.of(a);
  }

  private AuditEvent access(CustodianAccess c, byte[] custodian) {
    AuditEvent a = new AuditEvent();
    boolean glass = c.getOutcome() == CustodianAccess.Outcome.BREAK_GLASS;
    if (glass) {
      a.setType(new Coding(AuditCodes.DICOM, AuditCodes.SECURITY_ALERT, "Security Alert"));
      a.addSubtype(new Coding(AuditCodes.DICOM, AuditCodes.OVERRIDE_STARTED,
          "Emergency Override Started"));
    } else {
      a.setType(new Coding(AuditCodes.EVENT_TYPE, "rest", "RESTful Operation"));
    }
    a.addSubtype(new Coding(AuditCodes.RESTFUL, "read", "read"));
    a.setAction(AuditEvent.AuditEventAction.R);
    a.setRecorded(new Date(c.getReadMillis()));
    if (c.getOutcome() == CustodianAccess.Outcome.DENIED) {
      a.setOutcome(AuditEvent.AuditEventOutcome._4);
      a.setOutcomeDesc("denied: " + c.getDenial() + (c.getDetail().isEmpty() ? ""
          : " (" + c.getDetail() + ")") + (c.getSuppressedDenials() == 0 ? ""
          : "; " + c.getSuppressedDenials() + " earlier denials rate-limited"));
    } else {
      a.setOutcome(AuditEvent.AuditEventOutcome._0);
    }
    if (!c.getPurpose().isEmpty()) {
      a.addPurposeOfEvent(new CodeableConcept(new Coding(AuditCodes.PURPOSE, c.getPurpose(),
          null)));
    }
    AuditEvent.AuditEventAgentComponent reader = a.addAgent()
        .setType(new CodeableConcept(new Coding(AuditCodes.DICOM, AuditCodes.DESTINATION_ROLE,
            "Destination Role ID")))
        .setWho(who(AuditCodes.READER_SYSTEM, c.getReaderKeyId().toByteArray()))
        .setRequestor(true);
    if (!c.getGrantId().isEmpty() && c.getOutcome() == CustodianAccess.Outcome.RELEASED) {
      reader.addPolicy("urn:pqzk:fhir:grant:" + HEX.formatHex(c.getGrantId().toByteArray()));
    }
    if (glass) {
      reader.addRole(new CodeableConcept().setText(c.getBreakGlassRole()));
    }
    a.addAgent().setType(new CodeableConcept(new Coding(AuditCodes.DICOM,
        AuditCodes.SOURCE_ROLE, "Source Role ID")))
        .setWho(who(AuditCodes.MEMBER_SYSTEM, custodian)).setRequestor(false);
    source(a, custodian);
    return a;
  }

  private AuditEvent.AuditEventAgentComponent member(byte[] key, boolean requestor) {
    return new AuditEvent.AuditEventAgentComponent()
        .setWho(who(AuditCodes.MEMBER_SYSTEM, key)).setRequestor(requestor);
  }

  private void source(AuditEvent a, byte[] observer) {
    a.getSource().setSite(chainId).setObserver(who(AuditCodes.MEMBER_SYSTEM, observer))
        .addType(new Coding(AuditCodes.SOURCE_TYPE, "4", "Application Server"));
  }

  private Reference who(String system, byte[] key) {
    Reference r = new Reference().setIdentifier(new Identifier().setSystem(system)
        .setValue(HEX.formatHex(key)));
    names.name(key).ifPresent(r::setDisplay);
    return r;
  }

  /** Names from a function (tests, or a lookup in the chain state). */
  public static Names names(Function<byte[], Optional<String>> f) {
    return f::apply;
  }
}
