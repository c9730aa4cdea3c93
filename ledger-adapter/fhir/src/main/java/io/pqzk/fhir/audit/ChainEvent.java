package io.pqzk.fhir.audit;

import io.pqzk.ledger.proto.TransactionBody;
import java.util.HexFormat;

/**
 * A transaction final on the chain, as the audit reads it: where it is (height, id), when its
 * block was sealed, and its body. Nothing here is a record's content: the chain holds none.
 */
public record ChainEvent(long height, byte[] transactionId, long blockMillis,
    TransactionBody body) {
  public ChainEvent {
    transactionId = transactionId.clone();
  }

  @Override
  public byte[] transactionId() {
    return transactionId.clone();
  }

  public String transactionHex() {
    return HexFormat.of().formatHex(transactionId);
  }
}
