package io.pqzk.records.vault;

import io.pqzk.records.internal.Rocks;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.records.ShreddedRecordException;
import io.pqzk.records.TamperedRecordException;
import io.pqzk.records.VaultStorageException;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemException;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.proto.KeyStoreEntry;
import io.pqzk.records.proto.SealedSecret;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The custodian's key store: one 256-bit key per record (which wraps that record's data key), kept
 * apart from the vault's data in a database of its own, never copied with the vault. Each record
 * key is stored encrypted (AES-256-GCM) under the key store key of its version; each key store key,
 * and the key of the subject index, is HPKE-sealed to the custodian's X-Wing key, so the store is
 * useless without the custodian's private key, which itself lives in an encrypted key file.
 *
 * <p>Destroying a record's key ({@link #shred}) deletes its entries and compacts the store, so the
 * record cannot be decrypted from any copy of the vault, however old. Rotation ({@link
 * #beginRotation}, {@link #finishRotation}) adds a key store key version; record keys of the new
 * version are fresh, and the old version's entries and key are shredded once every record has
 * moved. Not thread-safe for writes; the custodian serialises them.
 */
public final class KeyStore implements Closeable {
  private static final byte[] VERSION = {'V'};
  private static final byte[] SUBJECT_KEY = {'X'};
  private static final String INFO_KEY = "pqzk/v1/keystore-key|";
  private static final String INFO_SUBJECT = "pqzk/v1/subject-index-key|";

  private final Rocks db;
  private final String chainId;
  private final Map<Integer, byte[]> storeKeys = new HashMap<>();
  private final byte[] subjectKey;
  private int version;

  private KeyStore(Rocks db, String chainId, byte[] subjectKey, int version) {
    this.db = db;
    this.chainId = chainId;
    this.subjectKey = subjectKey;
    this.version = version;
  }

  /**
   * Opens the key store in {@code dir} and unlocks it with the custodian's X-Wing key; a new
   * directory gets a first key store key and a subject index key.
   */
  public static KeyStore open(Path dir, String chainId, KemPrivateKey custodian)
      throws VaultStorageException, TamperedRecordException {
    Rocks db;
    try {
      db = Rocks.open(dir);
    } catch (IOException e) {
      throw new VaultStorageException("key store: " + e.getMessage(), e);
    }
    try {
      byte[] v = db.get(VERSION);
      if (v == null) {
        byte[] sk = Aead.randomKey();
        byte[] k1 = Aead.randomKey();
        Map<Rocks.Key, byte[]> puts = new HashMap<>();
        puts.put(new Rocks.Key(SUBJECT_KEY), seal(custodian, INFO_SUBJECT + chainId, 0, sk));
        puts.put(new Rocks.Key(versionKey(1)), seal(custodian, INFO_KEY + chainId + "|1", 1, k1));
        puts.put(new Rocks.Key(VERSION), Aead.u32(1));
        db.write(puts, List.of());
        KeyStore ks = new KeyStore(db, chainId, sk, 1);
        ks.storeKeys.put(1, k1);
        return ks;
      }
      KeyStore ks = new KeyStore(db, chainId, unseal(custodian, db.get(SUBJECT_KEY),
          INFO_SUBJECT + chainId, "subject index key"), ByteBuffer.wrap(v).getInt());
      for (byte[][] e : db.entries(new byte[] {'S'})) {
        int ver = ByteBuffer.wrap(e[0], 1, 4).getInt();
        ks.storeKeys.put(ver, unseal(custodian, e[1], INFO_KEY + chainId + "|" + ver,
            "key store key version " + ver));
      }
      if (!ks.storeKeys.containsKey(ks.version)) {
        throw new TamperedRecordException("key store", "the key store has no key of its current"
            + " version " + ks.version, null);
      }
      return ks;
    } catch (IOException e) {
      db.close();
      throw new VaultStorageException("key store: " + e.getMessage(), e);
    } catch (TamperedRecordException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static byte[] versionKey(int v) {
    return Rocks.key('S', Aead.u32(v));
  }

  private static byte[] entryKey(byte[] commitment, int v) {
    return Rocks.key('K', commitment, Aead.u32(v));
  }

  private static byte[] seal(KemPrivateKey custodian, String info, int version, byte[] secret) {
    try {
      Hpke.Sealed s = Hpke.seal(custodian.publicKey(), Aead.utf8(info), new byte[0], secret);
      return SealedSecret.newBuilder().setVersion(version).setHpkeEnc(ByteString.copyFrom(s.enc()))
          .setHpkeCiphertext(ByteString.copyFrom(s.ciphertext())).build().toByteArray();
    } catch (KemException e) {
      throw new IllegalStateException("the custodian's own X-Wing key refused a seal", e);
    }
  }

  private static byte[] unseal(KemPrivateKey custodian, byte[] stored, String info, String what)
      throws TamperedRecordException {
    if (stored == null) {
      throw new TamperedRecordException("key store", "the key store has no " + what, null);
    }
    try {
      SealedSecret s = SealedSecret.parseFrom(stored);
      return Hpke.open(custodian, new Hpke.Sealed(s.getHpkeEnc().toByteArray(),
          s.getHpkeCiphertext().toByteArray()), Aead.utf8(info), new byte[0]);
    } catch (InvalidProtocolBufferException | KemException e) {
      throw new TamperedRecordException("key store", "the " + what + " does not open with this"
          + " custodian's X-Wing key (another custodian's key store, or it was altered): "
          + e.getMessage(), e);
    }
  }

  /** The version new record keys get. */
  public synchronized int version() {
    return version;
  }

  private byte[] storeKey(int v) throws ShreddedRecordException {
    byte[] k = storeKeys.get(v);
    if (k == null) {
      throw new ShreddedRecordException("key store key version " + v + " was retired");
    }
    return k;
  }

  private byte[] aad(byte[] commitment, int v) {
    return Aead.aad("pqzk/v1/record-key", Aead.utf8(chainId), commitment, Aead.u32(v));
  }

  /** A fresh record key for {@code commitment} at version {@code v}, stored; the caller wipes it. */
  public synchronized byte[] newRecordKey(byte[] commitment, int v)
      throws VaultStorageException, ShreddedRecordException {
    return newRecordKeys(List.of(commitment), v).get(0);
  }

  /**
   * Fresh record keys for {@code commitments} at version {@code v}, stored in one synced write;
   * the caller wipes them.
   */
  public synchronized List<byte[]> newRecordKeys(List<byte[]> commitments, int v)
      throws VaultStorageException, ShreddedRecordException {
    List<byte[]> keys = new ArrayList<>(commitments.size());
    Map<Rocks.Key, byte[]> puts = new HashMap<>();
    for (byte[] commitment : commitments) {
      byte[] rk = Aead.randomKey();
      byte[] nonce = Aead.nonce();
      keys.add(rk);
      puts.put(new Rocks.Key(entryKey(commitment, v)), KeyStoreEntry.newBuilder()
          .setKeyVersion(v).setNonce(ByteString.copyFrom(nonce))
          .setWrappedRecordKey(ByteString.copyFrom(Aead.seal(storeKey(v), nonce,
              aad(commitment, v), rk))).build().toByteArray());
    }
    try {
      db.write(puts, List.of());
    } catch (IOException x) {
      keys.forEach(Aead::wipe);
      throw new VaultStorageException("key store: " + x.getMessage(), x);
    }
    return keys;
  }

  /**
   * The record key of {@code commitment} at version {@code v}; the caller wipes it.
   *
   * @throws ShreddedRecordException when it was destroyed (the record was purged)
   */
  public synchronized byte[] recordKey(byte[] commitment, int v)
      throws VaultStorageException, ShreddedRecordException, TamperedRecordException {
    byte[] stored;
    try {
      stored = db.get(entryKey(commitment, v));
    } catch (IOException x) {
      throw new VaultStorageException("key store: " + x.getMessage(), x);
    }
    String record = HexFormat.of().formatHex(commitment).substring(0, 16);
    if (stored == null) {
      throw new ShreddedRecordException("record " + record + " has no key in the key store: it"
          + " was purged (crypto-shredded) and can never be decrypted again");
    }
    KeyStoreEntry e;
    try {
      e = KeyStoreEntry.parseFrom(stored);
    } catch (InvalidProtocolBufferException x) {
      throw new TamperedRecordException("record key", "record " + record + ": its key store"
          + " entry does not parse", x);
    }
    return Aead.open(storeKey(v), e.getNonce().toByteArray(), aad(commitment, v),
        e.getWrappedRecordKey().toByteArray(), "record key", record);
  }

  /** Destroys every version of {@code commitment}'s record key and compacts the store. */
  public synchronized void shred(byte[] commitment) throws VaultStorageException {
    try {
      db.shred(db.keys(Rocks.key('K', commitment)));
    } catch (IOException x) {
      throw new VaultStorageException("key store: " + x.getMessage(), x);
    }
  }

  /** Destroys {@code commitment}'s record key of version {@code v} only (after a rotation). */
  public synchronized void retire(byte[] commitment, int v) throws VaultStorageException {
    try {
      db.write(Map.of(), List.of(entryKey(commitment, v)));
    } catch (IOException x) {
      throw new VaultStorageException("key store: " + x.getMessage(), x);
    }
  }

  /** The versions of {@code commitment}'s record keys present. */
  public synchronized List<Integer> versionsOf(byte[] commitment) {
    List<Integer> out = new ArrayList<>();
    for (byte[] k : db.keys(Rocks.key('K', commitment))) {
      out.add(ByteBuffer.wrap(k, 1 + commitment.length, 4).getInt());
    }
    return out;
  }

  /** Starts a rotation: a new key store key version, sealed and stored; returns it. */
  public synchronized int beginRotation(KemPrivateKey custodian) throws VaultStorageException {
    int next = storeKeys.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    byte[] k = Aead.randomKey();
    try {
      db.put(versionKey(next), seal(custodian, INFO_KEY + chainId + "|" + next, next, k));
    } catch (IOException x) {
      Aead.wipe(k);
      throw new VaultStorageException("key store: " + x.getMessage(), x);
    }
    storeKeys.put(next, k);
    return next;
  }

  /**
   * Ends a rotation: {@code v} becomes current, and every older key store key, with every record
   * key entry left under it, is destroyed and compacted away.
   */
  public synchronized void finishRotation(int v) throws VaultStorageException {
    List<byte[]> gone = new ArrayList<>();
    for (byte[] k : db.keys(new byte[] {'K'})) {
      if (ByteBuffer.wrap(k, k.length - 4, 4).getInt() != v) {
        gone.add(k);
      }
    }
    for (int old : new ArrayList<>(storeKeys.keySet())) {
      if (old != v) {
        gone.add(versionKey(old));
        Aead.wipe(storeKeys.remove(old));
      }
    }
    try {
      db.write(Map.of(new Rocks.Key(VERSION), Aead.u32(v)), List.of());
      db.shred(gone);
    } catch (IOException x) {
      throw new VaultStorageException("key store: " + x.getMessage(), x);
    }
    version = v;
  }

  /**
   * The subject index tag of a subject id: HMAC-SHA256 under the key store's subject key, so the
   * vault maps subjects to records without holding any subject id, and a copy of the vault alone
   * cannot even test a guessed id.
   */
  public byte[] subjectTag(String schema, String subjectId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
      return mac.doFinal(Aead.aad("pqzk/v1/subject", Aead.utf8(chainId), Aead.utf8(schema),
          Aead.utf8(subjectId)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java 17 platform", e);
    }
  }

  /**
   * The stored (encrypted) entries of {@code commitment}'s record keys, as they lie in the
   * database: what an audit of a purge looks for in the store's files afterwards.
   */
  public synchronized List<byte[]> storedEntries(byte[] commitment) {
    List<byte[]> out = new ArrayList<>();
    for (byte[][] e : db.entries(Rocks.key('K', commitment))) {
      out.add(e[1]);
    }
    return out;
  }

  /** Every record that has a key here (for recovery after a crash). */
  public synchronized List<byte[]> commitments() {
    List<byte[]> out = new ArrayList<>();
    byte[] last = null;
    for (byte[] k : db.keys(new byte[] {'K'})) {
      byte[] c = java.util.Arrays.copyOfRange(k, 1, k.length - 4);
      if (last == null || !java.util.Arrays.equals(last, c)) {
        out.add(c);
        last = c;
      }
    }
    return out;
  }

  public Path directory() {
    return db.directory();
  }

  Rocks db() {
    return db;
  }

  @Override
  public synchronized void close() {
    storeKeys.values().forEach(Aead::wipe);
    storeKeys.clear();
    Aead.wipe(subjectKey);
    db.close();
  }
}
