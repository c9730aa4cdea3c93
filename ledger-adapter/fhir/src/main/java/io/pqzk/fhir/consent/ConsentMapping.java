package io.pqzk.fhir.consent;

import com.google.protobuf.ByteString;
import io.pqzk.fhir.InvalidFhirException;
import io.pqzk.fhir.audit.AuditCodes;
import io.pqzk.ledger.PurposeOfUse;
import io.pqzk.ledger.proto.Consent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * FHIR R4 Consent resources and the chain's consent directives, both ways.
 *
 * <p>Import ({@link #toDirective}): status {@code active} is a directive, {@code inactive} or
 * {@code entered-in-error} withdraws it; scope must be {@code patient-privacy}; the patient is
 * {@code Patient/<subject id>}; one provision (nested provisions are refused) whose type permit
 * or deny is the decision, whose purposes (v3-ActReason, HL7 PurposeOfUse codes) are the
 * purposes, whose actors are readers (identifier system {@value AuditCodes#READER_SYSTEM}, the
 * key id) or genesis roles (identifier system {@value #ROLE_SYSTEM}, the role name), none meaning
 * anyone, and whose period is the directive's (open ends: from the epoch, until the end of time).
 * The directive's id is the identifier of system {@value #CONSENT_ID_SYSTEM} (32 hex digits) or,
 * without one, the first 16 bytes of SHA-256("pqzk/v1/fhir-consent" 0x00 Consent.id); its
 * sequence is Consent.meta.versionId (a positive integer), so a newer version replaces an older
 * one and an old one cannot be replayed.
 *
 * <p>Export ({@link #toConsent}) writes the same fields back, with category LOINC 59284-0 and
 * policyRule OPTIN (permit) or OPTOUT (deny).
 */
public final class ConsentMapping {
  public static final String CONSENT_ID_SYSTEM = "urn:pqzk:fhir:consent-id";
  public static final String ROLE_SYSTEM = "urn:pqzk:fhir:genesis-role";
  static final String SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final HexFormat HEX = HexFormat.of();

  private ConsentMapping() {}

  /** A directive read from a FHIR Consent, before its record is known. */
  public record Directive(String subjectId, Consent.Builder consent) {}

  /** Reads {@code c}; {@code source} names it in messages. */
  public static Directive toDirective(org.hl7.fhir.r4.model.Consent c, String source)
      throws InvalidFhirException {
    String where = "Consent";
    Consent.Builder out = Consent.newBuilder();
    switch (c.getStatus() == null ? org.hl7.fhir.r4.model.Consent.ConsentState.NULL
        : c.getStatus()) {
      case ACTIVE -> { }
      case INACTIVE, ENTEREDINERROR -> out.setWithdraw(true);
      default -> throw new InvalidFhirException(source, where, "Consent.status", "active (a"
          + " directive), inactive or entered-in-error (a withdrawal), not "
          + (c.getStatus() == null ? "missing" : c.getStatus().toCode()));
    }
    boolean privacy = c.getScope().getCoding().stream()
        .anyMatch(x -> SCOPE.equals(x.getSystem()) && "patient-privacy".equals(x.getCode()));
    if (!privacy) {
      throw new InvalidFhirException(source, where, "Consent.scope", "a directive about reads"
          + " is of scope patient-privacy");
    }
    String ref = c.getPatient().getReference();
    if (ref == null || !ref.matches("Patient/(0|[1-9][0-9]{0,9})")) {
      throw new InvalidFhirException(source, where, "Consent.patient", "refers to Patient/<subject"
          + " id> as the FHIR facade serves it");
    }
    String subject = ref.substring("Patient/".length());
    out.setConsentId(ByteString.copyFrom(consentId(c, source)));
    String version = c.getMeta().getVersionId();
    if (version == null || !version.matches("[1-9][0-9]{0,17}")) {
      throw new InvalidFhirException(source, where, "Consent.meta.versionId", "missing or not a"
          + " positive integer: the directive's sequence, so that a newer one replaces it");
    }
    out.setSequence(Long.parseLong(version));
    org.hl7.fhir.r4.model.Consent.ProvisionComponent p = c.getProvision();
    if (!p.getProvision().isEmpty()) {
      throw new InvalidFhirException(source, where, "Consent.provision.provision", "nested"
          + " provisions are not supported: one Consent per directive");
    }
    if (!out.getWithdraw()) {
      if (p.getType() == org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT) {
        out.setDecision(Consent.Decision.PERMIT);
      } else if (p.getType() == org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY) {
        out.setDecision(Consent.Decision.DENY);
      } else {
        throw new InvalidFhirException(source, where, "Consent.provision.type", "missing: permit"
            + " or deny");
      }
      if (p.getPurpose().isEmpty()) {
        throw new InvalidFhirException(source, where, "Consent.provision.purpose", "missing: a"
            + " directive names the purposes of use it is about");
      }
      for (Coding purpose : p.getPurpose()) {
        if (!AuditCodes.PURPOSE.equals(purpose.getSystem())
            || !PurposeOfUse.isCode(purpose.getCode())) {
          throw new InvalidFhirException(source, where, "Consent.provision.purpose", "not an HL7"
              + " PurposeOfUse code of " + AuditCodes.PURPOSE);
        }
        out.addPurposes(purpose.getCode());
      }
      for (org.hl7.fhir.r4.model.Consent.provisionActorComponent a : p.getActor()) {
        Identifier id = a.getReference().getIdentifier();
        if (AuditCodes.READER_SYSTEM.equals(id.getSystem()) && id.getValue() != null
            && id.getValue().matches("[0-9a-f]{64}")) {
          out.addReaderKeyIds(ByteString.copyFrom(HEX.parseHex(id.getValue())));
        } else if (ROLE_SYSTEM.equals(id.getSystem()) && id.hasValue()) {
          out.addRoles(id.getValue());
        } else {
          throw new InvalidFhirException(source, where, "Consent.provision.actor.reference",
              "names a reader by identifier " + AuditCodes.READER_SYSTEM + " (its key id, 64"
              + " hex digits) or a role by " + ROLE_SYSTEM);
        }
      }
      Period period = p.getPeriod();
      out.setNotBeforeMillis(period.hasStart() ? period.getStart().getTime() : 0);
      out.setNotAfterMillis(period.hasEnd() ? period.getEnd().getTime() : Long.MAX_VALUE);
    }
    return new Directive(subject, out);
  }

  private static byte[] consentId(org.hl7.fhir.r4.model.Consent c, String source)
      throws InvalidFhirException {
    List<Identifier> ours = c.getIdentifier().stream()
        .filter(i -> CONSENT_ID_SYSTEM.equals(i.getSystem())).toList();
    if (ours.size() > 1) {
      throw new InvalidFhirException(source, "Consent", "Consent.identifier", "two identifiers"
          + " of system " + CONSENT_ID_SYSTEM);
    }
    if (ours.size() == 1) {
      String v = ours.get(0).getValue();
      if (v == null || !v.matches("[0-9a-f]{32}")) {
        throw new InvalidFhirException(source, "Consent", "Consent.identifier.value", "a consent"
            + " id is 32 hex digits");
      }
      return HEX.parseHex(v);
    }
    String id = c.getIdElement().getIdPart();
    if (id == null || id.isEmpty()) {
      throw new InvalidFhirException(source, "Consent", "Consent.id", "missing, and no"
          + " identifier of system " + CONSENT_ID_SYSTEM + ": the directive has no id");
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update("pqzk/v1/fhir-consent".getBytes(StandardCharsets.US_ASCII));
      d.update((byte) 0);
      return Arrays.copyOf(d.digest(id.getBytes(StandardCharsets.UTF_8)), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The FHIR Consent of a directive kept on the chain for the record of {@code subjectId}. */
  public static org.hl7.fhir.r4.model.Consent toConsent(Consent k, String subjectId) {
    org.hl7.fhir.r4.model.Consent c = new org.hl7.fhir.r4.model.Consent();
    String id = HEX.formatHex(k.getConsentId().toByteArray());
    c.setId(id);
    c.getMeta().setVersionId(Long.toString(k.getSequence()));
    c.addIdentifier().setSystem(CONSENT_ID_SYSTEM).setValue(id);
    c.setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
    c.setScope(new CodeableConcept(new Coding(SCOPE, "patient-privacy", "Privacy Consent")));
    c.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0",
        "Consent Document")));
    c.setPatient(new Reference("Patient/" + subjectId));
    c.setPolicyRule(new CodeableConcept(new Coding(ACT_CODE,
        k.getDecision() == Consent.Decision.DENY ? "OPTOUT" : "OPTIN",
        k.getDecision() == Consent.Decision.DENY ? "opt-out" : "opt-in")));
    org.hl7.fhir.r4.model.Consent.ProvisionComponent p = c.getProvision();
    p.setType(k.getDecision() == Consent.Decision.DENY
        ? org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY
        : org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT);
    Period period = new Period();
    if (k.getNotBeforeMillis() > 0) {
      period.setStart(new Date(k.getNotBeforeMillis()));
    }
    if (k.getNotAfterMillis() != Long.MAX_VALUE) {
      period.setEnd(new Date(k.getNotAfterMillis()));
    }
    if (period.hasStart() || period.hasEnd()) {
      p.setPeriod(period);
    }
    for (ByteString r : k.getReaderKeyIdsList()) {
      p.addActor().setRole(recipient()).setReference(new Reference().setIdentifier(
          new Identifier().setSystem(AuditCodes.READER_SYSTEM).setValue(HEX.formatHex(
              r.toByteArray()))));
    }
    for (String role : k.getRolesList()) {
      p.addActor().setRole(recipient()).setReference(new Reference().setIdentifier(
          new Identifier().setSystem(ROLE_SYSTEM).setValue(role)));
    }
    for (String purpose : k.getPurposesList()) {
      p.addPurpose(new Coding(AuditCodes.PURPOSE, purpose, null));
    }
    return c;
  }

  private static CodeableConcept recipient() {
    return new CodeableConcept(new Coding(AuditCodes.PARTICIPATION, "IRCP",
        "information recipient"));
  }
}
