package io.pqzk.records.custodian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.records.RecordsException;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.service.CustodianClient;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.service.Pki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custodian service as a process of its own, over mutual TLS: a reader with its registered
 * certificate reads; a reader replaying another reader's signed request is refused and the denied
 * event names the replaying reader; a client without a certificate, or with one of another CA, is
 * refused at the handshake and nothing reaches the chain.
 */
class CustodianServiceTest {
  @TempDir Path dir;

  @Test
  void readsOverMutualTls_replaysOfAnotherReadersRequestAreDeniedEvents_strangersRefusedAtTls()
      throws Exception {
    RecordsFixture f = new RecordsFixture(dir);
    byte[] record;
    char[] pass = "test passphrase".toCharArray();
    try {
      record = f.importSubjects(810001).get(0).commitment();
      f.grant(f.grantId(), "clinic-alpha", "TREAT", f.clock.get() + 100 * RecordsFixture.HOUR,
          record);
      f.writeNodeFiles(pass);
    } finally {
      f.close();
    }
    Path passFile = dir.resolve("pass");
    Files.writeString(passFile, new String(pass) + "\n", StandardCharsets.UTF_8);
    long heightBefore;
    ReadResponse replayed;
    try (CustodianProcess p = CustodianProcess.start(f.data(), passFile, dir.resolve("serve.log"),
        "io.pqzk.records.service.CustodianNode")) {
      var ca = Pki.readCertificate(Pki.certificateFile(NodeLayout.tls(f.data()), NodeLayout.CA));
      SignedReadRequest asked;
      try (CustodianClient alpha = CustodianClient.connect("127.0.0.1", p.port,
          f.r("clinic-alpha").tls(), ca)) {
        asked = f.signed("clinic-alpha", Requests.read(f.genesis.chainId(),
            f.custodianKey.publicKey().keyId(), f.r("clinic-alpha").key(), "810001", "TREAT",
            System.currentTimeMillis()));
        ReadResponse r = alpha.read(asked, Caller.inProcess());
        assertTrue(r.hasRelease(), r.toString());
        assertArrayEquals(RecordsFixture.document(810001, "Person 810001"),
            f.open("clinic-alpha", r, asked));
        assertEquals("custodian-us", alpha.status().getCustodian());
      }
      try (CustodianClient bravo = CustodianClient.connect("127.0.0.1", p.port,
          f.r("clinic-bravo").tls(), ca)) {
        replayed = bravo.read(asked, Caller.inProcess());
        assertEquals("FOREIGN_REQUEST", replayed.getRefusal().getDenial(), replayed.toString());
        assertFalse(replayed.getRefusal().getEventTransactionId().isEmpty());
      }
      heightBefore = -1;
      Pki.Issued otherCa = Pki.newAuthority("someone else's CA");
      Pki.Issued stranger = Pki.issue(otherCa, "clinic-alpha", false, List.of());
      try (CustodianClient s = CustodianClient.connect("127.0.0.1", p.port, stranger, ca)) {
        RecordsException e = assertThrows(RecordsException.class, () -> s.read(asked,
            Caller.inProcess()));
        assertTrue(e.getMessage().contains("unavailable"), e.getMessage());
      }
    }
    String log = Files.readString(dir.resolve("serve.log"));
    assertTrue(log.contains("released, event"), log);
    assertTrue(log.contains("refused FOREIGN_REQUEST, event"), log);
    // the denied event names the reader that replayed, as the chain has it
    f.reopen();
    try {
      Audit.Entry e = new Audit(f.custodian).event(replayed.getRefusal().getEventHeight(),
          replayed.getRefusal().getEventTransactionId().toByteArray());
      assertTrue(e.checked() && e.summary().startsWith("denied to 'clinic-bravo' for TREAT:"
          + " FOREIGN_REQUEST"), e.summary());
      assertTrue(heightBefore < f.ledger.finalizedHeight());
    } finally {
      f.close();
    }
  }
}
