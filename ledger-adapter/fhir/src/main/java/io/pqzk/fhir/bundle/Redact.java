package io.pqzk.fhir.bundle;

/** Parser messages without what they quote: HAPI's name the offending value. */
final class Redact {
  private Redact() {}

  /** The first line of a parser message with quoted text replaced by "...". */
  static String parserMessage(String m) {
    if (m == null) {
      return "";
    }
    String line = m.lines().findFirst().orElse("");
    return line.replaceAll("\"[^\"]*\"", "\"...\"").replaceAll("'[^']*'", "'...'")
        .replaceAll("[^\\x20-\\x7e]", "?");
  }
}
