package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.CustodianAccess;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.records.VaultStorageException;
import io.pqzk.records.internal.Rocks;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the custodian looks up in the chain by record or reader, which the chain state does not
 * index: the grants naming a reader for a record, every event about a record (with its height and
 * transaction id), the break-glass events, and the registry leaves (for openings). Built from the
 * finalized blocks alone, so it is derived data: deleting it only costs a rebuild. It holds
 * nothing the chain does not: commitments, ids, heights.
 */
public final class ChainIndex implements Closeable {
  /** Kinds of event kept per record. */
  public enum EventKind { ACCESS, REVIEW, PURGE, CONSENT, CUSTODY, READER_LOGGED, REGISTRATION }

  /** An event about a record: where it is on the chain and what it was. */
  public record EventRef(long height, byte[] transactionId, EventKind kind) {}

  private static final byte[] HEIGHT = {'H'};
  private static final byte[] LEAVES = {'n'};

  private final Rocks db;
  private final BlockRules rules;

  private ChainIndex(Rocks db, BlockRules rules) {
    this.db = db;
    this.rules = rules;
  }

  public static ChainIndex open(Path dir, BlockRules rules) throws VaultStorageException {
    try {
      return new ChainIndex(Rocks.open(dir), rules);
    } catch (IOException e) {
      throw new VaultStorageException("chain index: " + e.getMessage(), e);
    }
  }

  /** The last block indexed; -1 when none. */
  public synchronized long height() throws VaultStorageException {
    byte[] v = get(HEIGHT);
    return v == null ? -1 : ByteBuffer.wrap(v).getLong();
  }

  /** Indexes every final block the ledger has beyond what is indexed. */
  public synchronized void sync(LedgerGateway ledger) throws VaultStorageException,
      LedgerException {
    long to = ledger.finalizedHeight();
    for (long h = height() + 1; h <= to; h++) {
      try {
        index(h, ledger.block(h));
      } catch (IOException e) {
        throw new VaultStorageException("cannot read block " + h + ": " + e.getMessage(), e);
      }
    }
  }

  private void index(long h, byte[] blockBytes) throws VaultStorageException, LedgerException {
    Block b;
    try {
      b = Block.parseFrom(blockBytes);
    } catch (InvalidProtocolBufferException e) {
      throw new LedgerException("final block " + h + " does not parse: " + e.getMessage(), e);
    }
    Map<Rocks.Key, byte[]> puts = new HashMap<>();
    long leaves = leafCount();
    for (int pos = 0; pos < b.getTransactionsCount(); pos++) {
      ParsedTransaction tx = rules.parseTransaction(b.getTransactions(pos).toByteArray());
      long at = h << 20 | pos; // chain order: height, then position in the block
      TransactionBody body = tx.body();
      byte[] id = tx.id();
      switch (body.getPayloadCase()) {
        case RECORD_REGISTRATION -> {
          byte[] c = body.getRecordRegistration().getCommitment().toByteArray();
          ByteBuffer leaf = ByteBuffer.allocate(body.getRecordRegistration()
              .getClaimLeavesCount() * 32);
          body.getRecordRegistration().getClaimLeavesList().forEach(l -> leaf.put(
              l.toByteArray()));
          put(puts, Rocks.key('r', c), ByteBuffer.allocate(8).putLong(leaves).array());
          put(puts, Rocks.key('l', u64(leaves)), leaf.array());
          event(puts, c, at, id, EventKind.REGISTRATION);
          leaves++;
        }
        case ACCESS_POLICY_UPDATE -> {
          AccessPolicyUpdate g = body.getAccessPolicyUpdate();
          for (ByteString c : g.getRecordCommitmentsList()) {
            put(puts, Rocks.key('g', g.getGranteeKeyId().toByteArray(), c.toByteArray(),
                g.getGrantId().toByteArray()), new byte[0]);
          }
        }
        case CUSTODIAN_ACCESS -> {
          CustodianAccess e = body.getCustodianAccess();
          if (!e.getRecordCommitment().isEmpty()) {
            event(puts, e.getRecordCommitment().toByteArray(), at, id, EventKind.ACCESS);
          }
          if (e.getOutcome() == CustodianAccess.Outcome.BREAK_GLASS) {
            put(puts, Rocks.key('b', id), e.getRecordCommitment().toByteArray());
          }
        }
        case BREAK_GLASS_REVIEW -> {
          byte[] c = get(Rocks.key('b', body.getBreakGlassReview().getEventTransactionId()
              .toByteArray()));
          if (c != null) {
            event(puts, c, at, id, EventKind.REVIEW);
          }
        }
        case RECORD_PURGE -> event(puts, body.getRecordPurge().getRecordCommitment().toByteArray(),
            at, id, EventKind.PURGE);
        case RECORD_CUSTODY -> event(puts, body.getRecordCustody().getRecordCommitment()
            .toByteArray(), at, id, EventKind.CUSTODY);
        case CONSENT_DIRECTIVE -> {
          try {
            event(puts, Consent.parseFrom(body.getConsentDirective().getConsent())
                .getRecordCommitment().toByteArray(), at, id, EventKind.CONSENT);
          } catch (InvalidProtocolBufferException e) {
            throw new LedgerException("a final consent directive does not parse", e);
          }
        }
        case ACCESS_EVENT -> event(puts, body.getAccessEvent().getRecordCommitment()
            .toByteArray(), at, id, EventKind.READER_LOGGED);
        default -> { }
      }
    }
    put(puts, LEAVES, u64(leaves));
    put(puts, HEIGHT, u64(h));
    try {
      db.write(puts, List.of());
    } catch (IOException e) {
      throw new VaultStorageException("chain index: " + e.getMessage(), e);
    }
  }

  private static void event(Map<Rocks.Key, byte[]> puts, byte[] c, long at, byte[] id,
      EventKind kind) {
    put(puts, Rocks.key('e', c, u64(at), id), new byte[] {(byte) kind.ordinal()});
  }

  private static void put(Map<Rocks.Key, byte[]> puts, byte[] k, byte[] v) {
    puts.put(new Rocks.Key(k), v);
  }

  private static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  private long leafCount() throws VaultStorageException {
    byte[] v = get(LEAVES);
    return v == null ? 0 : ByteBuffer.wrap(v).getLong();
  }

  /** Ids of every grant naming {@code reader} for {@code record} (revoked or expired ones too). */
  public synchronized List<byte[]> grants(byte[] reader, byte[] record) {
    List<byte[]> out = new ArrayList<>();
    byte[] prefix = Rocks.key('g', reader, record);
    for (byte[] k : db.keys(prefix)) {
      out.add(Arrays.copyOfRange(k, prefix.length, k.length));
    }
    return out;
  }

  /** Every event about {@code record}, in chain order. */
  public synchronized List<EventRef> events(byte[] record) {
    List<EventRef> out = new ArrayList<>();
    byte[] prefix = Rocks.key('e', record);
    for (byte[][] e : db.entries(prefix)) {
      ByteBuffer b = ByteBuffer.wrap(e[0], prefix.length, 8);
      out.add(new EventRef(b.getLong() >>> 20, Arrays.copyOfRange(e[0], prefix.length + 8,
          e[0].length),
          EventKind.values()[e[1][0]]));
    }
    return out;
  }

  /** Every break-glass event on the chain: (transaction id, record). */
  public synchronized List<byte[][]> breakGlassEvents() {
    List<byte[][]> out = new ArrayList<>();
    for (byte[][] e : db.entries(new byte[] {'b'})) {
      out.add(new byte[][] {Arrays.copyOfRange(e[0], 1, e[0].length), e[1]});
    }
    return out;
  }

  /** The registry leaf index of {@code record}, or -1. */
  public synchronized long leafIndex(byte[] record) throws VaultStorageException {
    byte[] v = get(Rocks.key('r', record));
    return v == null ? -1 : ByteBuffer.wrap(v).getLong();
  }

  /** The claim leaves of the first {@code count} records, per system: [system][leaf]. */
  public synchronized List<List<byte[]>> claimLeaves(int systems, long count)
      throws VaultStorageException {
    List<List<byte[]>> out = new ArrayList<>();
    for (int s = 0; s < systems; s++) {
      out.add(new ArrayList<>());
    }
    for (long i = 0; i < count; i++) {
      byte[] v = get(Rocks.key('l', u64(i)));
      for (int s = 0; s < systems; s++) {
        out.get(s).add(Arrays.copyOfRange(v, 32 * s, 32 * s + 32));
      }
    }
    return out;
  }

  private byte[] get(byte[] k) throws VaultStorageException {
    try {
      return db.get(k);
    } catch (IOException e) {
      throw new VaultStorageException("chain index: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    db.close();
  }
}
