package io.pqzk.fhir.audit;

import io.pqzk.fhir.FhirException;

/** The custodian's chain index names an event that no final block holds. */
public final class UnconfirmedEventException extends FhirException {
  private static final long serialVersionUID = 1L;
  private final long height;

  public UnconfirmedEventException(long height, String transactionHex) {
    super("the chain index names transaction " + transactionHex.substring(0, 16) + " at height "
        + height + ", which no final block holds");
    this.height = height;
  }

  public long height() {
    return height;
  }
}
