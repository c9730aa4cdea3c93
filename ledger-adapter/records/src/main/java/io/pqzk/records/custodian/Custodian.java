package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.RecordPurgeRule;
import io.pqzk.ledger.RecordRegistrationRule;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.TransactionRejectedException;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.proto.PatientProxy;
import io.pqzk.ledger.proto.RecordCustody;
import io.pqzk.ledger.proto.StoredPurge;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.records.AccessRefusedException;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.VaultStorageException;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.kem.KemPublicKey;
import io.pqzk.records.proto.EscrowEntry;
import io.pqzk.records.proto.OpeningResponse;
import io.pqzk.records.proto.PurgeRequest;
import io.pqzk.records.proto.PurgeResponse;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.SignedOpeningRequest;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.proto.StatusResponse;
import io.pqzk.records.vault.NewRecord;
import io.pqzk.records.vault.RecordVault;
import io.pqzk.zk.claims.Record;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A custodian of one chain: keeps record documents encrypted in its vault ({@link RecordVault}),
 * answers reads only under the ledger's policy with an access event it signs and waits to be
 * final first ({@link Reads}), purges, rotates its keys, exports openings to owners, and follows
 * the chain in its own index ({@link ChainIndex}). The same object serves the gRPC service and
 * the command line's in-process shortcut. Thread-safe: reads run concurrently (their events share
 * blocks), imports, purges and rotations are serialised.
 */
public final class Custodian implements CustodianOperations, Closeable {
  /** How a custodian is set up. */
  public record Options(Path directory, Path keyStore, LedgerSigningKey signingKey,
      KemPrivateKey kemKey, int denialBurst, long denialRefillMillis, LongSupplier clock,
      ReleaseHook hook) {
    /** Vault and chain index in {@code directory}, the key store in {@code directory/keystore}. */
    public static Options of(Path directory, LedgerSigningKey signingKey, KemPrivateKey kemKey) {
      return new Options(directory, directory.resolve("keystore"), signingKey, kemKey, 5,
          10_000, System::currentTimeMillis, ReleaseHook.NONE);
    }

    public Options withHook(ReleaseHook h) {
      return new Options(directory, keyStore, signingKey, kemKey, denialBurst,
          denialRefillMillis, clock, h);
    }

    public Options withClock(LongSupplier c) {
      return new Options(directory, keyStore, signingKey, kemKey, denialBurst,
          denialRefillMillis, c, hook);
    }

    public Options withDenialLimit(int burst, long refillMillis) {
      return new Options(directory, keyStore, signingKey, kemKey, burst, refillMillis, clock,
          hook);
    }
  }

  /** A record imported: its commitment, the owner's escrowed data key and the block. */
  public record Imported(byte[] commitment, EscrowEntry escrow, long height, String subjectId) {}

  /** A document to import, with the owner's choices. */
  public record ImportRequest(RecordDocument document, String residency, byte[] patientKeyId,
      List<PatientProxy> proxies) {}

  final LedgerGateway ledger;
  final BlockRules rules;
  final Genesis genesis;
  final Genesis.CustodianInfo info;
  final Options options;
  final RecordVault vault;
  final ChainIndex index;
  final TransactionFactory txs;
  private final Reads reads;
  private final Object writes = new Object();
  private final SecureRandom random = new SecureRandom();

  private Custodian(LedgerGateway ledger, Genesis.CustodianInfo info, Options options,
      RecordVault vault, ChainIndex index) {
    this.ledger = ledger;
    this.rules = ledger.rules();
    this.genesis = rules.genesis();
    this.info = info;
    this.options = options;
    this.vault = vault;
    this.index = index;
    this.txs = new TransactionFactory(genesis.chainId());
    this.reads = new Reads(this, new DenialLimiter(options.denialBurst(),
        options.denialRefillMillis()));
  }

  /**
   * Opens the custodian whose event key is {@code options.signingKey()} (a genesis custodian) over
   * {@code ledger}: unlocks the key store, catches its chain index up, and finishes what a crash
   * interrupted (half-imported keys removed, purges final on the chain carried out).
   */
  public static Custodian open(Options options, LedgerGateway ledger) throws RecordsException,
      LedgerException {
    Genesis g = ledger.rules().genesis();
    Genesis.CustodianInfo info = g.custodian(options.signingKey().publicKey().keyId());
    if (info == null) {
      throw new InvalidRecordInputException("key " + options.signingKey().publicKey()
          + " is not a custodian's in the genesis");
    }
    RecordVault vault = RecordVault.open(options.directory().resolve("vault"),
        options.keyStore(), g.chainId(), options.signingKey().publicKey().keyId(),
        options.kemKey());
    ChainIndex index = null;
    try {
      index = ChainIndex.open(options.directory().resolve("chain-index"), ledger.rules());
      Custodian c = new Custodian(ledger, info, options, vault, index);
      c.recover();
      return c;
    } catch (RecordsException | LedgerException | RuntimeException e) {
      if (index != null) {
        index.close();
      }
      vault.close();
      throw e;
    }
  }

  private void recover() throws RecordsException, LedgerException {
    synchronized (writes) {
      vault.recover();
      index.sync(ledger);
      for (byte[] c : vault.commitments()) {
        StoredPurge p = ledger.read(s -> RecordPurgeRule.purge(s, c));
        if (p != null) {
          vault.shred(c, p.getHeight(), p.getTransactionId().toByteArray());
        } else if (ledger.read(s -> !RecordRegistrationRule.isRegistered(s, c))) {
          // stored, never registered: an import a crash cut short, never acknowledged
          vault.discard(c);
        }
      }
    }
  }

  public Genesis genesis() {
    return genesis;
  }

  /** This custodian's genesis entry (name, key, jurisdiction). */
  public Genesis.CustodianInfo info() {
    return info;
  }

  public RecordVault vault() {
    return vault;
  }

  public ChainIndex index() throws RecordsException, LedgerException {
    index.sync(ledger);
    return index;
  }

  public LedgerGateway ledger() {
    return ledger;
  }

  byte[] keyId() {
    return info.key().keyId();
  }

  long now() {
    return options.clock().getAsLong();
  }

  /**
   * Imports documents for {@code owner}: each is encrypted into the vault (refused unless its
   * residency is this custodian's jurisdiction), then its commitment registered and its custody
   * set by the owner, in as few blocks as the limits allow; returns once those are final. The data
   * keys come back sealed to {@code ownerKem} for the owner's escrow.
   */
  public List<Imported> importAll(List<ImportRequest> requests, LedgerSigningKey owner,
      KemPublicKey ownerKem) throws RecordsException, LedgerException {
    synchronized (writes) {
      List<Imported> stored = new ArrayList<>();
      List<byte[]> transactions = new ArrayList<>();
      try {
        for (ImportRequest r : requests) {
          if (!r.residency().equals(info.jurisdiction())) {
            throw new AccessRefusedException("custodian '" + info.name() + "' keeps records"
                + " resident in " + info.jurisdiction() + " only; this one is tagged "
                + io.pqzk.ledger.Printable.escape(r.residency()));
          }
        }
        // salts, commitments, claim leaves and the owner's signatures, on every core
        List<Prepared> prepared = java.util.stream.IntStream.range(0, requests.size()).parallel()
            .mapToObj(i -> prepare(requests.get(i), owner)).toList();
        List<NewRecord> batch = new ArrayList<>();
        for (Prepared p : prepared) {
          batch.add(p.record());
          transactions.add(p.registration());
          transactions.add(p.custody());
        }
        List<EscrowEntry> escrows;
        try {
          escrows = vault.storeAll(batch, ownerKem);
        } finally {
          batch.forEach(NewRecord::wipe);
        }
        for (int i = 0; i < batch.size(); i++) {
          stored.add(new Imported(batch.get(i).commitment(), escrows.get(i), -1,
              batch.get(i).subjectId()));
        }
        List<LedgerGateway.Committed> done = ledger.commitAll(transactions);
        List<Imported> out = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
          Imported s = stored.get(i);
          out.add(new Imported(s.commitment(), s.escrow(), done.get(2 * i + 1).height(),
              s.subjectId()));
        }
        return out;
      } catch (IOException e) {
        undo(stored);
        throw new VaultStorageException("ledger: " + e.getMessage(), e);
      } catch (RecordsException | LedgerException | RuntimeException e) {
        undo(stored);
        throw e;
      }
    }
  }

  private record Prepared(NewRecord record, byte[] registration, byte[] custody) {}

  /** A record's salt and commitment, and its owner-signed registration and custody. */
  private Prepared prepare(ImportRequest r, LedgerSigningKey owner) {
    RecordDocument d = r.document();
    long[] attrs = d.attributes();
    Record rec = Record.withRandomSalt(attrs, random);
    long[] salt = rec.salt();
    try {
      byte[] c = RecordCommitments.commitment(genesis.chainId(), RecordDocument.SCHEMA, rec);
      List<byte[]> leaves = RecordCommitments.claimLeaves(genesis.claimSystems(), rec);
      RecordCustody.Builder cu = RecordCustody.newBuilder()
          .setRecordCommitment(ByteString.copyFrom(c))
          .setCustodianKeyId(ByteString.copyFrom(keyId())).setResidency(r.residency())
          .addAllProxies(r.proxies());
      if (r.patientKeyId() != null) {
        cu.setPatientKeyId(ByteString.copyFrom(r.patientKeyId()));
      }
      return new Prepared(new NewRecord(c, RecordDocument.SCHEMA, r.residency(), d.subjectId(),
          d.bytes(), attrs, salt, owner.publicKey().keyId()),
          txs.registerRecord(owner, c, RecordDocument.SCHEMA, leaves),
          txs.sign(owner, txs.body(owner).setRecordCustody(cu)));
    } finally {
      java.util.Arrays.fill(attrs, 0);
      java.util.Arrays.fill(salt, 0);
      rec.destroy();
    }
  }

  /** Removes records stored for an import the ledger did not take: never acknowledged. */
  private void undo(List<Imported> stored) throws RecordsException {
    for (Imported s : stored) {
      vault.discard(s.commitment());
    }
  }

  @Override
  public ReadResponse read(SignedReadRequest request, Caller caller) throws RecordsException {
    try {
      return reads.read(request, caller);
    } catch (LedgerException e) {
      throw new VaultStorageException("ledger: " + e.getMessage(), e);
    }
  }

  /** Releases begun whose event is final but whose document never left (a crash between). */
  public List<io.pqzk.records.proto.ReleaseJournalEntry> unfinishedReleases()
      throws VaultStorageException {
    List<io.pqzk.records.proto.ReleaseJournalEntry> out = new ArrayList<>();
    for (var e : vault.journal()) {
      if (e.getState() == io.pqzk.records.proto.ReleaseJournalEntry.State.FINAL
          || e.getState() == io.pqzk.records.proto.ReleaseJournalEntry.State.SUBMITTING) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Carries out a purge ordered by the record's owner: the signed RecordPurge transaction is
   * committed (the chain checks the owner), then the document, its wrapped data key and its record
   * key are destroyed and both databases compacted. Idempotent after a crash: {@link #open}
   * finishes a purge that is final on the chain.
   */
  @Override
  public PurgeResponse purge(PurgeRequest request, Caller caller) throws RecordsException {
    ParsedTransaction tx;
    try {
      tx = rules.parseTransaction(request.getPurgeTransaction().toByteArray());
    } catch (TransactionRejectedException e) {
      throw new InvalidRecordInputException("purge transaction: " + e.getMessage(), e);
    }
    if (tx.body().getPayloadCase() != TransactionBody.PayloadCase.RECORD_PURGE) {
      throw new InvalidRecordInputException("a purge request carries a record_purge"
          + " transaction, not " + tx.kind());
    }
    byte[] c = tx.body().getRecordPurge().getRecordCommitment().toByteArray();
    synchronized (writes) {
      if (vault.record(c).isEmpty() && vault.tombstone(c).isEmpty()) {
        throw new AccessRefusedException("record " + HexFormat.of().formatHex(c).substring(0, 16)
            + " is not kept by custodian '" + info.name() + "'");
      }
      try {
        LedgerGateway.Committed done = ledger.commit(tx.bytes());
        vault.shred(c, done.height(), done.transactionId());
        return PurgeResponse.newBuilder().setHeight(done.height())
            .setTransactionId(ByteString.copyFrom(done.transactionId())).build();
      } catch (TransactionRejectedException e) {
        throw new AccessRefusedException("purge refused by the ledger: " + e.getMessage());
      } catch (LedgerException | IOException e) {
        throw new VaultStorageException("ledger: " + e.getMessage(), e);
      }
    }
  }

  /** Re-wraps every data key under fresh record keys of a new key store version. */
  public int rotateKeys() throws RecordsException {
    synchronized (writes) {
      return vault.rotate(options.kemKey());
    }
  }

  @Override
  public OpeningResponse exportOpening(SignedOpeningRequest request, Caller caller)
      throws RecordsException {
    try {
      return new Openings(this).export(request);
    } catch (LedgerException e) {
      throw new VaultStorageException("ledger: " + e.getMessage(), e);
    }
  }

  @Override
  public StatusResponse status() {
    return StatusResponse.newBuilder().setCustodian(info.name())
        .setJurisdiction(info.jurisdiction()).setChainId(genesis.chainId())
        .setFinalizedHeight(Math.max(0, ledger.finalizedHeight()))
        .setRecords(vault.commitments().size()).build();
  }

  /** The state at the finalized height, read under the ledger's read lock. */
  <T> T state(LedgerGateway.StateReader<T> f) throws LedgerException {
    return ledger.read(f);
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      vault.close();
    }
  }
}
