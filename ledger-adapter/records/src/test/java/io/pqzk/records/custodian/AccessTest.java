package io.pqzk.records.custodian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.CustodianAccessRule;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.BreakGlassReview;
import io.pqzk.records.UnauthenticatedException;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.proto.ReadRequest;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.SignedReadRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custodian reads against the ledger's policy, in process: each refusal is named and is a denied
 * event on the chain (checked there through the audit trail), an unknown key is refused with no
 * event, a permitted read returns exactly the imported document (HPKE-sealed to the reader), and a
 * break-glass read is released, recorded and open until reviewed. The replay of another reader's
 * request needs TLS identities: {@code io.pqzk.records.service.CustodianServiceTest} runs it
 * against a custodian process.
 */
class AccessTest {
  @TempDir Path dir;
  private RecordsFixture f;
  private byte[] record;
  private byte[] grant;

  @BeforeEach
  void setUp() throws Exception {
    f = new RecordsFixture(dir);
    record = f.importSubjects(700001).get(0).commitment();
    grant = f.grantId();
    f.grant(grant, "clinic-alpha", "TREAT", f.clock.get() + 10 * RecordsFixture.HOUR, record);
  }

  @AfterEach
  void tearDown() throws Exception {
    f.close();
  }

  /** The refusal's event, found in the audit trail and checked against the chain. */
  private Audit.Entry denied(ReadResponse r, String code) throws Exception {
    assertTrue(r.hasRefusal(), "released, but expected " + code);
    assertEquals(code, r.getRefusal().getDenial(), r.getRefusal().getMessage());
    assertFalse(r.getRefusal().getEventTransactionId().isEmpty(), "no event for " + code);
    Audit.Entry e = new Audit(f.custodian).event(r.getRefusal().getEventHeight(),
        r.getRefusal().getEventTransactionId().toByteArray());
    assertTrue(e.checked(), e.summary());
    assertEquals(r.getRefusal().getEventHeight(), e.height());
    assertTrue(e.summary().contains(code), e.summary());
    return e;
  }

  private Audit.Entry find(ByteString id) throws Exception {
    for (Audit.Entry e : new Audit(f.custodian).record(record)) {
      if (ByteString.copyFrom(e.transactionId()).equals(id)) {
        return e;
      }
    }
    throw new AssertionError("event not in the record's audit trail");
  }

  @Test
  void permittedRead_returnsExactlyTheImportedDocument_afterItsEventIsFinal() throws Exception {
    SignedReadRequest asked = f.signed("clinic-alpha", f.request("clinic-alpha", 700001,
        "TREAT"));
    ReadResponse r = f.custodian.read(asked, Caller.inProcess());
    assertTrue(r.hasRelease(), r.toString());
    assertArrayEquals(RecordsFixture.document(700001, "Person 700001"),
        f.open("clinic-alpha", r, asked));
    assertTrue(r.getRelease().getDocument().isEmpty(), "HPKE by default, never in clear");
    assertTrue(r.getRelease().getEventHeight() <= f.ledger.finalizedHeight());
    Audit.Entry e = find(r.getRelease().getEventTransactionId());
    assertTrue(e.checked() && e.summary().startsWith("released to 'clinic-alpha' for TREAT"),
        e.summary());
    // the same signed request again: refused as a replay, and recorded
    denied(f.custodian.read(asked, Caller.inProcess()), "REPLAYED_REQUEST");
  }

  @Test
  void unknownKey_isRefusedWithoutAnEvent() throws Exception {
    long before = f.ledger.finalizedHeight();
    io.pqzk.ledger.crypto.LedgerSigningKey stranger = RecordsFixture.key();
    SignedReadRequest s = Requests.sign(stranger, Requests.read(f.genesis.chainId(),
        f.custodianKey.publicKey().keyId(), stranger, "700001", "TREAT", f.clock.get()).build());
    assertThrows(UnauthenticatedException.class, () -> f.custodian.read(s, Caller.inProcess()));
    assertEquals(before, f.ledger.finalizedHeight(), "nothing reached the chain");
  }

  @Test
  void everyPolicyRefusal_isNamed_andIsAnEventOnTheChain() throws Exception {
    denied(f.read("clinic-alpha", 700001, "HRESCH"), "WRONG_PURPOSE");
    denied(f.read("clinic-bravo", 700001, "TREAT"), "NO_GRANT");
    byte[] de = f.grantId();
    f.grant(de, "praxis-berlin", "TREAT", f.clock.get() + 10 * RecordsFixture.HOUR, record);
    denied(f.read("praxis-berlin", 700001, "TREAT"), "RESIDENCY");
    f.deny(record, "clinic-alpha", "TREAT");
    denied(f.read("clinic-alpha", 700001, "TREAT"), "CONSENT_DENIED");
  }

  @Test
  void expiredAndRevokedGrants_areRefused_atTheNextRead() throws Exception {
    byte[] shortGrant = f.grantId();
    f.grant(shortGrant, "clinic-bravo", "TREAT", f.clock.get() + RecordsFixture.HOUR, record);
    assertTrue(f.read("clinic-bravo", 700001, "TREAT").hasRelease());
    f.clock.addAndGet(2 * RecordsFixture.HOUR);
    denied(f.read("clinic-bravo", 700001, "TREAT"), "GRANT_EXPIRED");
    assertTrue(f.read("clinic-alpha", 700001, "TREAT").hasRelease());
    f.revoke(grant);
    denied(f.read("clinic-alpha", 700001, "TREAT"), "GRANT_REVOKED");
  }

  @Test
  void unknownSubject_andABadRequest_areDeniedEvents() throws Exception {
    ReadResponse r = f.read("clinic-alpha", 999, "TREAT");
    assertEquals("UNKNOWN_SUBJECT", r.getRefusal().getDenial());
    assertFalse(r.getRefusal().getEventTransactionId().isEmpty());
    ReadRequest.Builder old = f.request("clinic-alpha", 700001, "TREAT")
        .setExpiresMillis(f.clock.get() - 1);
    denied(f.custodian.read(f.signed("clinic-alpha", old), Caller.inProcess()), "BAD_REQUEST");
  }

  @Test
  void breakGlass_isReleasedWithoutAGrant_recorded_andUnreviewedUntilReviewed()
      throws Exception {
    ReadRequest.Builder b = f.request("field-er", 700001, "ETREAT")
        .setBreakGlassRole("emergency-physician")
        .setBreakGlassReason("unconscious after a vehicle accident, no history available");
    SignedReadRequest asked = f.signed("field-er", b);
    ReadResponse r = f.custodian.read(asked, Caller.inProcess());
    assertTrue(r.hasRelease(), r.toString());
    assertArrayEquals(RecordsFixture.document(700001, "Person 700001"),
        f.open("field-er", r, asked));
    List<Audit.Entry> open = new Audit(f.custodian).unreviewed();
    assertEquals(1, open.size());
    assertTrue(open.get(0).checked());
    assertTrue(open.get(0).summary().contains("BREAK-GLASS") && open.get(0).summary()
        .contains("vehicle accident") && open.get(0).summary().contains("matches its commitment")
        && open.get(0).summary().contains("UNREVIEWED"), open.get(0).summary());
    // not a break-glass role holder
    denied(f.custodian.read(f.signed("clinic-bravo", f.request("clinic-bravo", 700001, "ETREAT")
        .setBreakGlassRole("emergency-physician").setBreakGlassReason("emergency")),
        Caller.inProcess()), "NOT_BREAK_GLASS");
    f.ledger.commit(f.txs.sign(f.authority, f.txs.body(f.authority).setBreakGlassReview(
        BreakGlassReview.newBuilder().setEventTransactionId(r.getRelease()
            .getEventTransactionId()).setFinding("justified"))));
    assertEquals(List.of(), new Audit(f.custodian).unreviewed());
    assertTrue(find(r.getRelease().getEventTransactionId()).summary()
        .contains("reviewed at height"));
  }

  @Test
  void aRevocationRacingTheRead_withholdsTheDocument_andSaysSo() throws Exception {
    Custodian racing = null;
    f.custodian.close();
    racing = f.openCustodian((tx, height) -> {
      try {
        f.revoke(grant); // lands after the event's block, before the custodian's second look
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    f.custodian = racing;
    ReadResponse r = f.read("clinic-alpha", 700001, "TREAT");
    assertEquals("WITHHELD", r.getRefusal().getDenial(), r.toString());
    assertTrue(r.getRefusal().getMessage().contains("GRANT_REVOKED"), r.getRefusal().getMessage());
  }

  @Test
  void denials_areRateLimitedPerReader_andTheSuppressedAreCounted() throws Exception {
    f.custodian.close();
    f.custodian = Custodian.open(Custodian.Options.of(NodeLayout.custodian(f.data()),
        f.custodianKey, f.custodianKem).withClock(f.clock::get).withDenialLimit(2, RecordsFixture.HOUR),
        f.ledger);
    int events = 0;
    int quiet = 0;
    for (int i = 0; i < 5; i++) {
      ReadResponse r = f.read("clinic-bravo", 700001, "TREAT");
      if (r.getRefusal().getEventTransactionId().isEmpty()) {
        quiet++;
      } else {
        events++;
      }
    }
    assertEquals(2, events);
    assertEquals(3, quiet);
    f.clock.addAndGet(RecordsFixture.HOUR);
    ReadResponse next = f.read("clinic-bravo", 700001, "TREAT");
    assertTrue(find(next.getRefusal().getEventTransactionId()).summary()
        .contains("3 earlier denials rate-limited"));
    assertTrue(f.read("clinic-alpha", 700001, "TREAT").hasRelease(), "others unaffected");
  }

  @Test
  void theChainRefusesAReleaseTheCustodianWouldNotGive() throws Exception {
    // a dishonest custodian's RELEASED event without a grant is refused by every validator
    byte[] ev = f.txs.sign(f.custodianKey, f.txs.body(f.custodianKey).setCustodianAccess(
        io.pqzk.ledger.proto.CustodianAccess.newBuilder()
            .setOutcome(io.pqzk.ledger.proto.CustodianAccess.Outcome.RELEASED)
            .setReaderKeyId(ByteString.copyFrom(f.r("clinic-bravo").key().publicKey().keyId()))
            .setRecordCommitment(ByteString.copyFrom(record)).setGrantId(ByteString.copyFrom(
                grant)).setPurpose("TREAT").setRequestDigest(ByteString.copyFrom(new byte[32]))
            .setReadMillis(f.clock.get())));
    io.pqzk.ledger.TransactionRejectedException e = assertThrows(
        io.pqzk.ledger.TransactionRejectedException.class, () -> f.ledger.commit(ev));
    assertTrue(e.getMessage().contains("does not give this reader"), e.getMessage());
    assertFalse(CustodianAccessRule.honoured(f.ledger.ledger().state(), new byte[32]));
    assertTrue(Signatures.ALGORITHMS.contains("ML-DSA-65"));
  }
}
