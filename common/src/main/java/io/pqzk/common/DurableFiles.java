package io.pqzk.common;

/** Placeholder: filled in below. */
final class DurableFiles {
  private DurableFiles() {}
}
