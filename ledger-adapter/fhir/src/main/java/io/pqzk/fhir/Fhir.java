package io.pqzk.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * The one FHIR R4 context of the process (building one scans every model class: seconds), and
 * parsers over it. A parser is cheap and not thread-safe: take a new one per use.
 */
public final class Fhir {
  private Fhir() {}

  /** The shared R4 context. */
  public static FhirContext r4() {
    return FhirContext.forR4Cached();
  }

  /** A JSON parser that refuses unknown elements and malformed values instead of skipping them. */
  public static IParser strictJson() {
    return r4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
  }

  /** A strict parser for JSON or XML, chosen by the first character that is not white space. */
  public static IParser strictParserFor(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (!Character.isWhitespace(ch) && ch != '\uFEFF') {
        return ch == '<'
            ? r4().newXmlParser().setParserErrorHandler(new StrictErrorHandler())
            : strictJson();
      }
    }
    return strictJson();
  }

  /** A JSON writer for resources this module produces. */
  public static IParser json() {
    return r4().newJsonParser();
  }
}
