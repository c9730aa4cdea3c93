package io.pqzk.zk.stark.security;

/**
 * An estimate of a STARK configuration's soundness against a quantum adversary, in whole bits,
 * next to the classical figures of {@link SecurityEstimator} (which are random-oracle bounds
 * against classical adversaries and do NOT hold against a quantum one). An estimate with its
 * basis stated, not a theorem about this code:
 *
 * <ul>
 *   <li><b>proven</b> = min(floor(proven / 2), floor(digest bits / 3)): Chiesa, Manohar,
 *       Spooner, "Succinct arguments in the quantum random oracle model" (TCC 2019, ePrint
 *       2019/834): the BCS argument of an IOP with round-by-round soundness error e is sound
 *       against a t-query quantum adversary with error O(t^2 e + t^3 / 2^lambda), lambda the
 *       oracle's output bits. The t^2 halves the bits of the round-by-round bound (ePrint
 *       2024/1553, which is what {@code provenBits} is), grinding included (Grover finds a
 *       g-bit proof-of-work nonce in about 2^(g/2) evaluations); the t^3 term is quantum
 *       collision search on the commitment hash (Brassard, Hoyer, Tapp: 2^(n/3), 85 bits for
 *       256-bit digests);
 *   <li><b>conjectured</b> = min(floor((min(F, Q) - 1) / 2), floor(digest bits / 3)), with F
 *       the extension field's bits and Q = log2(blowup) * queries + grinding the query term of
 *       ethSTARK Eq. (19) before the classical collision cap: Grover's quadratic speed-up on the
 *       search for a lucky Fiat-Shamir transcript (query positions and grinding together) and
 *       on the field challenges, and the same collision bound.
 * </ul>
 *
 * @param conjecturedBits the conjectured estimate against a quantum adversary
 * @param provenBits the estimate from the proven (round-by-round) bound
 */
public record PostQuantumEstimate(int conjecturedBits, int provenBits) {
  /** One line naming the basis, for reports. */
  public static final String BASIS = "quantum query soundness of the hash-based argument "
      + "(Chiesa-Manohar-Spooner, ePrint 2019/834: a t-query quantum adversary gains O(t^2) over"
      + " the round-by-round error, so bits halve), Grover on grinding (g bits cost 2^(g/2)),"
      + " quantum collision search on the 256-bit commitment hash (Brassard-Hoyer-Tapp: 2^85)";

  /** The estimate for a configuration and its classical level. */
  public static PostQuantumEstimate of(SecurityParams p, SecurityLevel classical) {
    int collision = (2 * p.collisionResistanceBits()) / 3;
    long queryTerm = (long) F64.ilog2(p.blowup()) * p.queries() + p.grindingBits();
    long conjectured = Math.min(p.extensionFieldBits(), queryTerm) - 1;
    int conj = (int) Math.min(Math.max(0, conjectured) / 2, collision);
    int proven = Math.min(classical.provenBits() / 2, collision);
    return new PostQuantumEstimate(conj, proven);
  }

  @Override
  public String toString() {
    return "post-quantum estimate: conjectured=" + conjecturedBits + " proven=" + provenBits;
  }
}
