package io.pqzk.bench.zk.baseline;

import io.pqzk.bench.zk.baseline.security.SecurityEstimator;
import io.pqzk.bench.zk.baseline.security.SecurityLevel;
import io.pqzk.bench.zk.baseline.security.SecurityParams;

/**
 * The verifier's parameter floor: a proof is accepted only if its recorded parameters reach at
 * least {@code minProvenBits} (list-/unique-decoding regime, ePrint 2024/1553) and
 * {@code minConjecturedBits} (ethSTARK Eq. 19) for the AIR's trace length, as computed by the
 * project's {@link SecurityEstimator} (Winterfell model, SHA3-256 commitments: 128-bit collision
 * resistance).
 */
public record StarkSecurity(int minProvenBits, int minConjecturedBits) {
  /** Default floor: 100 bits proven, 128 bits conjectured. */
  public static final StarkSecurity DEFAULT = new StarkSecurity(100, 128);

  /** The estimate for these options at this trace length. */
  public static SecurityLevel estimate(StarkOptions o, int traceLength) {
    SecurityParams p = SecurityParams.builder()
        .fieldBits(64)
        .extensionDegree(StarkOptions.EXTENSION_DEGREE)
        .blowup(o.blowup())
        .queries(o.queries())
        .grindingBits(o.grindingBits())
        .traceLength(traceLength)
        .foldingFactor(o.folding())
        .remainderDegree(o.maxRemainderDegree())
        .collisionResistanceBits(128)
        .build();
    return SecurityEstimator.estimate(p);
  }

  /** Whether the options reach the floor. */
  public boolean accepts(SecurityLevel level) {
    return level.provenBits() >= minProvenBits && level.conjecturedBits() >= minConjecturedBits;
  }
}
