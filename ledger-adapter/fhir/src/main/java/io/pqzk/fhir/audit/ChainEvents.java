package io.pqzk.fhir.audit;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.records.custodian.LedgerGateway;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads final blocks of a ledger as {@link ChainEvent}s. */
public final class ChainEvents {
  private final LedgerGateway ledger;
  private final BlockRules rules;

  public ChainEvents(LedgerGateway ledger) {
    this.ledger = ledger;
    this.rules = ledger.rules();
  }

  /** Every transaction of the final blocks from {@code fromHeight} on that {@code keep} keeps. */
  public List<ChainEvent> scan(long fromHeight, Predicate<ChainEvent> keep) throws IOException,
      LedgerException {
    List<ChainEvent> out = new ArrayList<>();
    long last = ledger.finalizedHeight();
    for (long h = Math.max(0, fromHeight); h <= last; h++) {
      for (ChainEvent e : block(h)) {
        if (keep.test(e)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** The transaction with this id in final block {@code height}, or empty. */
  public Optional<ChainEvent> find(long height, byte[] transactionId) throws IOException,
      LedgerException {
    if (height < 0 || height > ledger.finalizedHeight()) {
      return Optional.empty();
    }
    for (ChainEvent e : block(height)) {
      if (MessageDigest.isEqual(e.transactionId(), transactionId)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private List<ChainEvent> block(long height) throws IOException, LedgerException {
    Block b;
    BlockHeader header;
    try {
      b = Block.parseFrom(ledger.block(height));
      header = BlockHeader.parseFrom(b.getHeader());
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("block " + height + " does not parse: " + e.getMessage(), e);
    }
    List<ChainEvent> out = new ArrayList<>();
    for (ByteString t : b.getTransactionsList()) {
      ParsedTransaction tx = rules.parseTransaction(t.toByteArray());
      out.add(new ChainEvent(height, tx.id(), header.getTimestampMillis(), tx.body()));
    }
    return out;
  }
}
