package io.pqzk.zk.stark;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a verifier is configured to accept: a security floor and the exact option sets it takes
 * (a ledger pins them in its genesis). A proof naming any other set is refused before any work,
 * even a valid one above the floor: the verifier's cost grows with the queries and blowup a
 * proof names (a 255-query, blowup-64 proof costs a validator 17 times the default's).
 *
 * @param floor the security floor every accepted set must reach at the AIR's trace length
 * @param accepted the accepted option sets, in order of preference (the first is what a prover
 *     of the same configuration uses); at least one, no duplicates
 */
public record StarkAcceptance(StarkSecurity floor, List<StarkOptions> accepted) {
  public StarkAcceptance {
    Objects.requireNonNull(floor, "floor");
    accepted = List.copyOf(new LinkedHashSet<>(accepted));
    if (accepted.isEmpty()) {
      throw new IllegalArgumentException("a verifier accepts at least one option set");
    }
  }

  /** Exactly these sets at this floor. */
  public static StarkAcceptance of(StarkSecurity floor, StarkOptions... accepted) {
    return new StarkAcceptance(floor, List.of(accepted));
  }

  /** The default floor and {@link StarkOptions#DEFAULT} only. */
  public static final StarkAcceptance DEFAULT =
      of(StarkSecurity.DEFAULT, StarkOptions.DEFAULT);

  /** The set a prover of this configuration uses. */
  public StarkOptions preferred() {
    return accepted.get(0);
  }

  /**
   * Refuses a set that is not one of {@link #accepted}.
   *
   * @throws UnacceptedOptionsException naming the set and the accepted ones
   */
  public void require(StarkOptions proofOptions) throws UnacceptedOptionsException {
    if (!accepted.contains(proofOptions)) {
      throw new UnacceptedOptionsException(proofOptions, accepted);
    }
  }
}
