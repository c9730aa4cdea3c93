package io.pqzk.fhir.bundle;

/**
 * Parser messages without what they quote: HAPI's name the offending value. The element name
 * HAPI puts in {@code [element="birthDate"]} is kept (a name from the FHIR model, letters only).
 */
final class Redact {
  private Redact() {}

  /** The first line of a parser message with quoted text replaced by "...". */
  static String parserMessage(String m) {
    if (m == null) {
      return "";
    }
    String line = m.lines().findFirst().orElse("");
    line = line.replaceAll("\\[element=\"([A-Za-z]{1,64})\"\\]", "[element $1]");
    return line.replaceAll("\"[^\"]*\"", "\"...\"").replaceAll("'[^']*'", "'...'")
        .replaceAll("[^\\x20-\\x7e]", "?");
  }
}
