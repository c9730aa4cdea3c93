package io.pqzk.zk.claims;

import java.util.Objects;

/** What only the prover knows: the record (with its salt) and its registry path. */
public record ClaimWitness(Record record, MerklePath path) {
  public ClaimWitness {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(path, "path");
  }

  @Override
  public String toString() {
    return "ClaimWitness[redacted]";
  }
}
