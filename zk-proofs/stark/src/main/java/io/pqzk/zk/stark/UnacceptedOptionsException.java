package io.pqzk.zk.stark;

import io.pqzk.zk.ProofRejectedException;
import java.util.List;

/**
 * A proof made with an option set the verifier is not configured to accept (see
 * {@link StarkAcceptance}); refused before the proof is parsed further. Carries both.
 */
public final class UnacceptedOptionsException extends ProofRejectedException {
  private static final long serialVersionUID = 1L;
  private final transient StarkOptions options;
  private final transient List<StarkOptions> accepted;

  public UnacceptedOptionsException(StarkOptions options, List<StarkOptions> accepted) {
    super("STARK proof made with parameter set " + options + ", which this verifier does not"
        + " accept (it accepts " + accepted + ")");
    this.options = options;
    this.accepted = List.copyOf(accepted);
  }

  /** The set the proof names. */
  public StarkOptions options() {
    return options;
  }

  /** The sets the verifier accepts. */
  public List<StarkOptions> accepted() {
    return accepted;
  }
}
