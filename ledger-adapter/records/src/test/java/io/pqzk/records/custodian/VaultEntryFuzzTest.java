package io.pqzk.records.custodian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.InvalidProtocolBufferException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.records.RecordsException;
import io.pqzk.records.internal.Rocks;
import io.pqzk.records.proto.RecordOpening;
import io.pqzk.records.proto.VaultRecord;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.vault.RecordVault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Vault entries (vault.proto's {@code VaultRecord}) as someone with write access to the vault's
 * database leaves them, read back through {@link RecordVault#document} and {@link
 * RecordVault#opening}, as every release and opening export does. The input is laid over the
 * real entry of an imported record (protobuf merge: the fields it sets replace the entry's, so
 * an empty input is the entry itself and one field rewrites only that field); an input that is
 * not a {@code VaultRecord} is stored as it is. The vault gives back exactly the imported
 * document and opening, or refuses with a {@link RecordsException} (a tampered part is named)
 * in one line: never another document, opening or exception. Seeds: the entry itself and
 * rewrites of its residency, key version, nonces, commitment and format.
 */
class VaultEntryFuzzTest {
  private static RecordsFixture f;
  private static Path dir;
  private static byte[] commitment;
  private static VaultRecord entry;
  private static byte[] document;
  private static RecordOpening opening;

  static synchronized void setUp() throws Exception {
    if (f != null) {
      return;
    }
    dir = Files.createTempDirectory("pqzk-fuzz-vault");
    f = new RecordsFixture(dir);
    commitment = f.importSubjects(520001).get(0).commitment();
    document = RecordsFixture.document(520001, "Person 520001");
    opening = f.custodian.vault().opening(commitment);
    f.close();
    try (Rocks db = Rocks.open(vaultDir())) {
      entry = VaultRecord.parseFrom(db.get(Rocks.key('R', commitment)));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (var s = Files.walk(dir)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (Exception e) {
        // the JVM is exiting
      }
    }));
  }

  private static Path vaultDir() {
    return NodeLayout.custodian(f.data()).resolve("vault");
  }

  @FuzzTest
  @Timeout(30)
  void entry(byte[] input) throws Exception {
    setUp();
    byte[] stored;
    try {
      stored = entry.toBuilder().mergeFrom(input).build().toByteArray();
    } catch (InvalidProtocolBufferException notAnEntry) {
      stored = input;
    }
    try (Rocks db = Rocks.open(vaultDir())) {
      db.put(Rocks.key('R', commitment), stored);
    }
    Path custodian = NodeLayout.custodian(f.data());
    try (RecordVault v = RecordVault.open(vaultDir(), custodian.resolve("keystore"),
        f.genesis.chainId(), f.custodianKey.publicKey().keyId(), f.custodianKem)) {
      try {
        assertArrayEquals(document, v.document(commitment), "another document");
      } catch (RecordsException refused) {
        CustodianRequestFuzzTest.oneLine(refused.getMessage());
      }
      try {
        assertEquals(opening, v.opening(commitment), "another opening");
      } catch (RecordsException refused) {
        CustodianRequestFuzzTest.oneLine(refused.getMessage());
      }
    }
  }
}
