package io.pqzk.zk.fuzz;

import java.io.IOException;
import java.io.InputStream;

/** What every refusal must carry: a message that says what was wrong. */
final class FuzzChecks {
  /** How ZkCoreSeeds rewrites the records CSV and registry seeds (its javadoc). */
  static final String REGENERATE = "regenerate with ./mvnw -pl zk-proofs/core -am test"
      + " -Dtest=ZkCoreSeeds -Dfuzz.seeds=write -Dsurefire.failIfNoSpecifiedTests=false";

  private FuzzChecks() {}

  /** A seed of {@code target}'s corpus ({@code <Target>Inputs/<method>/<name>}). */
  static byte[] seed(Class<?> target, String path) throws IOException {
    try (InputStream in = target.getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError(stale(path, "missing"));
      }
      return in.readAllBytes();
    }
  }

  /**
   * Why a seed that no longer does what it is there for fails its test: the file, what went
   * wrong, and how to rewrite it.
   */
  static String stale(String seed, String what) {
    return seed + ": " + what + " (stale after a format change? " + REGENERATE + ")";
  }

  static void hasMessage(Throwable refused) {
    String m = refused.getMessage();
    if (m == null || m.isBlank()) {
      throw new AssertionError("refusal without a message: " + refused, refused);
    }
  }
}
