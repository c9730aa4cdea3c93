package io.pqzk.records.custodian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.RecordPurge;
import io.pqzk.records.proto.PurgeRequest;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.RecordOpening;
import io.pqzk.records.service.CustodianClient;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.service.Pki;
import io.pqzk.records.vault.AuthorityEscrow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After importing records and serving them (through the custodian process, whose log is kept),
 * denying, breaking glass, purging one and rotating keys, no identifying value of any imported
 * record appears in clear in any file written: block files, the ledger's index, the vault, the key
 * store, the chain index, the escrow, the key files and the logs. Values scanned: subject ids,
 * names, service numbers, birth dates, vaccination dates, the salts (as text, and as integers of
 * every width the scanner can tell from chance, see {@link LeakScanner}) and every 16-byte run of
 * every document. Small attributes (blood group 0-7, fitness, clearance, issuer, birth year) are
 * not scanned: they match everywhere.
 */
class LeakScanTest {
  @TempDir Path dir;

  private static final String[] NAMES = {"Zephyrine Quillfeather", "Baltasar Oyelowo-Kring",
    "Ingrid Thistlewood", "Octavian Marbleheart", "Philippa Dunraven", "Cassius Everbright"};

  static byte[] document(long subject, int i) {
    return ("{\"subject_id\": " + subject + ", \"name\": \"" + NAMES[i] + "\","
        + " \"service_number\": \"SVC-" + (47110815 + 13 * i) + "-Q\","
        + " \"birth_date\": \"19" + (70 + i) + "-0" + (1 + i) + "-1" + i + "\","
        + " \"birth_year\": 19" + (70 + i) + ", \"blood_group\": " + i + ", \"fitness\": "
        + (70 + i) + ", \"vax_date\": 2025" + "0" + (1 + i) + "2" + i + ", \"clearance\": 2,"
        + " \"issuer\": 1, \"notes\": \"hypertension follow-up with Dr. Vandersloot-" + i
        + "; metoprolol 25 mg\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theScanner_findsPlantedValues_rawCompressedAndAsIntegers() throws Exception {
    LeakScanner scan = new LeakScanner();
    scan.text("name", NAMES[0]);
    scan.integer("subject id", 314_159_265L);
    scan.document(document(314_159_265L, 0));
    Path planted = dir.resolve("planted");
    Files.createDirectories(planted);
    Files.writeString(planted.resolve("app.log"), "reading record of " + NAMES[0] + "\n");
    Files.write(planted.resolve("ints.bin"), java.nio.ByteBuffer.allocate(16).putLong(3)
        .putLong(314_159_265L).array());
    org.rocksdb.RocksDB.loadLibrary();
    try (org.rocksdb.Options o = new org.rocksdb.Options().setCreateIfMissing(true)
        .setCompressionType(org.rocksdb.CompressionType.SNAPPY_COMPRESSION);
        org.rocksdb.RocksDB db = org.rocksdb.RocksDB.open(o, planted.resolve("db").toString())) {
      byte[] v = (new String(document(314_159_265L, 0), StandardCharsets.UTF_8).repeat(20))
          .getBytes(StandardCharsets.UTF_8);
      db.put(new byte[] {1}, v);
      db.compactRange();
    }
    scan.scanTree(planted);
    String found = String.join("\n", scan.findings());
    assertTrue(found.contains("app.log: name as text"), found);
    assertTrue(found.contains("ints.bin: subject id as u64 big-endian"), found);
    assertTrue(found.contains("db (RocksDB entry): a run of a document's bytes"), found);
  }

  @Test
  void noIdentifyingValueOfAnyRecord_inAnyFileWritten() throws Exception {
    RecordsFixture f = new RecordsFixture(dir);
    char[] pass = "leak scan".toCharArray();
    List<Custodian.Imported> imported;
    List<RecordOpening> openings = new ArrayList<>();
    List<byte[]> docs = new ArrayList<>();
    long[] subjects = new long[NAMES.length];
    try (AuthorityEscrow escrow = AuthorityEscrow.open(dir.resolve("escrow"),
        f.genesis.chainId(), f.authorityKem)) {
      List<Custodian.ImportRequest> rs = new ArrayList<>();
      for (int i = 0; i < NAMES.length; i++) {
        subjects[i] = 314_159_265L + 1_000_003L * i;
        docs.add(document(subjects[i], i));
        rs.add(new Custodian.ImportRequest(RecordDocument.parse(docs.get(i), "doc " + i), "US",
            f.patient.publicKey().keyId(), List.of()));
      }
      imported = f.custodian.importAll(rs, f.authority, f.authorityKem.publicKey());
      for (Custodian.Imported r : imported) {
        escrow.put(RecordDocument.SCHEMA, r.subjectId(), r.escrow());
        openings.add(f.custodian.vault().opening(r.commitment()));
        f.grant(f.grantId(), "clinic-alpha", "TREAT", f.clock.get() + 100 * RecordsFixture.HOUR,
            r.commitment());
      }
      f.writeNodeFiles(pass);
    } finally {
      f.close();
    }
    Path passFile = dir.resolve("pass");
    Files.writeString(passFile, new String(pass), StandardCharsets.UTF_8);
    try (CustodianProcess p = CustodianProcess.start(f.data(), passFile, dir.resolve("serve.log"),
        "io.pqzk.records.service.CustodianNode")) {
      var ca = Pki.readCertificate(Pki.certificateFile(NodeLayout.tls(f.data()), NodeLayout.CA));
      try (CustodianClient alpha = CustodianClient.connect("127.0.0.1", p.port,
          f.r("clinic-alpha").tls(), ca);
          CustodianClient bravo = CustodianClient.connect("127.0.0.1", p.port,
              f.r("clinic-bravo").tls(), ca);
          CustodianClient er = CustodianClient.connect("127.0.0.1", p.port,
              f.r("field-er").tls(), ca)) {
        for (int i = 0; i < 3; i++) {
          assertTrue(alpha.read(f.signed("clinic-alpha", Requests.read(f.genesis.chainId(),
              f.custodianKey.publicKey().keyId(), f.r("clinic-alpha").key(),
              Long.toString(subjects[i]), "TREAT", System.currentTimeMillis())),
              Caller.inProcess()).hasRelease());
        }
        ReadResponse no = bravo.read(f.signed("clinic-bravo", Requests.read(f.genesis.chainId(),
            f.custodianKey.publicKey().keyId(), f.r("clinic-bravo").key(),
            Long.toString(subjects[3]), "TREAT", System.currentTimeMillis())), Caller.inProcess());
        assertEquals("NO_GRANT", no.getRefusal().getDenial());
        assertTrue(er.read(f.signed("field-er", Requests.read(f.genesis.chainId(),
            f.custodianKey.publicKey().keyId(), f.r("field-er").key(), Long.toString(subjects[4]),
            "ETREAT", System.currentTimeMillis()).setBreakGlassReason("trauma bay two,"
            + " unresponsive")), Caller.inProcess()).hasRelease());
      }
    }
    f.reopen();
    try (AuthorityEscrow escrow = AuthorityEscrow.open(dir.resolve("escrow"),
        f.genesis.chainId(), f.authorityKem)) {
      assertTrue(f.read("clinic-alpha", subjects[5], "TREAT").hasRelease());
      byte[] gone = imported.get(2).commitment();
      f.custodian.purge(PurgeRequest.newBuilder().setPurgeTransaction(ByteString.copyFrom(
          f.txs.sign(f.authority, f.txs.body(f.authority).setRecordPurge(RecordPurge.newBuilder()
              .setRecordCommitment(ByteString.copyFrom(gone)))))).build(), Caller.inProcess());
      escrow.shred(gone);
      f.custodian.rotateKeys();
      assertTrue(new Audit(f.custodian).subject(Long.toString(subjects[0])).isPresent());
    } finally {
      f.close();
    }

    LeakScanner scan = new LeakScanner();
    for (int i = 0; i < NAMES.length; i++) {
      String[] parts = new String(docs.get(i), StandardCharsets.UTF_8).split("\"");
      scan.integer("subject id of record " + i, subjects[i]);
      scan.text("name of record " + i, NAMES[i]);
      scan.text("surname of record " + i, NAMES[i].substring(NAMES[i].indexOf(' ') + 1));
      scan.text("service number of record " + i, parts[9]);
      scan.text("birth date of record " + i, parts[13]);
      scan.text("birth date of record " + i, parts[13].replace("-", ""));
      long vax = Long.parseLong(new String(docs.get(i), StandardCharsets.UTF_8)
          .replaceAll(".*\"vax_date\": ([0-9]+).*", "$1"));
      scan.integer("vaccination date of record " + i, vax);
      scan.text("vaccination date of record " + i, vax / 10000 + "-" + String.format("%02d",
          vax / 100 % 100) + "-" + String.format("%02d", vax % 100));
      scan.text("physician named in record " + i, "Vandersloot-" + i);
      for (long salt : openings.get(i).getSaltList()) {
        scan.integer("salt word of record " + i, salt);
        scan.text("salt word of record " + i + " in hex", HexFormat.of().toHexDigits(salt));
      }
      scan.document(docs.get(i));
    }
    scan.scanTree(dir);
    scan.scanChain(f.data().resolve("blocks"));
    System.out.printf("leak scan: %d files, %,d bytes, %,d RocksDB entries, %d transactions;"
        + " %,d patterns; %d found%n", scan.files, scan.bytes, scan.rocksEntries,
        scan.transactions, scan.patterns(), scan.findings().size());
    assertTrue(Files.readString(dir.resolve("serve.log")).contains("released"),
        "the service's log was written, and scanned");
    assertEquals(List.of(), scan.findings());
  }
}
