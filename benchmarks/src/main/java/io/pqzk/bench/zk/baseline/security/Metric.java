package io.pqzk.bench.zk.baseline.security;

/** One figure of a {@link SecurityLevel}, as a target for {@link SecurityEstimator#minQueries}. */
public enum Metric {
  CONJECTURED,
  PROVEN,
  LIST_DECODING,
  /** Not defined under {@link Model#WINTERFELL_LEGACY}. */
  UNIQUE_DECODING
}
