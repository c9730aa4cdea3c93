package io.pqzk.records.vault;

import io.pqzk.records.internal.Rocks;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.ShreddedRecordException;
import io.pqzk.records.TamperedRecordException;
import io.pqzk.records.VaultStorageException;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemException;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.proto.EscrowEntry;
import io.pqzk.records.proto.SealedSecret;
import io.pqzk.records.proto.VaultRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The owning authority's escrow: its copy of each of its records' data keys, HPKE-sealed to the
 * authority's X-Wing key, and its own subject index (an HMAC tag under a key sealed to the same
 * key). It lets the authority recover a document from the vault without the custodian's key
 * store (a lost custodian), and find a record to purge. It lives with the authority, never in the
 * vault: a purge destroys the escrowed copy too ({@link #shred}), so that a copy of the vault
 * taken before the purge cannot be opened with it. A copy of the escrow taken before a purge,
 * with the authority's private key, still can: back it up as the key material it is.
 */
public final class AuthorityEscrow implements Closeable {
  private static final byte[] SUBJECT_KEY = {'X'};

  private final Rocks db;
  private final String chainId;
  private final byte[] subjectKey;

  private AuthorityEscrow(Rocks db, String chainId, byte[] subjectKey) {
    this.db = db;
    this.chainId = chainId;
    this.subjectKey = subjectKey;
  }

  /** Opens (or creates) the escrow in {@code dir}, unlocked with the authority's X-Wing key. */
  public static AuthorityEscrow open(Path dir, String chainId, KemPrivateKey authority)
      throws RecordsException {
    Rocks db;
    try {
      db = Rocks.open(dir);
    } catch (IOException e) {
      throw new VaultStorageException("escrow: " + e.getMessage(), e);
    }
    byte[] info = Aead.utf8("pqzk/v1/escrow-subject-key|" + chainId);
    try {
      byte[] stored = db.get(SUBJECT_KEY);
      if (stored == null) {
        byte[] k = Aead.randomKey();
        Hpke.Sealed s = Hpke.seal(authority.publicKey(), info, new byte[0], k);
        db.put(SUBJECT_KEY, SealedSecret.newBuilder().setHpkeEnc(ByteString.copyFrom(s.enc()))
            .setHpkeCiphertext(ByteString.copyFrom(s.ciphertext())).build().toByteArray());
        return new AuthorityEscrow(db, chainId, k);
      }
      SealedSecret s = SealedSecret.parseFrom(stored);
      return new AuthorityEscrow(db, chainId, Hpke.open(authority, new Hpke.Sealed(
          s.getHpkeEnc().toByteArray(), s.getHpkeCiphertext().toByteArray()), info, new byte[0]));
    } catch (InvalidProtocolBufferException | KemException e) {
      db.close();
      throw new TamperedRecordException("escrow", "the escrow's subject key does not open with"
          + " this authority's X-Wing key: " + e.getMessage(), e);
    } catch (IOException e) {
      db.close();
      throw new VaultStorageException("escrow: " + e.getMessage(), e);
    }
  }

  private byte[] tag(String schema, String subjectId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
      return mac.doFinal(Aead.aad("pqzk/v1/escrow-subject", Aead.utf8(chainId), Aead.utf8(schema),
          Aead.utf8(subjectId)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keeps the sealed data key of a record filed under this subject. */
  public synchronized void put(String schema, String subjectId, EscrowEntry e)
      throws VaultStorageException {
    byte[] c = e.getRecordCommitment().toByteArray();
    Map<Rocks.Key, byte[]> puts = new HashMap<>();
    puts.put(new Rocks.Key(Rocks.key('E', c)), e.toByteArray());
    puts.put(new Rocks.Key(Rocks.key('S', tag(schema, subjectId))), c);
    try {
      db.write(puts, List.of());
    } catch (IOException x) {
      throw new VaultStorageException("escrow: " + x.getMessage(), x);
    }
  }

  /** The record this authority filed under the subject, or empty. */
  public Optional<byte[]> commitmentOf(String schema, String subjectId)
      throws VaultStorageException {
    try {
      return Optional.ofNullable(db.get(Rocks.key('S', tag(schema, subjectId))));
    } catch (IOException x) {
      throw new VaultStorageException("escrow: " + x.getMessage(), x);
    }
  }

  /**
   * Decrypts a record's document from its vault entry with the escrowed data key, without the
   * custodian's key store: the owner's recovery path.
   */
  public byte[] recoverDocument(VaultRecord r, KemPrivateKey authority) throws RecordsException {
    byte[] c = r.getRecordCommitment().toByteArray();
    byte[] stored;
    try {
      stored = db.get(Rocks.key('E', c));
    } catch (IOException x) {
      throw new VaultStorageException("escrow: " + x.getMessage(), x);
    }
    if (stored == null) {
      throw new ShreddedRecordException("record " + RecordVault.name(c)
          + " has no escrowed key: it was purged");
    }
    byte[] dk = null;
    try {
      EscrowEntry e = EscrowEntry.parseFrom(stored);
      dk = Hpke.open(authority, new Hpke.Sealed(e.getHpkeEnc().toByteArray(),
          e.getHpkeCiphertext().toByteArray()), RecordVault.escrowInfo(chainId, c), new byte[0]);
      return Aead.open(dk, r.getDocumentNonce().toByteArray(), Aead.aad("pqzk/v1/vault/document",
          Aead.utf8(chainId), c, Aead.utf8(r.getResidency())),
          r.getDocumentCiphertext().toByteArray(), "document ciphertext", RecordVault.name(c));
    } catch (InvalidProtocolBufferException | KemException e) {
      throw new TamperedRecordException("escrowed data key", "record " + RecordVault.name(c)
          + ": the escrowed data key does not open: " + e.getMessage(), e);
    } finally {
      Aead.wipe(dk);
    }
  }

  /**
   * Destroys the escrowed copy of a record's data key, and compacts (the subject tag stays, so the
   * owner can still find the purged record's audit trail).
   */
  public synchronized void shred(byte[] c) throws VaultStorageException {
    try {
      db.shred(List.of(Rocks.key('E', c)));
    } catch (IOException x) {
      throw new VaultStorageException("escrow: " + x.getMessage(), x);
    }
  }

  public Path directory() {
    return db.directory();
  }

  @Override
  public synchronized void close() {
    Aead.wipe(subjectKey);
    db.close();
  }
}
