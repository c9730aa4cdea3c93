package io.pqzk.records.custodian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.RecordPurgeRule;
import io.pqzk.ledger.RecordRegistrationRule;
import io.pqzk.ledger.proto.RecordPurge;
import io.pqzk.records.AccessRefusedException;
import io.pqzk.records.ShreddedRecordException;
import io.pqzk.records.proto.PurgeRequest;
import io.pqzk.records.proto.PurgeResponse;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.vault.AuthorityEscrow;
import io.pqzk.records.vault.RecordVault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A purge by the record's owner: afterwards the chain verifies and still shows the record was
 * registered and purged, nobody can read it, a copy of the vault directory taken before the purge
 * cannot decrypt it (its key is gone from the key store, compacted away, and the owner's escrowed
 * copy is destroyed too), and its audit trail is intact.
 */
class PurgeTest {
  @TempDir Path dir;

  @Test
  void purge_shredsTheRecordEvenInAnOldCopyOfTheVault_andKeepsItsAuditTrail() throws Exception {
    RecordsFixture f = new RecordsFixture(dir);
    try (AuthorityEscrow escrow = AuthorityEscrow.open(dir.resolve("escrow"),
        f.genesis.chainId(), f.authorityKem)) {
      List<Custodian.Imported> rs = f.importSubjects(620001, 620002);
      for (Custodian.Imported r : rs) {
        escrow.put(RecordDocument.SCHEMA, r.subjectId(), r.escrow());
        f.grant(f.grantId(), "clinic-alpha", "TREAT", f.clock.get() + 10 * RecordsFixture.HOUR,
            r.commitment());
      }
      byte[] gone = rs.get(0).commitment();
      assertTrue(f.read("clinic-alpha", 620001, "TREAT").hasRelease());
      Path vault = NodeLayout.custodian(f.data()).resolve("vault");
      Path keyStore = NodeLayout.custodian(f.data()).resolve("keystore");
      byte[] keyEntry = f.custodian.vault().keyStore().storedEntries(gone).get(0);
      Path copy = dir.resolve("vault-copy-before-purge");
      copyTree(vault, copy);

      byte[] notOwner = f.txs.sign(f.custodianKey, f.txs.body(f.custodianKey).setRecordPurge(
          RecordPurge.newBuilder().setRecordCommitment(ByteString.copyFrom(gone))));
      assertThrows(AccessRefusedException.class, () -> f.custodian.purge(PurgeRequest.newBuilder()
          .setPurgeTransaction(ByteString.copyFrom(notOwner)).build(), Caller.inProcess()));
      PurgeResponse done = f.custodian.purge(PurgeRequest.newBuilder().setPurgeTransaction(
          ByteString.copyFrom(f.txs.sign(f.authority, f.txs.body(f.authority).setRecordPurge(
              RecordPurge.newBuilder().setRecordCommitment(ByteString.copyFrom(gone)))))).build(),
          Caller.inProcess());
      escrow.shred(gone);

      assertEquals("PURGED", f.read("clinic-alpha", 620001, "TREAT").getRefusal().getDenial());
      assertTrue(RecordRegistrationRule.isRegistered(f.ledger.ledger().state(), gone));
      assertEquals(done.getHeight(), RecordPurgeRule.purge(f.ledger.ledger().state(), gone)
          .getHeight());
      assertThrows(ShreddedRecordException.class, () -> f.custodian.vault().document(gone));
      assertEquals(List.of(), VaultFiles.containing(keyStore, keyEntry),
          "the shredded record key still lies in the key store's files");
      assertThrows(ShreddedRecordException.class, () -> escrow.recoverDocument(
          f.custodian.vault().record(rs.get(1).commitment()).orElseThrow().toBuilder()
              .setRecordCommitment(ByteString.copyFrom(gone)).build(), f.authorityKem));

      List<Audit.Entry> trail = new Audit(f.custodian).subject("620001").orElseThrow();
      List<String> kinds = new ArrayList<>();
      for (Audit.Entry e : trail) {
        assertTrue(e.checked(), e.summary());
        kinds.add(e.kind());
      }
      assertEquals(List.of("registration", "custody", "access", "purge", "access"),
          kinds, trail.toString());

      f.close();
      CrashReleaseTest.verifyChain(f.data());
      // the old copy of the vault, with today's key store: the ciphertext is there, useless
      try (RecordVault old = RecordVault.open(copy, keyStore, f.genesis.chainId(),
          f.custodianKey.publicKey().keyId(), f.custodianKem)) {
        assertTrue(old.record(gone).isPresent(), "the copy still holds the ciphertext");
        assertThrows(ShreddedRecordException.class, () -> old.document(gone));
        assertArrayEquals(RecordsFixture.document(620002, "Person 620002"),
            old.document(rs.get(1).commitment()), "the copy's other record still opens");
      }
      f.reopen();
      SignedReadRequest asked = f.signed("clinic-alpha", f.request("clinic-alpha", 620002,
          "TREAT"));
      assertArrayEquals(RecordsFixture.document(620002, "Person 620002"),
          f.open("clinic-alpha", f.custodian.read(asked, Caller.inProcess()), asked));
      assertFalse(f.custodian.vault().commitments().stream().anyMatch(
          c -> java.util.Arrays.equals(c, gone)));
    } finally {
      f.close();
    }
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
}
