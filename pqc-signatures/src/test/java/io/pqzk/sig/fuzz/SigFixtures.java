package io.pqzk.sig.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Fixture files of the signature targets and what every refusal must carry. */
final class SigFixtures {
  static final String DIR = "/io/pqzk/sig/fuzz/";

  private SigFixtures() {}

  static byte[] resource(String name) {
    try (InputStream in = SigFixtures.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + DIR + name
            + " (regenerate with -Dfuzz.seeds=write)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A refusal says what was wrong. */
  static void hasMessage(Throwable refused) {
    if (refused.getMessage() == null || refused.getMessage().isBlank()) {
      throw new AssertionError("refusal without a message: " + refused, refused);
    }
  }
}
