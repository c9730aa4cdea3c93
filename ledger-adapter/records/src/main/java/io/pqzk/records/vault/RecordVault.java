package io.pqzk.records.vault;

import io.pqzk.records.internal.Rocks;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.ShreddedRecordException;
import io.pqzk.records.TamperedRecordException;
import io.pqzk.records.VaultStorageException;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemException;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.kem.KemPublicKey;
import io.pqzk.records.proto.EscrowEntry;
import io.pqzk.records.proto.KeptReason;
import io.pqzk.records.proto.RecordOpening;
import io.pqzk.records.proto.ReleaseJournalEntry;
import io.pqzk.records.proto.VaultRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custodian's vault: every record document encrypted at rest, in a RocksDB database of its
 * own (never the block files), over the key store ({@link KeyStore}, another database).
 *
 * <p>Each record gets a fresh 256-bit data key, under which the exact document bytes and the
 * opening are encrypted with AES-256-GCM (associated data: chain id, commitment, residency tag);
 * the data key is wrapped under the record's own key from the key store (AES-256-GCM, associated
 * data: chain id, commitment, key version, residency tag), and sealed with HPKE to the owning
 * authority for its escrow. Subjects are found through an HMAC tag under a key store key, never by
 * their id. A record moved, relabelled or altered in any byte fails authentication on read, by
 * name, and no other record is affected. Purging ({@link #shred}) destroys the ciphertext, the
 * wrapped key and the record key, and compacts both databases. All writes are synced.
 */
public final class RecordVault implements Closeable {
  private static final byte[] META = {'M'};
  private static final HexFormat HEX = HexFormat.of();

  private final Rocks db;
  private final KeyStore keys;
  private final String chainId;

  private RecordVault(Rocks db, KeyStore keys, String chainId) {
    this.db = db;
    this.keys = keys;
    this.chainId = chainId;
  }

  /**
   * Opens (or creates) the vault in {@code vaultDir} with the key store in {@code keyStoreDir},
   * for {@code chainId} and the custodian {@code custodianKeyId}; a vault of another chain or
   * custodian is refused.
   */
  public static RecordVault open(Path vaultDir, Path keyStoreDir, String chainId,
      byte[] custodianKeyId, KemPrivateKey custodianKem)
      throws VaultStorageException, TamperedRecordException {
    if (vaultDir.toAbsolutePath().normalize().equals(keyStoreDir.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("the key store must not share the vault's directory");
    }
    Rocks db;
    try {
      db = Rocks.open(vaultDir);
    } catch (IOException e) {
      throw new VaultStorageException("vault: " + e.getMessage(), e);
    }
    try {
      byte[] meta = Aead.aad("pqzk/v1/vault", Aead.utf8(chainId), custodianKeyId);
      byte[] stored = db.get(META);
      if (stored == null) {
        db.put(META, meta);
      } else if (!MessageDigest.isEqual(stored, meta)) {
        throw new VaultStorageException("the vault in " + vaultDir + " belongs to another chain"
            + " or custodian");
      }
      KeyStore ks = KeyStore.open(keyStoreDir, chainId, custodianKem);
      return new RecordVault(db, ks, chainId);
    } catch (IOException e) {
      db.close();
      throw new VaultStorageException("vault: " + e.getMessage(), e);
    } catch (VaultStorageException | TamperedRecordException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public KeyStore keyStore() {
    return keys;
  }

  static String name(byte[] commitment) {
    return HEX.formatHex(commitment).substring(0, 16);
  }

  private byte[] docAad(byte[] c, String residency) {
    return Aead.aad("pqzk/v1/vault/document", Aead.utf8(chainId), c, Aead.utf8(residency));
  }

  private byte[] openingAad(byte[] c, String residency) {
    return Aead.aad("pqzk/v1/vault/opening", Aead.utf8(chainId), c, Aead.utf8(residency));
  }

  private byte[] wrapAad(byte[] c, int version, String residency) {
    return Aead.aad("pqzk/v1/vault/data-key", Aead.utf8(chainId), c, Aead.u32(version),
        Aead.utf8(residency));
  }

  private byte[] reasonAad(byte[] c, byte[] eventTx) {
    return Aead.aad("pqzk/v1/vault/break-glass-reason", Aead.utf8(chainId), c, eventTx);
  }

  /** Info of the owner's HPKE-sealed copy of a data key. */
  static byte[] escrowInfo(String chainId, byte[] c) {
    return Aead.aad("pqzk/v1/escrow/data-key", Aead.utf8(chainId), c);
  }

  /**
   * Encrypts and keeps {@code r}, and returns the data key sealed to the owner's X-Wing key for
   * its escrow (see {@link #storeAll}).
   */
  public EscrowEntry store(NewRecord r, KemPublicKey ownerKem) throws RecordsException {
    return storeAll(List.of(r), ownerKem).get(0);
  }

  /**
   * Encrypts and keeps every record of {@code rs}, and returns each data key sealed to the
   * owner's X-Wing key for its escrow. The record keys are stored first (one synced write), then
   * the records and their subject tags (another); a crash between leaves only orphan keys, which
   * {@link #recover} removes.
   *
   * @throws InvalidRecordInputException when a subject or commitment is in the vault already
   */
  public synchronized List<EscrowEntry> storeAll(List<NewRecord> rs, KemPublicKey ownerKem)
      throws RecordsException {
    java.util.Set<Rocks.Key> tags = new java.util.HashSet<>();
    for (NewRecord r : rs) {
      byte[] tag = keys.subjectTag(r.schema(), r.subjectId());
      if (get(Rocks.key('S', tag)) != null || !tags.add(new Rocks.Key(tag))) {
        throw new InvalidRecordInputException("a subject of this import already has a record in"
            + " the vault");
      }
      if (get(Rocks.key('R', r.commitment())) != null) {
        throw new InvalidRecordInputException("record " + name(r.commitment())
            + " is already in the vault");
      }
    }
    int v = keys.version();
    List<byte[]> rks = keys.newRecordKeys(rs.stream().map(NewRecord::commitment).toList(), v);
    List<EscrowEntry> out = new ArrayList<>();
    Map<Rocks.Key, byte[]> puts = new HashMap<>();
    try {
      for (int i = 0; i < rs.size(); i++) {
        NewRecord r = rs.get(i);
        byte[] c = r.commitment();
        byte[] dk = Aead.randomKey();
        byte[] openingBytes = RecordOpening.newBuilder()
            .addAllAttributes(longs(r.attributes())).addAllSalt(longs(r.salt()))
            .setSubjectId(r.subjectId()).build().toByteArray();
        try {
          Hpke.Sealed s = Hpke.seal(ownerKem, escrowInfo(chainId, c), new byte[0], dk);
          out.add(EscrowEntry.newBuilder().setRecordCommitment(ByteString.copyFrom(c))
              .setChainId(chainId).setHpkeEnc(ByteString.copyFrom(s.enc()))
              .setHpkeCiphertext(ByteString.copyFrom(s.ciphertext())).build());
          byte[] dn = Aead.nonce();
          byte[] on = Aead.nonce();
          byte[] wn = Aead.nonce();
          VaultRecord vr = VaultRecord.newBuilder().setFormat(1)
              .setRecordCommitment(ByteString.copyFrom(c)).setSchema(r.schema())
              .setResidency(r.residency()).setKeyVersion(v)
              .setDocumentNonce(ByteString.copyFrom(dn))
              .setDocumentCiphertext(ByteString.copyFrom(Aead.seal(dk, dn,
                  docAad(c, r.residency()), r.document())))
              .setOpeningNonce(ByteString.copyFrom(on))
              .setOpeningCiphertext(ByteString.copyFrom(Aead.seal(dk, on,
                  openingAad(c, r.residency()), openingBytes)))
              .setWrapNonce(ByteString.copyFrom(wn))
              .setWrappedDataKey(ByteString.copyFrom(Aead.seal(rks.get(i), wn,
                  wrapAad(c, v, r.residency()), dk)))
              .setImportedMillis(System.currentTimeMillis())
              .setOwnerKeyId(ByteString.copyFrom(r.ownerKeyId())).build();
          puts.put(new Rocks.Key(Rocks.key('R', c)), vr.toByteArray());
          puts.put(new Rocks.Key(Rocks.key('S', keys.subjectTag(r.schema(), r.subjectId()))), c);
        } catch (KemException e) {
          throw new InvalidRecordInputException("the owner's X-Wing key: " + e.getMessage(), e);
        } finally {
          Aead.wipe(dk, openingBytes);
        }
      }
      write(puts, List.of());
      return out;
    } finally {
      rks.forEach(Aead::wipe);
    }
  }

  private static List<Long> longs(long[] v) {
    List<Long> out = new ArrayList<>(v.length);
    for (long x : v) {
      out.add(x);
    }
    return out;
  }

  /** The record filed under this subject, or empty. */
  public Optional<byte[]> commitmentOf(String schema, String subjectId)
      throws VaultStorageException {
    return Optional.ofNullable(get(Rocks.key('S', keys.subjectTag(schema, subjectId))));
  }

  /** The stored record (ciphertexts and metadata), or empty. */
  public Optional<VaultRecord> record(byte[] c) throws VaultStorageException,
      TamperedRecordException {
    byte[] v = get(Rocks.key('R', c));
    if (v == null) {
      return Optional.empty();
    }
    try {
      VaultRecord r = VaultRecord.parseFrom(v);
      if (!MessageDigest.isEqual(r.getRecordCommitment().toByteArray(), c)) {
        throw new TamperedRecordException("vault entry", "record " + name(c) + ": the vault"
            + " entry names another record", null);
      }
      return Optional.of(r);
    } catch (InvalidProtocolBufferException e) {
      throw new TamperedRecordException("vault entry", "record " + name(c) + ": the vault entry"
          + " does not parse", e);
    }
  }

  private VaultRecord require(byte[] c) throws RecordsException {
    Optional<VaultRecord> r = record(c);
    if (r.isEmpty()) {
      if (tombstone(c).isPresent()) {
        throw new ShreddedRecordException("record " + name(c) + " was purged");
      }
      throw new InvalidRecordInputException("record " + name(c) + " is not in this vault");
    }
    return r.get();
  }

  /** The unwrapped data key of {@code r}: the caller wipes it. */
  private byte[] dataKey(VaultRecord r) throws RecordsException {
    byte[] c = r.getRecordCommitment().toByteArray();
    byte[] rk = keys.recordKey(c, r.getKeyVersion());
    try {
      return Aead.open(rk, r.getWrapNonce().toByteArray(),
          wrapAad(c, r.getKeyVersion(), r.getResidency()), r.getWrappedDataKey().toByteArray(),
          "wrapped data key", name(c));
    } finally {
      Aead.wipe(rk);
    }
  }

  /**
   * The exact document bytes of record {@code c}.
   *
   * @throws TamperedRecordException naming the ciphertext that failed authentication
   * @throws ShreddedRecordException when the record was purged
   */
  public byte[] document(byte[] c) throws RecordsException {
    VaultRecord r = require(c);
    byte[] dk = dataKey(r);
    try {
      return Aead.open(dk, r.getDocumentNonce().toByteArray(), docAad(c, r.getResidency()),
          r.getDocumentCiphertext().toByteArray(), "document ciphertext", name(c));
    } finally {
      Aead.wipe(dk);
    }
  }

  /** The opening of record {@code c} (attributes, salt, subject id): secret. */
  public RecordOpening opening(byte[] c) throws RecordsException {
    VaultRecord r = require(c);
    byte[] dk = dataKey(r);
    byte[] clear = null;
    try {
      clear = Aead.open(dk, r.getOpeningNonce().toByteArray(), openingAad(c, r.getResidency()),
          r.getOpeningCiphertext().toByteArray(), "opening ciphertext", name(c));
      return RecordOpening.parseFrom(clear);
    } catch (InvalidProtocolBufferException e) {
      throw new TamperedRecordException("opening ciphertext", "record " + name(c)
          + ": the opening does not parse", e);
    } finally {
      Aead.wipe(dk, clear);
    }
  }

  /** Keeps a break-glass reason with record {@code c}, encrypted under its data key. */
  public synchronized void keepReason(byte[] c, byte[] eventTx, byte[] commitmentNonce,
      String reason) throws RecordsException {
    VaultRecord r = require(c);
    byte[] dk = dataKey(r);
    byte[] clear = Aead.utf8(reason);
    try {
      byte[] n = Aead.nonce();
      KeptReason k = KeptReason.newBuilder().setEventTransactionId(ByteString.copyFrom(eventTx))
          .setCommitmentNonce(ByteString.copyFrom(commitmentNonce)).setNonce(ByteString.copyFrom(n))
          .setCiphertext(ByteString.copyFrom(Aead.seal(dk, n, reasonAad(c, eventTx), clear)))
          .build();
      write(Map.of(new Rocks.Key(Rocks.key('G', c, eventTx)), k.toByteArray()), List.of());
    } finally {
      Aead.wipe(dk, clear);
    }
  }

  /** A kept break-glass reason and its commitment nonce, or empty (none kept, or purged). */
  public Optional<Reason> reason(byte[] c, byte[] eventTx) throws RecordsException {
    byte[] v = get(Rocks.key('G', c, eventTx));
    if (v == null) {
      return Optional.empty();
    }
    VaultRecord r = require(c);
    byte[] dk = dataKey(r);
    try {
      KeptReason k = KeptReason.parseFrom(v);
      byte[] clear = Aead.open(dk, k.getNonce().toByteArray(), reasonAad(c, eventTx),
          k.getCiphertext().toByteArray(), "break-glass reason", name(c));
      return Optional.of(new Reason(new String(clear, java.nio.charset.StandardCharsets.UTF_8),
          k.getCommitmentNonce().toByteArray()));
    } catch (InvalidProtocolBufferException e) {
      throw new TamperedRecordException("break-glass reason", "record " + name(c)
          + ": the kept reason does not parse", e);
    } finally {
      Aead.wipe(dk);
    }
  }

  /** A break-glass reason as kept: the text and the nonce of its commitment on the chain. */
  public record Reason(String text, byte[] commitmentNonce) {}

  /** What a purge left: the height and id of the purge event. */
  public record Tombstone(long height, byte[] purgeTransactionId) {}

  /**
   * Crypto-shreds record {@code c}: its vault entry (ciphertexts, wrapped key) and kept reasons
   * are deleted, its record key destroyed, and both databases compacted; a tombstone keeps the
   * purge event's height and id. The subject tag stays (an HMAC, readable by no one without the
   * key store), so the record's audit trail can still be found by subject, and a read of it is
   * refused as purged. Idempotent.
   */
  public synchronized void shred(byte[] c, long height, byte[] purgeTx)
      throws VaultStorageException {
    List<byte[]> gone = new ArrayList<>();
    gone.add(Rocks.key('R', c));
    gone.addAll(db.keys(Rocks.key('G', c)));
    try {
      db.put(Rocks.key('P', c), ByteBuffer.allocate(8 + purgeTx.length).putLong(height)
          .put(purgeTx).array());
      keys.shred(c);
      db.shred(gone);
    } catch (IOException e) {
      throw new VaultStorageException("vault: " + e.getMessage(), e);
    }
  }

  /**
   * Removes record {@code c} as if never stored (an import the ledger did not take, or that a
   * crash cut short before its registration): record, subject tag, record key; no tombstone.
   */
  public synchronized void discard(byte[] c) throws RecordsException {
    List<byte[]> gone = new ArrayList<>();
    Optional<VaultRecord> r = record(c);
    if (r.isPresent()) {
      try {
        RecordOpening o = opening(c);
        gone.add(Rocks.key('S', keys.subjectTag(r.get().getSchema(), o.getSubjectId())));
      } catch (RecordsException unreadable) {
        // without its key the tag cannot be found again: it then names a record that is gone
      }
    }
    gone.add(Rocks.key('R', c));
    gone.addAll(db.keys(Rocks.key('G', c)));
    try {
      keys.shred(c);
      db.shred(gone);
    } catch (IOException e) {
      throw new VaultStorageException("vault: " + e.getMessage(), e);
    }
  }

  /** The tombstone of a purged record, or empty. */
  public Optional<Tombstone> tombstone(byte[] c) throws VaultStorageException {
    byte[] v = get(Rocks.key('P', c));
    if (v == null) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(v);
    long h = b.getLong();
    byte[] tx = new byte[v.length - 8];
    b.get(tx);
    return Optional.of(new Tombstone(h, tx));
  }

  /**
   * Re-wraps every record's data key under a fresh record key of a new key store version, without
   * touching a ciphertext or a commitment, then destroys every older record key and key store key.
   * A rotation interrupted by a crash is continued by the next call. Returns the new version.
   */
  public synchronized int rotate(KemPrivateKey custodian) throws RecordsException {
    int v = keys.beginRotation(custodian);
    for (byte[] c : commitments()) {
      VaultRecord r = require(c);
      if (r.getKeyVersion() == v) {
        continue;
      }
      byte[] dk = dataKey(r);
      byte[] rk = keys.newRecordKey(c, v);
      try {
        byte[] wn = Aead.nonce();
        VaultRecord moved = r.toBuilder().setKeyVersion(v).setWrapNonce(ByteString.copyFrom(wn))
            .setWrappedDataKey(ByteString.copyFrom(Aead.seal(rk, wn,
                wrapAad(c, v, r.getResidency()), dk))).build();
        write(Map.of(new Rocks.Key(Rocks.key('R', c)), moved.toByteArray()), List.of());
      } finally {
        Aead.wipe(dk, rk);
      }
    }
    keys.finishRotation(v);
    return v;
  }

  /**
   * Removes what a crash left half-done: record keys without a vault record (an import that
   * never finished), and record keys of versions no record uses. Returns how many were removed.
   */
  public synchronized int recover() throws RecordsException {
    int removed = 0;
    for (byte[] c : keys.commitments()) {
      Optional<VaultRecord> r = record(c);
      if (r.isEmpty()) {
        keys.shred(c);
        removed++;
        continue;
      }
      for (int v : keys.versionsOf(c)) {
        if (v != r.get().getKeyVersion() && v < keys.version()) {
          keys.retire(c, v);
          removed++;
        }
      }
    }
    return removed;
  }

  /** Every record in the vault, by commitment. */
  public List<byte[]> commitments() {
    List<byte[]> out = new ArrayList<>();
    for (byte[] k : db.keys(new byte[] {'R'})) {
      out.add(java.util.Arrays.copyOfRange(k, 1, k.length));
    }
    return out;
  }

  /**
   * Records a request nonce as used until {@code expiresMillis}; false when it was used already
   * (a replay). Expired nonces are dropped on the way.
   */
  public synchronized boolean useNonce(byte[] readerKeyId, byte[] nonce, long expiresMillis,
      long nowMillis) throws VaultStorageException {
    byte[] k = Rocks.key('N', sha256(readerKeyId, nonce));
    if (get(k) != null) {
      return false;
    }
    List<byte[]> expired = new ArrayList<>();
    for (byte[][] e : db.entries(new byte[] {'N'})) {
      if (ByteBuffer.wrap(e[1]).getLong() < nowMillis) {
        expired.add(e[0]);
      }
    }
    write(Map.of(new Rocks.Key(k), ByteBuffer.allocate(8).putLong(expiresMillis).array()),
        expired);
    return true;
  }

  /** Writes a release journal entry (synced). */
  public synchronized void journal(ReleaseJournalEntry e) throws VaultStorageException {
    write(Map.of(new Rocks.Key(Rocks.key('J', e.getRequestDigest().toByteArray())),
        e.toByteArray()), List.of());
  }

  /** Every release journal entry. */
  public List<ReleaseJournalEntry> journal() throws VaultStorageException {
    List<ReleaseJournalEntry> out = new ArrayList<>();
    for (byte[][] e : db.entries(new byte[] {'J'})) {
      try {
        out.add(ReleaseJournalEntry.parseFrom(e[1]));
      } catch (InvalidProtocolBufferException x) {
        throw new VaultStorageException("vault: a release journal entry does not parse", x);
      }
    }
    return out;
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] get(byte[] key) throws VaultStorageException {
    try {
      return db.get(key);
    } catch (IOException e) {
      throw new VaultStorageException("vault: " + e.getMessage(), e);
    }
  }

  private void write(Map<Rocks.Key, byte[]> puts, List<byte[]> deletes)
      throws VaultStorageException {
    try {
      db.write(puts, deletes);
    } catch (IOException e) {
      throw new VaultStorageException("vault: " + e.getMessage(), e);
    }
  }

  public Path directory() {
    return db.directory();
  }

  @Override
  public synchronized void close() {
    try {
      keys.close();
    } finally {
      db.close();
    }
  }
}
