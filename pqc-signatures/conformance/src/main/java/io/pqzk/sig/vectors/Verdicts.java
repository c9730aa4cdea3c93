package io.pqzk.sig.vectors;

import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.UnsupportedByProviderException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the API did into an {@link Outcome}. A case that the provider cannot serve is a
 * skip (with the provider's reason); a typed {@link PqSignatureException} where none was expected
 * is a failure; an unchecked exception escaping the API is always a failure, since the API
 * promises typed exceptions only.
 */
final class Verdicts {
  private Verdicts() {}

  /** Runs {@code check}, mapping every escaping exception to a skip or a failure. */
  static Outcome guard(VectorCase.Check check) {
    try {
      return check.run();
    } catch (UnsupportedByProviderException e) {
      return unsupported(e);
    } catch (PqSignatureException e) {
      return Outcome.fail("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      return Outcome.fail("unchecked " + e.getClass().getName() + " escaped the API: " + e.getMessage());
    } catch (Exception e) {
      return Outcome.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Passes when {@code action} throws one of {@code expected}; fails when it succeeds, throws
   * another typed exception, or lets an unchecked exception escape.
   */
  @SafeVarargs
  static Outcome expectRejected(
      String what, VectorCase.Check action, Class<? extends PqSignatureException>... expected) {
    try {
      action.run();
      return Outcome.fail(what + " was accepted but must be rejected");
    } catch (UnsupportedByProviderException e) {
      return unsupported(e);
    } catch (PqSignatureException e) {
      StringBuilder names = new StringBuilder();
      for (Class<? extends PqSignatureException> c : expected) {
        if (c.isInstance(e)) {
          return Outcome.pass();
        }
        names.append(names.length() == 0 ? "" : " or ").append(c.getSimpleName());
      }
      return Outcome.fail(what + " rejected with " + e.getClass().getSimpleName()
          + " instead of " + names + ": " + e.getMessage());
    } catch (RuntimeException e) {
      return Outcome.fail(what + " rejected with unchecked " + e.getClass().getName() + ": " + e.getMessage());
    } catch (Exception e) {
      return Outcome.fail(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static final Pattern CONTEXT_LENGTH = Pattern.compile("context=(\\d+) bytes");

  /**
   * A skip with the provider's reason, the context length folded to empty/non-empty so that like
   * cases share one reason in the report.
   */
  static Outcome unsupported(UnsupportedByProviderException e) {
    Matcher m = CONTEXT_LENGTH.matcher(String.valueOf(e.getMessage()));
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, m.group(1).equals("0") ? "empty context" : "non-empty context");
    }
    m.appendTail(sb);
    return Outcome.skip(sb.toString());
  }

  /** Null when equal, else a one-line description of the first difference. */
  static String diff(String what, byte[] expected, byte[] actual) {
    if (Arrays.equals(expected, actual)) {
      return null;
    }
    if (expected.length != actual.length) {
      return what + " has " + actual.length + " bytes, expected " + expected.length;
    }
    int i = Arrays.mismatch(expected, actual);
    return what + " differs from the expected value at byte " + i + " of " + expected.length;
  }
}
