package io.pqzk.fhir.anomaly;

/**
 * One custodian decision as the anomaly detector reads it from the chain: who (the reader's key
 * id, hex), which record (its commitment, hex; empty for a denial of an unknown subject), when
 * (the custodian's judgement time), how it ended, and for a break-glass read whether an
 * authority has reviewed it. Nothing of the record's content: the chain holds none.
 */
public record Access(String reader, String record, long millis, Outcome outcome,
    boolean reviewed) {
  /** How the custodian decided. */
  public enum Outcome { RELEASED, DENIED, BREAK_GLASS }

  public Access {
    if (reader == null || reader.isEmpty()) {
      throw new IllegalArgumentException("an access needs its reader");
    }
    record = record == null ? "" : record;
    if (outcome == null) {
      throw new IllegalArgumentException("an access needs its outcome");
    }
  }

  /** A release, with or without a grant. */
  public boolean read() {
    return outcome != Outcome.DENIED;
  }
}
