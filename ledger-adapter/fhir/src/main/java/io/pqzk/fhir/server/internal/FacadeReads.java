package io.pqzk.fhir.server.internal;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.google.protobuf.ByteString;
import io.pqzk.fhir.Fhir;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.PurposeOfUse;
import io.pqzk.ledger.ReaderRegistrationRule;
import io.pqzk.ledger.proto.StoredReader;
import io.pqzk.records.RecordsException;
import io.pqzk.records.UnauthenticatedException;
import io.pqzk.records.custodian.Caller;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.proto.Delivery;
import io.pqzk.records.proto.ReadRequest;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.Refusal;
import io.pqzk.records.proto.Release;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.service.Pki;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Every FHIR request that touches a record goes through {@link #read}: one custodian read under
 * the ledger's rules, for the reader the mutual-TLS client certificate is bound to on the chain,
 * with the purpose of use the request states ({@value #PURPOSE_HEADER}, an HL7 PurposeOfUse
 * code) and, for an emergency, a break-glass reason ({@value #REASON_HEADER}). The custodian
 * writes the access event and waits until it is final before it releases anything; a refusal is
 * a FHIR OperationOutcome with the status that fits (401 unauthenticated, 403 refused by policy,
 * 404 no such patient, 410 purged, 400 a malformed request), its denied event on the chain.
 */
public final class FacadeReads {
  public static final String PURPOSE_HEADER = "X-Purpose-Of-Use";
  public static final String REASON_HEADER = "X-Break-Glass-Reason";
  public static final String ROLE_HEADER = "X-Break-Glass-Role";
  /** The response header naming the access event: {@code <tx id hex>; height=<h>}. */
  public static final String EVENT_HEADER = "X-Pqzk-Access-Event";
  /** A request attribute the request log reads: the event, never the patient. */
  public static final String EVENT_ATTRIBUTE = "io.pqzk.fhir.event";
  private static final HexFormat HEX = HexFormat.of();
  private static final long LIFETIME_MILLIS = 60_000;
  private final Custodian custodian;
  private final SecureRandom random = new SecureRandom();

  public FacadeReads(Custodian custodian) {
    this.custodian = custodian;
  }

  public Custodian custodian() {
    return custodian;
  }

  /** A record released: the bundle as imported, and its final access event. */
  public record Released(Bundle bundle, String subjectId, byte[] eventTransactionId,
      long eventHeight) {}

  /** One custodian read of the record of {@code subjectId}, or the refusal as an exception. */
  public Released read(HttpServletRequest req, HttpServletResponse resp, String subjectId) {
    if (subjectId == null || !subjectId.matches("0|[1-9][0-9]{0,9}")) {
      throw new ResourceNotFoundException("no Patient of this id (ids are subject ids)");
    }
    Object chain = req.getAttribute("jakarta.servlet.request.X509Certificate");
    if (!(chain instanceof X509Certificate[] certs) || certs.length == 0) {
      throw new AuthenticationException("no verified TLS client certificate");
    }
    byte[] fingerprint = Pki.fingerprint(certs[0]);
    String purpose = req.getHeader(PURPOSE_HEADER);
    if (purpose == null || !PurposeOfUse.isCode(purpose.trim())) {
      throw new InvalidRequestException("state the purpose of use in the " + PURPOSE_HEADER
          + " header, an HL7 v3 PurposeOfUse code (e.g. TREAT, ETREAT, HOPERAT)");
    }
    try {
      StoredReader reader = custodian.ledger().read(s -> ReaderRegistrationRule
          .readerByCertificate(s, fingerprint));
      if (reader == null) {
        throw new AuthenticationException("the TLS client certificate is bound to no registered"
            + " reader");
      }
      long now = System.currentTimeMillis();
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      ReadRequest.Builder r = ReadRequest.newBuilder()
          .setChainId(custodian.genesis().chainId())
          .setCustodianKeyId(ByteString.copyFrom(custodian.info().key().keyId()))
          .setReaderKeyId(reader.getRegistration().getReaderKeyId()).setSubjectId(subjectId)
          .setPurpose(purpose.trim()).setNonce(ByteString.copyFrom(nonce))
          .setIssuedMillis(now).setExpiresMillis(now + LIFETIME_MILLIS)
          .setDelivery(Delivery.DELIVERY_PLAINTEXT_OVER_TLS);
      String reason = req.getHeader(REASON_HEADER);
      if (reason != null) {
        r.setBreakGlassReason(reason);
        String role = req.getHeader(ROLE_HEADER);
        if (role != null) {
          r.setBreakGlassRole(role);
        }
      }
      ReadResponse out = custodian.read(SignedReadRequest.newBuilder()
          .setRequest(r.build().toByteString()).build(), Caller.certificateOnly(fingerprint));
      if (out.hasRefusal()) {
        Refusal f = out.getRefusal();
        if (!f.getEventTransactionId().isEmpty()) {
          note(req, resp, f.getEventTransactionId().toByteArray(), f.getEventHeight());
        }
        throw refusal(f);
      }
      Release rel = out.getRelease();
      note(req, resp, rel.getEventTransactionId().toByteArray(), rel.getEventHeight());
      byte[] doc = rel.getDocument().toByteArray();
      try {
        Bundle b = Fhir.json().parseResource(Bundle.class, new String(doc,
            StandardCharsets.UTF_8));
        return new Released(b, subjectId, rel.getEventTransactionId().toByteArray(),
            rel.getEventHeight());
      } catch (RuntimeException e) {
        throw new ResourceNotFoundException("the record of this patient is not a FHIR bundle");
      } finally {
        Arrays.fill(doc, (byte) 0);
      }
    } catch (UnauthenticatedException e) {
      throw new AuthenticationException(e.getMessage());
    } catch (RecordsException | LedgerException e) {
      throw new InternalErrorException("the custodian cannot serve this read now: "
          + e.getClass().getSimpleName());
    }
  }

  private static void note(HttpServletRequest req, HttpServletResponse resp, byte[] tx,
      long height) {
    String v = HEX.formatHex(tx) + "; height=" + height;
    resp.setHeader(EVENT_HEADER, v);
    req.setAttribute(EVENT_ATTRIBUTE, v);
  }

  /** A refusal as the HAPI exception of its status, with an OperationOutcome naming the event. */
  static BaseServerResponseException refusal(Refusal f) {
    String msg = f.getDenial() + ": " + f.getMessage() + (f.getEventTransactionId().isEmpty()
        ? " (no event written)" : " (denied event " + HEX.formatHex(f.getEventTransactionId()
        .toByteArray()) + " at height " + f.getEventHeight() + ")");
    OperationOutcome oo = new OperationOutcome();
    OperationOutcome.IssueType type = switch (f.getDenial()) {
      case "UNKNOWN_SUBJECT", "PURGED" -> OperationOutcome.IssueType.NOTFOUND;
      case "BAD_REQUEST", "UNKNOWN_PURPOSE" -> OperationOutcome.IssueType.INVALID;
      default -> OperationOutcome.IssueType.FORBIDDEN;
    };
    oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type)
        .setDiagnostics(msg);
    return switch (f.getDenial()) {
      case "UNKNOWN_SUBJECT" -> new ResourceNotFoundException(msg, oo);
      case "PURGED" -> new ResourceGoneException(msg, oo);
      case "BAD_REQUEST", "UNKNOWN_PURPOSE" -> new InvalidRequestException(msg, oo);
      default -> new ForbiddenOperationException(msg, oo);
    };
  }
}
