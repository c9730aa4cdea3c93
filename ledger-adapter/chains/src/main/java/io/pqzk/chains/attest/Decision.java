package io.pqzk.chains.attest;

import io.pqzk.ledger.proto.QuorumCertificate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a foreign block counts as attested: at least {@code quorum} of the {@code members}
 * attesters signed exactly this block. The attestations that count are gathered into one {@link
 * QuorumCertificate} (present only when the quorum is met); each one left out is listed with the
 * reason.
 *
 * @param counted the members (by name) whose attestations count
 * @param rejected why each other attestation was left out, in input order
 */
public record Decision(boolean attested, int quorum, int members, List<String> counted,
    List<Rejected> rejected, Optional<QuorumCertificate> certificate) {

  /** An attestation left out: its position in the input, and why. */
  public record Rejected(int index, String reason) {}

  public Decision {
    counted = List.copyOf(counted);
    rejected = List.copyOf(rejected);
  }

  /** One line: the verdict and the count. */
  public String summary() {
    return (attested ? "attested" : "NOT attested") + ": " + counted.size() + " valid attestation"
        + (counted.size() == 1 ? "" : "s") + " of " + members + " attesters, quorum " + quorum;
  }
}
