package io.pqzk.sig.encoding;

import io.pqzk.sig.MalformedKeyException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** RFC 7468 textual encoding: one labelled block, base64 in 64-character lines. */
public final class Pem {
  private Pem() {}

  /** Wraps DER in a PEM block with {@code label} (e.g. "PUBLIC KEY"). */
  public static String encode(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + new String(Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der), StandardCharsets.US_ASCII)
        + "\n-----END " + label + "-----\n";
  }

  /** The longest label {@link #label} returns; every label in use is far shorter. */
  public static final int MAX_LABEL = 64;

  /**
   * RFC 7468 section 3's label: {@code labelchar} (printable ASCII but the hyphen) words, each
   * pair separated by one hyphen or space, or nothing at all.
   */
  private static final Pattern LABEL =
      Pattern.compile("(?:[\\x21-\\x2c\\x2e-\\x7e]+(?:[ -][\\x21-\\x2c\\x2e-\\x7e]+)*)?");

  /**
   * The label of the first PEM block in {@code text}, or {@code null} if there is none or its
   * begin line does not carry an RFC 7468 label (section 3: printable ASCII, words separated by
   * one space or hyphen, at most {@value #MAX_LABEL} characters). Callers put the label into
   * messages, so it is never more than one short printable line (the fuzzer found a begin
   * marker whose closing dashes came lines later, and the "label" spanned base64 lines).
   */
  public static String label(String text) {
    int b = text.indexOf("-----BEGIN ");
    if (b < 0) {
      return null;
    }
    int e = text.indexOf("-----", b + 11);
    if (e < 0 || e - (b + 11) > MAX_LABEL) {
      return null;
    }
    String label = text.substring(b + 11, e);
    return LABEL.matcher(label).matches() ? label : null;
  }

  /**
   * The DER inside the first block labelled {@code label}.
   *
   * @throws MalformedKeyException if there is no such block or its base64 is invalid
   */
  public static byte[] decode(String text, String label) throws MalformedKeyException {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = text.indexOf(begin);
    // the end marker is looked for after the whole begin marker: the two may share dashes
    int e = b < 0 ? -1 : text.indexOf(end, b + begin.length());
    if (b < 0 || e < 0) {
      String found = label(text);
      throw new MalformedKeyException("expected a PEM block '" + label + "'"
          + (found == null ? ", found no PEM block" : ", found '" + found + "'"));
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e).trim());
      if (der.length == 0) {
        throw new MalformedKeyException("PEM block '" + label + "' is empty");
      }
      return der;
    } catch (IllegalArgumentException ex) {
      throw new MalformedKeyException("PEM block '" + label + "' has invalid base64", ex);
    }
  }
}
