package io.pqzk.ledger;

/**
 * The one check of the free-text fields the transaction rules read (schema, purpose, policy,
 * claim kind): length-capped printable ASCII, so that no stranger's string can carry a terminal
 * escape, a forged line break or megabytes into the state, a log or {@code pqzk chain show}.
 * A refusal names the field and shows the value escaped ({@link Printable#escape}).
 */
final class TextFields {
  private TextFields() {}

  /** Refuses {@code value} unless it is 1 to {@code max} printable ASCII characters. */
  static void require(ParsedTransaction tx, String field, String value, int max)
      throws TransactionRejectedException {
    if (!Printable.isPrintable(value, max)) {
      throw BlockDraft.reject(tx, field + " must be 1 to " + max
          + " printable ASCII characters, got \"" + Printable.escape(value) + "\" ("
          + value.length() + " characters)");
    }
  }

  /** As {@link #require}, but an empty value is allowed (an optional field). */
  static void optional(ParsedTransaction tx, String field, String value, int max)
      throws TransactionRejectedException {
    if (!value.isEmpty()) {
      require(tx, field, value, max);
    }
  }
}
