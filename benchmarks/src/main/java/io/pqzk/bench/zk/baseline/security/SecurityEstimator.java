package io.pqzk.bench.zk.baseline.security;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Estimates the soundness of a STARK (FRI) configuration in bits, reproducing the figures
 * Winterfell reports (checked against every assertion of Winterfell v0.13.1's
 * {@code security.rs} tests and the oracle vectors of {@code shared/tools/stark-security}).
 *
 * <ul>
 *   <li><b>Conjectured</b>: ethSTARK documentation (ePrint 2021/582) Conjecture 1, §5.10.1
 *       Eq. (19): {@code min(log2|F_ext|, s*log2(1/rho) + g) - 1}, capped at the hash's
 *       collision resistance. As in Winterfell, log2(1/rho) is {@code ilog2(blowup)} and
 *       grinding counts only once the query term alone reaches 80 bits.
 *   <li><b>Proven</b>: round-by-round soundness of ePrint 2024/1553, list-decoding regime
 *       (Thm 2, best over the proximity parameter m) and unique-decoding regime (Thm 3); a
 *       configuration is proven at t bits when either reaches t.
 * </ul>
 *
 * <p>Conjectures move (the up-to-capacity proximity-gap conjecture was disproved in 2025), so
 * callers should report proven bits next to conjectured ones. Stateless and thread-safe.
 */
public final class SecurityEstimator {
  /** Winterfell counts grinding in the conjectured value only above this query term. */
  static final int GRINDING_FLOOR = 80;
  /** Winterfell's largest query count; the search of {@link #minQueries} stops here. */
  public static final int MAX_QUERIES = 255;

  private SecurityEstimator() {}

  /** Estimates under {@link Model#WINTERFELL}. */
  public static SecurityLevel estimate(SecurityParams p) {
    return estimate(p, Model.WINTERFELL);
  }

  /** Estimates under the given model. */
  public static SecurityLevel estimate(SecurityParams p, Model model) {
    Objects.requireNonNull(p, "params");
    Objects.requireNonNull(model, "model");
    int conjectured = conjectured(p, model);
    if (model == Model.WINTERFELL_LEGACY) {
      long[] ldr = ProvenBounds.legacyListDecoding(p);
      return new SecurityLevel(model, conjectured, (int) ldr[0], (int) ldr[0],
          OptionalInt.empty(), (int) ldr[1]);
    }
    long[] ldr = ProvenBounds.listDecoding(p);
    int udr = (int) ProvenBounds.uniqueDecoding(p);
    return new SecurityLevel(model, conjectured, Math.max((int) ldr[0], udr), (int) ldr[0],
        OptionalInt.of(udr), (int) ldr[1]);
  }

  /** ethSTARK Eq. (19) in Winterfell's form; see the class comment. */
  public static int conjectured(SecurityParams p, Model model) {
    long fieldTerm = p.extensionFieldBits();
    if (model == Model.WINTERFELL_LEGACY) {
      // v0.8-v0.11 subtracted log2 of the LDE size from the field term
      fieldTerm -= F64.ilog2(p.ldeSize());
    }
    long queryTerm = (long) F64.ilog2(p.blowup()) * p.queries();
    if (queryTerm >= GRINDING_FLOOR) {
      queryTerm += p.grindingBits();
    }
    return (int) Math.min(Math.min(fieldTerm, queryTerm) - 1, p.collisionResistanceBits());
  }

  /** One metric only (cheaper than {@link #estimate} for the conjectured value). */
  public static int bits(SecurityParams p, Metric metric, Model model) {
    if (metric == Metric.CONJECTURED) {
      return conjectured(p, model);
    }
    if (model == Model.WINTERFELL_LEGACY && metric == Metric.UNIQUE_DECODING) {
      throw new IllegalArgumentException("model " + model + " has no unique-decoding bound");
    }
    if (metric == Metric.UNIQUE_DECODING) {
      return (int) ProvenBounds.uniqueDecoding(p);
    }
    return estimate(p, model).bits(metric);
  }

  /**
   * The smallest query count in 1..{@value #MAX_QUERIES} at which {@code metric} reaches
   * {@code targetBits}, everything else in {@code p} fixed; empty if none does. Every estimate
   * is non-decreasing in the number of queries (only the query term depends on it), so the
   * first hit of an upward scan is the minimum.
   */
  public static OptionalInt minQueries(
      SecurityParams p, Metric metric, int targetBits, Model model) {
    for (int q = 1; q <= MAX_QUERIES; q++) {
      if (bits(p.withQueries(q), metric, model) >= targetBits) {
        return OptionalInt.of(q);
      }
    }
    return OptionalInt.empty();
  }
}
