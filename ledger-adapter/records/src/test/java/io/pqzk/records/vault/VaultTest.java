package io.pqzk.records.vault;

import io.pqzk.records.internal.Rocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.records.ShreddedRecordException;
import io.pqzk.records.TamperedRecordException;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.proto.EscrowEntry;
import io.pqzk.records.proto.VaultRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault and key store on their own: exact round trips, tampering detected by name and
 * confined to the record tampered with, crypto-shredding against an old copy of the vault,
 * rotation without touching commitments, the owner's escrow, and replayed nonces.
 */
class VaultTest {
  static final String CHAIN = "vault-test";
  static final byte[] CUSTODIAN = new byte[32];
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;
  private final KemPrivateKey custodianKem = Hpke.generate();
  private final KemPrivateKey ownerKem = Hpke.generate();

  RecordVault open() throws Exception {
    return RecordVault.open(dir.resolve("vault"), dir.resolve("keystore"), CHAIN, CUSTODIAN,
        custodianKem);
  }

  static NewRecord record(int subject, String document) {
    byte[] c = new byte[32];
    RANDOM.nextBytes(c);
    return new NewRecord(c, "service-member/v1", "US", Integer.toString(subject),
        document.getBytes(StandardCharsets.UTF_8), new long[] {subject, 1990, 3, 80, 20250101, 2,
        1}, new long[] {RANDOM.nextLong() >>> 1, RANDOM.nextLong() >>> 1}, new byte[32]);
  }

  @Test
  void document_andOpening_roundTripExactly_andSubjectsAreFoundByTag() throws Exception {
    try (RecordVault v = open()) {
      NewRecord r = record(4711, "{\"name\": \"Ada\",  \"subject_id\": 4711}\n");
      v.store(r, ownerKem.publicKey());
      assertArrayEquals(r.document(), v.document(r.commitment()));
      assertEquals(4711L, v.opening(r.commitment()).getAttributes(0));
      assertArrayEquals(r.salt(), v.opening(r.commitment()).getSaltList().stream()
          .mapToLong(Long::longValue).toArray());
      assertArrayEquals(r.commitment(), v.commitmentOf("service-member/v1", "4711").orElseThrow());
      assertTrue(v.commitmentOf("service-member/v1", "4712").isEmpty());
      assertThrows(io.pqzk.records.InvalidRecordInputException.class,
          () -> v.store(record(4711, "again"), ownerKem.publicKey()));
    }
  }

  @Test
  void tamperedCiphertextOrWrappedKey_isNamed_andOtherRecordsStillRead() throws Exception {
    List<NewRecord> rs = new ArrayList<>();
    try (RecordVault v = open()) {
      for (int i = 0; i < 4; i++) {
        NewRecord r = record(100 + i, "document " + i);
        v.store(r, ownerKem.publicKey());
        rs.add(r);
      }
    }
    // an attacker with write access to the vault's database rewrites entries consistently
    edit(rs.get(0).commitment(), r -> r.toBuilder().setDocumentCiphertext(
        flip(r.getDocumentCiphertext(), 3)).build());
    edit(rs.get(1).commitment(), r -> r.toBuilder().setWrappedDataKey(
        flip(r.getWrappedDataKey(), 0)).build());
    edit(rs.get(2).commitment(), r -> r.toBuilder().setResidency("DE").build());
    try (RecordVault v = open()) {
      TamperedRecordException doc = assertThrows(TamperedRecordException.class,
          () -> v.document(rs.get(0).commitment()));
      assertEquals("document ciphertext", doc.part());
      assertTrue(doc.getMessage().contains("AES-256-GCM authentication"), doc.getMessage());
      TamperedRecordException key = assertThrows(TamperedRecordException.class,
          () -> v.document(rs.get(1).commitment()));
      assertEquals("wrapped data key", key.part());
      assertThrows(TamperedRecordException.class, () -> v.document(rs.get(2).commitment()));
      assertArrayEquals(rs.get(3).document(), v.document(rs.get(3).commitment()));
      assertEquals(103L, v.opening(rs.get(3).commitment()).getAttributes(0));
    }
  }

  @Test
  void ciphertextsSwappedBetweenRecords_failToAuthenticate() throws Exception {
    NewRecord a = record(1, "alpha");
    NewRecord b = record(2, "bravo");
    try (RecordVault v = open()) {
      v.store(a, ownerKem.publicKey());
      v.store(b, ownerKem.publicKey());
    }
    VaultRecord[] ra = new VaultRecord[1];
    edit(a.commitment(), r -> {
      ra[0] = r;
      return r;
    });
    edit(b.commitment(), r -> r.toBuilder().setDocumentCiphertext(ra[0].getDocumentCiphertext())
        .setDocumentNonce(ra[0].getDocumentNonce()).build());
    try (RecordVault v = open()) {
      assertThrows(TamperedRecordException.class, () -> v.document(b.commitment()));
      assertArrayEquals(a.document(), v.document(a.commitment()));
    }
  }

  @Test
  void shred_makesAnOldCopyOfTheVaultUndecryptable_andLeavesNoKeyBytesBehind() throws Exception {
    NewRecord gone = record(7, "to be forgotten");
    NewRecord kept = record(8, "to be kept");
    byte[] storedKey;
    try (RecordVault v = open()) {
      v.store(gone, ownerKem.publicKey());
      v.store(kept, ownerKem.publicKey());
      storedKey = v.keyStore().db().get(Rocks.key('K', gone.commitment(), Aead.u32(1)));
      assertTrue(storedKey != null && storedKey.length > 32);
    }
    Path copy = dir.resolve("vault-copy");
    copyTree(dir.resolve("vault"), copy);
    try (RecordVault v = open()) {
      v.shred(gone.commitment(), 42, new byte[32]);
      assertThrows(ShreddedRecordException.class, () -> v.document(gone.commitment()));
      assertEquals(42, v.tombstone(gone.commitment()).orElseThrow().height());
      assertTrue(v.commitmentOf("service-member/v1", "7").isPresent(), "found by subject still");
      assertTrue(v.record(gone.commitment()).isEmpty());
    }
    // the key store no longer holds the encrypted record key anywhere in its files
    assertEquals(List.of(), filesContaining(dir.resolve("keystore"), storedKey),
        "the shredded record key's stored bytes survive in the key store's files");
    // the old copy of the vault, opened with today's key store
    try (RecordVault old = RecordVault.open(copy, dir.resolve("keystore"), CHAIN, CUSTODIAN,
        custodianKem)) {
      assertTrue(old.record(gone.commitment()).isPresent(), "the copy still has the ciphertext");
      assertThrows(ShreddedRecordException.class, () -> old.document(gone.commitment()));
      assertArrayEquals(kept.document(), old.document(kept.commitment()));
    }
  }

  @Test
  void rotation_rewrapsEveryRecord_keepsCommitments_andRetiresOldKeys() throws Exception {
    NewRecord a = record(11, "one");
    NewRecord b = record(12, "two");
    try (RecordVault v = open()) {
      v.store(a, ownerKem.publicKey());
      v.store(b, ownerKem.publicKey());
    }
    Path before = dir.resolve("vault-before-rotation");
    copyTree(dir.resolve("vault"), before);
    try (RecordVault v = open()) {
      ByteString docCt = v.record(a.commitment()).orElseThrow().getDocumentCiphertext();
      assertEquals(2, v.rotate(custodianKem));
      VaultRecord r = v.record(a.commitment()).orElseThrow();
      assertEquals(2, r.getKeyVersion());
      assertEquals(docCt, r.getDocumentCiphertext(), "the document ciphertext is untouched");
      assertArrayEquals(a.document(), v.document(a.commitment()));
      assertArrayEquals(b.document(), v.document(b.commitment()));
      assertEquals(List.of(2), v.keyStore().versionsOf(a.commitment()));
      assertEquals(2, v.keyStore().version());
    }
    try (RecordVault v = open()) {
      assertArrayEquals(b.document(), v.document(b.commitment()), "after reopening");
    }
    try (RecordVault old = RecordVault.open(before, dir.resolve("keystore"), CHAIN, CUSTODIAN,
        custodianKem)) {
      assertThrows(ShreddedRecordException.class, () -> old.document(a.commitment()),
          "a pre-rotation copy's wrapping no longer opens");
    }
  }

  @Test
  void ownersEscrow_recoversWithoutTheKeyStore_untilShredded() throws Exception {
    NewRecord r = record(21, "escrowed");
    EscrowEntry e;
    VaultRecord stored;
    try (RecordVault v = open()) {
      e = v.store(r, ownerKem.publicKey());
      stored = v.record(r.commitment()).orElseThrow();
    }
    try (AuthorityEscrow esc = AuthorityEscrow.open(dir.resolve("escrow"), CHAIN, ownerKem)) {
      esc.put("service-member/v1", "21", e);
      assertArrayEquals(r.commitment(), esc.commitmentOf("service-member/v1", "21").orElseThrow());
      assertArrayEquals(r.document(), esc.recoverDocument(stored, ownerKem));
      assertThrows(TamperedRecordException.class,
          () -> esc.recoverDocument(stored, Hpke.generate()));
      esc.shred(r.commitment());
      assertThrows(ShreddedRecordException.class, () -> esc.recoverDocument(stored, ownerKem));
    }
  }

  @Test
  void anotherCustodiansKey_cannotUnlockTheKeyStore() throws Exception {
    try (RecordVault v = open()) {
      v.store(record(1, "x"), ownerKem.publicKey());
    }
    assertThrows(TamperedRecordException.class, () -> RecordVault.open(dir.resolve("vault"),
        dir.resolve("keystore"), CHAIN, CUSTODIAN, Hpke.generate()));
    assertThrows(io.pqzk.records.VaultStorageException.class, () -> RecordVault.open(
        dir.resolve("vault"), dir.resolve("keystore"), "other-chain", CUSTODIAN, custodianKem));
  }

  @Test
  void nonces_areHonouredOnce_andOrphanKeysAreRecovered() throws Exception {
    try (RecordVault v = open()) {
      byte[] reader = new byte[32];
      byte[] nonce = new byte[16];
      assertTrue(v.useNonce(reader, nonce, 2_000, 1_000));
      assertFalse(v.useNonce(reader, nonce, 2_000, 1_500));
      assertTrue(v.useNonce(new byte[] {1}, nonce, 2_000, 1_500), "another reader's nonce");
      byte[] orphan = new byte[32];
      orphan[0] = 9;
      Aead.wipe(v.keyStore().newRecordKey(orphan, 1));
      assertEquals(1, v.recover());
      assertTrue(v.keyStore().versionsOf(orphan).isEmpty());
    }
  }

  private void edit(byte[] c, java.util.function.UnaryOperator<VaultRecord> f) throws Exception {
    try (Rocks db = Rocks.open(dir.resolve("vault"))) {
      VaultRecord r = VaultRecord.parseFrom(db.get(Rocks.key('R', c)));
      db.put(Rocks.key('R', c), f.apply(r).toByteArray());
    }
  }

  private static ByteString flip(ByteString b, int at) {
    byte[] x = b.toByteArray();
    x[at] ^= 1;
    return ByteString.copyFrom(x);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.getFileName().toString().equals("LOCK")) {
          Files.copy(p, t);
        }
      }
    }
  }

  static List<String> filesContaining(Path root, byte[] needle) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        byte[] hay = Files.readAllBytes(p);
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
          for (int j = 0; j < needle.length; j++) {
            if (hay[i + j] != needle[j]) {
              continue outer;
            }
          }
          out.add(root.relativize(p).toString());
          break;
        }
      }
    }
    return out;
  }
}
