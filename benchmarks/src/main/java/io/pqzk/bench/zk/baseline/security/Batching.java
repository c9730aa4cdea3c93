package io.pqzk.bench.zk.baseline.security;

/**
 * How a prover combines many items (constraints, DEEP quotients) into one with verifier
 * randomness. {@link #LINEAR} draws one independent coefficient per item; the others use powers
 * of a single challenge, which costs {@code log2(count - 1)} bits in the affected error term
 * (a degree-(count-1) polynomial in the challenge may vanish there; Winterfell security.rs).
 */
public enum Batching {
  LINEAR,
  ALGEBRAIC,
  /** Powers of one challenge evaluated in Horner order: the same loss as {@link #ALGEBRAIC}. */
  HORNER;

  /** The factor multiplying the error term when {@code count} items are batched. */
  double loss(long count) {
    return this == LINEAR ? 1.0 : (double) count - 1.0;
  }
}
