package io.pqzk.chains.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Fixtures of the foreign-block targets and what every refusal must look like. */
final class ChainFuzzChecks {
  /** How the seeds and fixtures are rewritten after a format change (ChainSeeds' javadoc). */
  static final String REGENERATE = "regenerate with ./mvnw -pl ledger-adapter/chains -am test"
      + " -Dtest=ChainSeeds -Dfuzz.seeds=write -Dsurefire.failIfNoSpecifiedTests=false";

  private ChainFuzzChecks() {}

  /**
   * Why a seed or fixture that no longer does what it is there for fails its test: the file, what
   * went wrong, and how to rewrite it.
   */
  static String stale(String file, String what) {
    return file + ": " + what + " (stale after a format change? " + REGENERATE + ")";
  }

  static byte[] resource(String path) {
    try (InputStream in = ChainFuzzChecks.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path
            + " (regenerate with -Dfuzz.seeds=write)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One printable line: {@code pqzk adapter hash} and {@code pqzk attest verify} print it, and
   * foreign blocks are written by strangers.
   */
  static void printable(Throwable refused) {
    String m = refused.getMessage();
    if (m == null || m.isBlank()) {
      throw new AssertionError("refusal without a message: " + refused, refused);
    }
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw new AssertionError("refusal message carries character U+"
            + String.format("%04X", (int) c) + " at " + i + " (input echoed unescaped): "
            + refused.getClass().getName(), refused);
      }
    }
  }
}
