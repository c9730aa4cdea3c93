package io.pqzk.bench.zk.baseline.security;

import java.util.OptionalInt;

/**
 * Security of one STARK configuration, in whole bits (floored as Winterfell does).
 *
 * @param model the formulas used
 * @param conjecturedBits ethSTARK Conjecture 1 (ePrint 2021/582 §5.10.1 Eq. (19))
 * @param provenBits the value a verifier should check: under {@link Model#WINTERFELL} the larger
 *     of the list- and unique-decoding bounds (either suffices), under the legacy model the
 *     list-decoding bound
 * @param listDecodingBits round-by-round soundness, list-decoding regime (ePrint 2024/1553
 *     Thm 2), best over the proximity parameter m
 * @param uniqueDecodingBits round-by-round soundness, unique-decoding regime (ePrint 2024/1553
 *     Thm 3); empty under the legacy model, which has no such estimate
 * @param proximityParameter the m that achieved {@code listDecodingBits}
 */
public record SecurityLevel(
    Model model,
    int conjecturedBits,
    int provenBits,
    int listDecodingBits,
    OptionalInt uniqueDecodingBits,
    int proximityParameter) {

  /** The figure a {@link Metric} names. */
  public int bits(Metric metric) {
    return switch (metric) {
      case CONJECTURED -> conjecturedBits;
      case PROVEN -> provenBits;
      case LIST_DECODING -> listDecodingBits;
      case UNIQUE_DECODING -> uniqueDecodingBits.orElseThrow(
          () -> new IllegalArgumentException("model " + model + " has no unique-decoding bound"));
    };
  }

  @Override
  public String toString() {
    return "conjectured=" + conjecturedBits + " proven=" + provenBits
        + " (ldr=" + listDecodingBits
        + (uniqueDecodingBits.isPresent() ? " udr=" + uniqueDecodingBits.getAsInt() : "")
        + ", " + model.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")";
  }
}
