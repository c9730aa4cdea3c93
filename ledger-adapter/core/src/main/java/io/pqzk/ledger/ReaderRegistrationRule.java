package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.ledger.proto.StoredReader;
import io.pqzk.ledger.proto.TransactionBody;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * An authority registers a reader, which so joins without a new genesis: its ML-DSA key (its key
 * id is SHA3-256 of the SPKI, checked), its X-Wing key (1216 bytes), the SHA-256 of its TLS client
 * certificate (unique among readers), its jurisdiction and genesis roles. A validator's,
 * authority's or custodian's key cannot be a reader's; a participant's can (one key, both roles).
 * Only the registering authority updates or revokes a reader; a revocation keeps the terms.
 * State: {@code 'P' 0x01 + reader key id -> StoredReader}, {@code 'P' 0x02 + certificate SHA-256 ->
 * reader key id} (a mapping is current only while the reader's registration still names it).
 */
public final class ReaderRegistrationRule implements TransactionRule {
  static final byte PREFIX = 'P';
  static final int KEM_KEY_BYTES = 1216;
  static final int MAX_ROLES = 16;
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.READER_REGISTRATION;
  }

  @Override
  public Genesis.Role authorRole() {
    return Genesis.Role.AUTHORITY;
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  private static byte[] byKey(ByteString id) {
    return StateKeys.key(PREFIX, ByteString.copyFrom(new byte[] {1}).concat(id).toByteArray());
  }

  private static byte[] byCertificate(ByteString sha256) {
    return StateKeys.key(PREFIX, ByteString.copyFrom(new byte[] {2}).concat(sha256)
        .toByteArray());
  }

  /** The reader with this key id as it stands in {@code state} (revoked or not), or null. */
  public static StoredReader reader(ChainState state, byte[] readerKeyId) {
    return reader(state::get, ByteString.copyFrom(readerKeyId));
  }

  static StoredReader reader(StateView view, ByteString readerKeyId) {
    byte[] v = view.get(byKey(readerKeyId));
    try {
      return v == null ? null : StoredReader.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the state holds a damaged reader record", e);
    }
  }

  /**
   * The live (not revoked) reader whose registration names this TLS certificate SHA-256, or null.
   */
  public static StoredReader readerByCertificate(ChainState state, byte[] certificateSha256) {
    ByteString fp = ByteString.copyFrom(certificateSha256);
    byte[] id = state.get(byCertificate(fp));
    if (id == null) {
      return null;
    }
    StoredReader r = reader(state::get, ByteString.copyFrom(id));
    return r == null || r.getRevoked()
        || !r.getRegistration().getTlsCertificateSha256().equals(fp) ? null : r;
  }

  /** Whether {@code keyId} is a registered reader that is not revoked. */
  static boolean isLive(StateView view, ByteString keyId) {
    StoredReader r = reader(view, keyId);
    return r != null && !r.getRevoked();
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    ReaderRegistration r = tx.body().getReaderRegistration();
    ByteString id = r.getReaderKeyId();
    ByteString author = tx.body().getAuthorKeyId();
    if (id.size() != 32) {
      throw BlockDraft.reject(tx, "reader key id is " + id.size() + " bytes, expected 32");
    }
    StoredReader old = reader(draft::get, id);
    if (old != null && !old.getAuthorityKeyId().equals(author)) {
      throw BlockDraft.reject(tx, "reader " + shortHex(id) + " was registered by another"
          + " authority: only it updates or revokes the reader");
    }
    if (r.getRevoke()) {
      if (!r.equals(ReaderRegistration.newBuilder().setReaderKeyId(id).setRevoke(true).build())) {
        throw BlockDraft.reject(tx, "a reader revocation carries nothing but reader_key_id");
      }
      if (old == null || old.getRevoked()) {
        throw BlockDraft.reject(tx, "no registered reader " + shortHex(id) + " to revoke");
      }
      draft.put(byKey(id), old.toBuilder().setRevoked(true).setHeight(draft.height()).build()
          .toByteArray());
      return;
    }
    TextFields.require(tx, "reader name", r.getName(), 64);
    LedgerPublicKey key;
    try {
      Signatures.check(r.getSigningAlgorithm());
      if (!Signatures.isMlDsa(r.getSigningAlgorithm())) {
        throw new GeneralSecurityException("a reader signs with ML-DSA, not "
            + r.getSigningAlgorithm());
      }
      key = Signatures.publicKey(r.getSigningAlgorithm(), r.getSigningSpki().toByteArray());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw BlockDraft.reject(tx, "reader signing key: " + e.getMessage());
    }
    if (!ByteString.copyFrom(key.keyId()).equals(id)) {
      throw BlockDraft.reject(tx, "reader_key_id is not SHA3-256 of signing_spki ("
          + key.keyIdHex().substring(0, 16) + ")");
    }
    Genesis.Author a = draft.genesis().author(id.toByteArray());
    if (a != null && a.role() != Genesis.Role.PARTICIPANT) {
      throw BlockDraft.reject(tx, "the key of " + a.role().name().toLowerCase() + " '"
          + a.name() + "' cannot be a reader's");
    }
    if (r.getKemPublicKey().size() != KEM_KEY_BYTES) {
      throw BlockDraft.reject(tx, "reader X-Wing key is " + r.getKemPublicKey().size()
          + " bytes, expected " + KEM_KEY_BYTES);
    }
    ByteString fp = r.getTlsCertificateSha256();
    if (!fp.isEmpty()) {
      if (fp.size() != 32) {
        throw BlockDraft.reject(tx, "TLS certificate SHA-256 is " + fp.size() + " bytes");
      }
      byte[] holder = draft.get(byCertificate(fp));
      if (holder != null && !ByteString.copyFrom(holder).equals(id)) {
        StoredReader h = reader(draft::get, ByteString.copyFrom(holder));
        if (h != null && !h.getRevoked() && h.getRegistration().getTlsCertificateSha256()
            .equals(fp)) {
          throw BlockDraft.reject(tx, "TLS certificate " + shortHex(fp) + " is bound to reader "
              + shortHex(ByteString.copyFrom(holder)) + " already");
        }
      }
    }
    if (draft.genesis().jurisdiction(r.getJurisdiction()) == null) {
      throw BlockDraft.reject(tx, "reader jurisdiction '" + Printable.escape(r.getJurisdiction())
          + "' is not a genesis jurisdiction");
    }
    if (r.getRolesCount() > MAX_ROLES) {
      throw BlockDraft.reject(tx, "a reader holds at most " + MAX_ROLES + " roles");
    }
    Set<String> seen = new HashSet<>();
    for (String role : r.getRolesList()) {
      if (draft.genesis().role(role) == null || !seen.add(role)) {
        throw BlockDraft.reject(tx, "reader role '" + Printable.escape(role) + "' is "
            + (seen.contains(role) ? "listed twice" : "not a genesis role"));
      }
    }
    draft.put(byKey(id), StoredReader.newBuilder().setRegistration(r).setAuthorityKeyId(author)
        .setHeight(draft.height()).build().toByteArray());
    if (!fp.isEmpty()) {
      draft.put(byCertificate(fp), id.toByteArray());
    }
  }

  static String shortHex(ByteString b) {
    String h = HEX.formatHex(b.toByteArray());
    return h.length() > 16 ? h.substring(0, 16) : h;
  }
}
