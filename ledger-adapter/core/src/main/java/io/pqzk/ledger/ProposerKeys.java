package io.pqzk.ledger;

import io.pqzk.ledger.crypto.LedgerSigningKey;

/** A validator's signing keys: ML-DSA for every block, SLH-DSA per the genesis policy. */
public record ProposerKeys(String name, LedgerSigningKey mlDsa, LedgerSigningKey slhDsa) {
  @Override
  public String toString() {
    return "ProposerKeys[" + name + ", private parts redacted]";
  }
}
