package io.pqzk.ledger;

import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;

/**
 * A transaction decoded from its exact bytes, with its id, its author from the genesis and its
 * leaf hash in a block's transactions tree. Signature not yet verified: {@link BlockRules}
 * batches those checks.
 */
public record ParsedTransaction(
    byte[] bytes, Transaction transaction, TransactionBody body, byte[] id,
    Genesis.Author author, byte[] leafHash) {

  public String idHex() {
    return java.util.HexFormat.of().formatHex(id);
  }

  /** The payload kind, e.g. {@code record_registration}. */
  public String kind() {
    return body.getPayloadCase().name().toLowerCase(java.util.Locale.ROOT);
  }
}
