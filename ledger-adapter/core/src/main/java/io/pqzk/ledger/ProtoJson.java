package io.pqzk.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * Protobuf JSON read from files strangers write (genesis files, network and node descriptions,
 * attester lists, exported openings, transaction payloads), with the one guard JsonFormat lacks:
 * it reads a number, bare or quoted, into a uint64 field through {@code new BigDecimal(text)
 * .toBigIntegerExact()}, so {@code 1e1000000} expands to a million digits first (24 s for one
 * exported opening, found by OpeningExportFuzzTest). Numbers of more than {@value #MAX_NUMBER}
 * characters, or with an exponent of more than three digits, are refused before the parse.
 */
public final class ProtoJson {
  static final int MAX_NUMBER = 64;

  private ProtoJson() {}

  /** {@code JsonFormat.parser().merge(text, into)}, after the number check. */
  public static void merge(String text, Message.Builder into)
      throws InvalidProtocolBufferException {
    checkNumbers(text);
    JsonFormat.parser().merge(text, into);
  }

  /**
   * Refuses a number token (outside or inside a string) that would be costly to convert: also
   * for other JSON parsers that read numbers through {@code BigDecimal} (HAPI FHIR's decimals:
   * a bundle took over ten minutes, found by BundleFuzzTest).
   */
  public static void checkNumbers(String text) throws InvalidProtocolBufferException {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"') {
        int start = ++i;
        while (i < n && text.charAt(i) != '"') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        check(text, start, Math.min(i, n));
        i++;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        int start = i;
        while (i < n && isNumberChar(text.charAt(i))) {
          i++;
        }
        check(text, start, i);
      } else {
        i++;
      }
    }
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  /** The token text[start, end): refused if it is a number too long or too far scaled. */
  private static void check(String text, int start, int end)
      throws InvalidProtocolBufferException {
    if (end - start == 0 || !looksNumeric(text, start, end)) {
      return;
    }
    if (end - start > MAX_NUMBER) {
      throw new InvalidProtocolBufferException("a number of " + (end - start)
          + " characters (at most " + MAX_NUMBER + ")");
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        int digits = 0;
        for (int j = i + 1; j < end; j++) {
          char d = text.charAt(j);
          if (d >= '1' && d <= '9' || (d == '0' && digits > 0)) {
            digits++;
          }
        }
        if (digits > 3) {
          throw new InvalidProtocolBufferException("a number with an exponent of more than"
              + " three digits");
        }
      }
    }
  }

  /** Digits, sign, point and exponent only, with at least one digit first or after a sign. */
  private static boolean looksNumeric(String text, int start, int end) {
    boolean digit = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!isNumberChar(c)) {
        return false;
      }
      digit |= c >= '0' && c <= '9';
    }
    return digit;
  }
}
