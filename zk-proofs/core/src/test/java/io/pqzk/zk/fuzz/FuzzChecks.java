package io.pqzk.zk.fuzz;

/** What every refusal must carry: a message that says what was wrong. */
final class FuzzChecks {
  private FuzzChecks() {}

  static void hasMessage(Throwable refused) {
    String m = refused.getMessage();
    if (m == null || m.isBlank()) {
      throw new AssertionError("refusal without a message: " + refused, refused);
    }
  }
}
