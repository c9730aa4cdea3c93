package io.pqzk.sig.vectors;

import java.util.Objects;

/** What one vector case came to: passed, failed (with a description) or skipped (with a reason). */
public record Outcome(Status status, String detail) {
  /** The three verdicts. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  private static final Outcome PASS = new Outcome(Status.PASSED, "");

  public Outcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  public static Outcome pass() {
    return PASS;
  }

  /** A failure; {@code why} says what differed or what was thrown. */
  public static Outcome fail(String why) {
    return new Outcome(Status.FAILED, why);
  }

  /** A skip; {@code reason} is counted and printed, so keep it short and shared by like cases. */
  public static Outcome skip(String reason) {
    return new Outcome(Status.SKIPPED, reason);
  }
}
