package io.pqzk.fhir;

/**
 * The root of this module's checked exceptions: FHIR input that cannot be used (a bundle, a
 * Consent, an AuditEvent), each subclass saying what was wrong and where. Failures of the
 * custodian underneath stay the records module's exceptions. Programmer errors stay {@link
 * IllegalArgumentException} and {@link NullPointerException}.
 */
public class FhirException extends Exception {
  private static final long serialVersionUID = 1L;

  public FhirException(String message) {
    super(message);
  }

  public FhirException(String message, Throwable cause) {
    super(message, cause);
  }
}
