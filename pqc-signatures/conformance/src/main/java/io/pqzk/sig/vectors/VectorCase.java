package io.pqzk.sig.vectors;

/**
 * One runnable vector case: an id for display names and failure lines ({@code tg3/tc41},
 * {@code tcId 17}, {@code count 42}) and the check itself.
 */
public record VectorCase(String id, Check check) {
  /** Runs the case through the signature API. Exceptions it lets escape count as failures. */
  @FunctionalInterface
  public interface Check {
    Outcome run() throws Exception;
  }
}
