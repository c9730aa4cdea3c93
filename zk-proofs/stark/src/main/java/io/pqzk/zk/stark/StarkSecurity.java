package io.pqzk.zk.stark;

import io.pqzk.zk.stark.security.PostQuantumEstimate;
import io.pqzk.zk.stark.security.SecurityEstimator;
import io.pqzk.zk.stark.security.SecurityLevel;
import io.pqzk.zk.stark.security.SecurityParams;

/**
 * The verifier's parameter floor: an option set is acceptable only if it reaches at least
 * {@code minProvenBits} (list-/unique-decoding regime, ePrint 2024/1553) and
 * {@code minConjecturedBits} (ethSTARK Eq. 19) for the AIR's trace length, as computed by the
 * project's {@link SecurityEstimator} (Winterfell model, 256-bit commitments: 128-bit collision
 * resistance). These are classical figures; {@link #postQuantum} gives the estimate against a
 * quantum adversary.
 */
public record StarkSecurity(int minProvenBits, int minConjecturedBits) {
  /** Default floor: 100 bits proven, 128 bits conjectured. */
  public static final StarkSecurity DEFAULT = new StarkSecurity(100, 128);

  /** The estimator's parameters for these options at this trace length. */
  public static SecurityParams params(StarkOptions o, int traceLength) {
    return SecurityParams.builder()
        .fieldBits(64)
        .extensionDegree(StarkOptions.EXTENSION_DEGREE)
        .blowup(o.blowup())
        .queries(o.queries())
        .grindingBits(o.grindingBits())
        .traceLength(traceLength)
        .foldingFactor(o.folding())
        .remainderDegree(o.maxRemainderDegree())
        .collisionResistanceBits(o.hash().collisionBits())
        .build();
  }

  private record Key(StarkOptions options, int traceLength) {}

  private static final java.util.Map<Key, SecurityLevel> ESTIMATES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The classical estimate for these options at this trace length (computed once per pair: the
   * list-decoding search over m is the verifier's most expensive arithmetic otherwise).
   */
  public static SecurityLevel estimate(StarkOptions o, int traceLength) {
    Key k = new Key(o, traceLength);
    SecurityLevel hit = ESTIMATES.get(k);
    if (hit != null) {
      return hit;
    }
    SecurityLevel level = SecurityEstimator.estimate(params(o, traceLength));
    if (ESTIMATES.size() < 1024) {
      ESTIMATES.putIfAbsent(k, level);
    }
    return level;
  }

  /** The post-quantum estimate for these options at this trace length. */
  public static PostQuantumEstimate postQuantum(StarkOptions o, int traceLength) {
    return PostQuantumEstimate.of(params(o, traceLength), estimate(o, traceLength));
  }

  /** Whether the options reach the floor. */
  public boolean accepts(SecurityLevel level) {
    return level.provenBits() >= minProvenBits && level.conjecturedBits() >= minConjecturedBits;
  }
}
