package io.pqzk.records.custodian;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.TransactionRejectedException;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * How a custodian reaches the ledger: the state at the finalized height, the finalized blocks,
 * and a commit that returns only once a transaction is final. The embedded engine ({@link
 * EmbeddedLedger}) is one implementation; a client of a replicated network is another, with the
 * same contract.
 */
public interface LedgerGateway extends Closeable {
  /** A transaction final on the ledger: its block height and id. */
  record Committed(long height, byte[] transactionId) {}

  /** Reads the state at the finalized height; no block is applied while {@code f} runs. */
  interface StateReader<T> {
    T read(ChainState state) throws LedgerException;
  }

  BlockRules rules();

  <T> T read(StateReader<T> f) throws LedgerException;

  /** Height of the last final block; -1 when none. */
  long finalizedHeight();

  /** The stored bytes of final block {@code height}. */
  byte[] block(long height) throws IOException, LedgerException;

  /**
   * Submits {@code transaction} and returns once the block holding it is final and durable.
   *
   * @throws TransactionRejectedException when the ledger refuses it (then nothing was written)
   */
  Committed commit(byte[] transaction) throws LedgerException, IOException;

  /** Commits several transactions, in this order, in as few blocks as the limits allow. */
  List<Committed> commitAll(List<byte[]> transactions) throws LedgerException, IOException;
}
