package io.pqzk.records.custodian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.records.TamperedRecordException;
import io.pqzk.records.internal.Rocks;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.proto.VaultRecord;
import io.pqzk.records.service.NodeLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vault whose stored ciphertext or wrapped key was altered: the read fails with the AES-256-GCM
 * authentication failure named (which ciphertext, which record), before any access event is
 * written and without releasing anything, and the other records still read.
 */
class TamperTest {
  @TempDir Path dir;

  @Test
  void alteredCiphertextOrWrappedKey_isNamedOnRead_andNothingElseIsAffected() throws Exception {
    RecordsFixture f = new RecordsFixture(dir);
    try {
      List<Custodian.Imported> rs = f.importSubjects(510001, 510002, 510003);
      for (Custodian.Imported r : rs) {
        f.grant(f.grantId(), "clinic-alpha", "TREAT", f.clock.get() + 10 * RecordsFixture.HOUR,
            r.commitment());
      }
      f.custodian.close();
      f.custodian = null;
      // someone with write access to the vault's database rewrites two entries consistently
      edit(f, rs.get(0).commitment(), r -> r.toBuilder().setDocumentCiphertext(
          flip(r.getDocumentCiphertext(), r.getDocumentCiphertext().size() / 2)).build());
      edit(f, rs.get(1).commitment(), r -> r.toBuilder().setWrappedDataKey(
          flip(r.getWrappedDataKey(), 5)).build());
      f.custodian = f.openCustodian(ReleaseHook.NONE);
      long height = f.ledger.finalizedHeight();
      TamperedRecordException doc = assertThrows(TamperedRecordException.class,
          () -> f.read("clinic-alpha", 510001, "TREAT"));
      assertEquals("document ciphertext", doc.part());
      assertTrue(doc.getMessage().contains("fails AES-256-GCM authentication (tag mismatch)"),
          doc.getMessage());
      TamperedRecordException key = assertThrows(TamperedRecordException.class,
          () -> f.read("clinic-alpha", 510002, "TREAT"));
      assertEquals("wrapped data key", key.part());
      assertEquals(height, f.ledger.finalizedHeight(), "no event before the document decrypts");
      SignedReadRequest asked = f.signed("clinic-alpha", f.request("clinic-alpha", 510003,
          "TREAT"));
      assertArrayEquals(RecordsFixture.document(510003, "Person 510003"),
          f.open("clinic-alpha", f.custodian.read(asked, Caller.inProcess()), asked));
    } finally {
      f.close();
    }
  }

  private static void edit(RecordsFixture f, byte[] c, UnaryOperator<VaultRecord> change)
      throws Exception {
    try (Rocks db = Rocks.open(NodeLayout.custodian(f.data()).resolve("vault"))) {
      VaultRecord r = VaultRecord.parseFrom(db.get(Rocks.key('R', c)));
      db.put(Rocks.key('R', c), change.apply(r).toByteArray());
    }
  }

  private static ByteString flip(ByteString b, int at) {
    byte[] x = b.toByteArray();
    x[at] ^= 0x01;
    return ByteString.copyFrom(x);
  }
}
