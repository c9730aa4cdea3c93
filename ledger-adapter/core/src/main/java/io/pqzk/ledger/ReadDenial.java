package io.pqzk.ledger;

/**
 * Why a read of a kept record was refused: the code a custodian writes into a denied access
 * event ({@code CustodianAccess.denial}) and the one {@link CustodianAccessRule#judge} gives.
 * The first group is what the chain itself checks for a release; the second what only the
 * custodian can see (the request, its vault), which the chain records as the custodian says.
 */
public enum ReadDenial {
  /** The key is no registered reader (the custodian writes no event for it). */
  UNKNOWN_READER,
  /** The reader's registration was revoked. */
  READER_REVOKED,
  /** The record has no custody on the chain, or none with this custodian. */
  UNKNOWN_RECORD,
  /** Another custodian keeps the record. */
  WRONG_CUSTODIAN,
  /** The record was purged. */
  PURGED,
  /** The purpose is not an HL7 PurposeOfUse code. */
  UNKNOWN_PURPOSE,
  /** The reader's jurisdiction may not receive records resident where this one is. */
  RESIDENCY,
  /** No grant names this reader for this record. */
  NO_GRANT,
  GRANT_REVOKED,
  GRANT_EXPIRED,
  /** The grant is for another purpose of use. */
  WRONG_PURPOSE,
  /** The grant fails another of its terms (read time, its author's authority over the record). */
  GRANT_INVALID,
  /** A consent directive of the patient denies this reader this purpose. */
  CONSENT_DENIED,
  /** The record's jurisdiction needs the patient's permit, and none covers this read. */
  NO_CONSENT,
  /** The request was honoured already. */
  REPLAYED_REQUEST,
  /** The reader does not hold a break-glass role allowing this purpose. */
  NOT_BREAK_GLASS,

  /** The request was signed by another reader than the authenticated one. */
  FOREIGN_REQUEST,
  /** The request expired, or is valid for too long, or names another chain or custodian. */
  BAD_REQUEST,
  /** The custodian keeps no record of this subject. */
  UNKNOWN_SUBJECT,
  /** The record is kept here, but its residency is another jurisdiction's. */
  NOT_RESIDENT,
  /** The grant did not hold any more once the access event was final (a revocation raced it). */
  WITHHELD
}
