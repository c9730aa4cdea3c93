package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.BreakGlassReview;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.CustodianAccess.Outcome;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.ledger.proto.RecordPurge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of kept records: readers registered by authorities, custody in the custodian's own
 * jurisdiction, consent signed by the patient or a proxy (a deny overrides a grant), custodian
 * access events judged on grant, purpose, consent and residency with the reason named, break-glass
 * reads open until reviewed, and purges that end every read.
 */
class RecordRulesTest {
  private RecordsChain c;
  private byte[] record;
  private byte[] grantId;

  @BeforeEach
  void chain() throws Exception {
    c = new RecordsChain();
    record = c.random(32);
    grantId = c.random(16);
    c.block(c.register(record), c.custody(c.owner, record, c.custodian, "US"),
        c.registerReader(c.owner, c.readerOf(c.clinic, "clinic", "US", "nurse").build()),
        c.registerReader(c.owner, c.readerOf(c.clinicDe, "clinic-de", "DE").build()),
        c.registerReader(c.owner, c.readerOf(c.er, "er", "US", "emergency-physician").build()));
    c.block(c.grant(grantId, c.clinic, "TREAT", c.now() + 100 * RecordsChain.HOUR, record));
  }

  private byte[] released(byte[] g, String purpose) {
    return c.event(c.custodian, c.access(Outcome.RELEASED, c.clinic, record, g, purpose).build());
  }

  private ReadDenial denial(byte[] tx) throws Exception {
    CustodianAccessRule.Verdict v = c.judge(tx);
    assertNotNull(v, "the event was allowed");
    assertTrue(c.refused(tx).contains(v.message().substring(v.message().indexOf(')') + 2)),
        c.refused(tx));
    return v.denial();
  }

  @Test
  void release_underALiveGrant_isAccepted_andItsRequestOnlyOnce() throws Exception {
    byte[] tx = released(grantId, "TREAT");
    assertNull(c.judge(tx));
    c.block(tx);
    byte[] digest = c.rules.parseTransaction(tx).body().getCustodianAccess().getRequestDigest()
        .toByteArray();
    assertTrue(CustodianAccessRule.honoured(c.state(), digest));
    byte[] again = c.event(c.custodian, c.rules.parseTransaction(tx).body().getCustodianAccess()
        .toBuilder().setReadMillis(c.now() + 2).build());
    assertEquals(ReadDenial.REPLAYED_REQUEST, denial(again));
  }

  @Test
  void refusals_eachNamedByTheirCode() throws Exception {
    assertEquals(ReadDenial.WRONG_PURPOSE, denial(released(grantId, "HRESCH")));
    assertEquals(ReadDenial.UNKNOWN_PURPOSE, denial(released(grantId, "treatment")));
    assertEquals(ReadDenial.NO_GRANT, denial(released(c.random(16), "TREAT")));
    assertEquals(ReadDenial.WRONG_CUSTODIAN, denial(c.event(c.custodianDe,
        c.access(Outcome.RELEASED, c.clinic, record, grantId, "TREAT").build())));
    byte[] gDe = c.random(16);
    c.block(c.grant(gDe, c.clinicDe, "TREAT", c.now() + 100 * RecordsChain.HOUR, record));
    assertEquals(ReadDenial.RESIDENCY, denial(c.event(c.custodian,
        c.access(Outcome.RELEASED, c.clinicDe, record, gDe, "TREAT").build())));
    byte[] shortGrant = c.random(16);
    c.block(c.grant(shortGrant, c.clinic, "TREAT", c.now() + 3 * RecordsChain.HOUR / 2,
        record));
    c.block();
    assertEquals(ReadDenial.GRANT_EXPIRED, denial(released(shortGrant, "TREAT")));
    c.block(c.revoke(grantId));
    assertEquals(ReadDenial.GRANT_REVOKED, denial(released(grantId, "TREAT")));
  }

  @Test
  void aPatientsDeny_overridesTheGrant_andIsWithdrawnOnlyByAHigherSequence() throws Exception {
    Consent deny = c.consentOf(record, Consent.Decision.DENY, "TREAT")
        .addReaderKeyIds(RecordsChain.id(c.clinic)).build();
    c.block(c.consent(c.patient, c.owner, deny));
    assertEquals(ReadDenial.CONSENT_DENIED, denial(released(grantId, "TREAT")));
    assertTrue(c.refused(c.consent(c.patient, c.owner, deny)).contains("sequence 1 does not"
        + " exceed"));
    c.block(c.consent(c.guardian, c.custodian, deny.toBuilder().setSequence(2).setWithdraw(true)
        .build()));
    assertNull(c.judge(released(grantId, "TREAT")), "the guardian withdrew the deny");
  }

  @Test
  void aDenyByRole_andOneForEveryone_apply_andStrangersCannotSign() throws Exception {
    c.block(c.consent(c.patient, c.owner, c.consentOf(record, Consent.Decision.DENY, "TREAT")
        .addRoles("nurse").build()));
    assertEquals(ReadDenial.CONSENT_DENIED, denial(released(grantId, "TREAT")));
    String m = c.refused(c.consent(c.other, c.owner, c.consentOf(record,
        Consent.Decision.PERMIT, "TREAT").build()));
    assertTrue(m.contains("neither the patient nor a proxy"), m);
    m = c.refused(c.consent(c.patient, c.clinic, c.consentOf(record,
        Consent.Decision.PERMIT, "TREAT").build()));
    assertTrue(m.contains("is not in the genesis"), m); // a reader authors no transaction
  }

  @Test
  void aForgedConsentSignature_failsTheBlock() throws Exception {
    byte[] forged = c.consent(RecordsChain.key(), c.owner, c.consentOf(record,
        Consent.Decision.PERMIT, "TREAT").build());
    io.pqzk.ledger.proto.Transaction t = io.pqzk.ledger.proto.Transaction.parseFrom(forged);
    io.pqzk.ledger.proto.TransactionBody b = io.pqzk.ledger.proto.TransactionBody.parseFrom(
        t.getBody());
    // the patient's key with a stranger's signature
    byte[] swapped = c.txs.sign(c.owner, b.toBuilder().setConsentDirective(b
        .getConsentDirective().toBuilder().setSignerSpki(ByteString.copyFrom(
            c.patient.publicKey().spki()))));
    LedgerException e = assertThrows(LedgerException.class, () -> c.block(swapped));
    assertTrue(e.getMessage().contains("consent signature"), e.getMessage());
  }

  @Test
  void consentRequired_needsAPermit() throws Exception {
    byte[] rDe = c.random(32);
    byte[] g = c.random(16);
    c.block(c.register(rDe), c.custody(c.owner, rDe, c.custodianDe, "DE"),
        c.grant(g, c.clinicDe, "TREAT", c.now() + 100 * RecordsChain.HOUR, rDe));
    byte[] ev = c.event(c.custodianDe, c.access(Outcome.RELEASED, c.clinicDe, rDe, g, "TREAT")
        .build());
    assertEquals(ReadDenial.NO_CONSENT, denial(ev));
    c.block(c.consent(c.patient, c.owner, c.consentOf(rDe, Consent.Decision.PERMIT, "TREAT")
        .build()));
    assertNull(c.judge(c.event(c.custodianDe, c.access(Outcome.RELEASED, c.clinicDe, rDe, g,
        "TREAT").build())));
  }

  @Test
  void custody_isTheOwnersToSet_inTheCustodiansJurisdiction_once() throws Exception {
    byte[] r = c.random(32);
    c.block(c.register(r));
    assertTrue(c.refused(c.custody(c.other, r, c.custodian, "US")).contains("only the owner"));
    assertTrue(c.refused(c.custody(c.owner, r, c.custodianDe, "US"))
        .contains("keeps records resident in DE only"));
    c.block(c.custody(c.owner, r, c.custodian, "US"));
    assertTrue(c.refused(c.custody(c.owner, r, c.custodianDe, "DE")).contains("set once"));
  }

  @Test
  void readers_registeredAndRevokedByTheirAuthorityOnly() throws Exception {
    ReaderRegistration r = c.readerOf(RecordsChain.key(), "new-clinic", "CA").build();
    assertTrue(c.refused(c.registerReader(c.owner, r.toBuilder().setReaderKeyId(
        ByteString.copyFrom(c.random(32))).build())).contains("not SHA3-256 of signing_spki"));
    assertTrue(c.refused(c.registerReader(c.owner, c.readerOf(c.custodian, "x", "US").build()))
        .contains("cannot be a reader's"));
    assertTrue(c.refused(c.registerReader(c.owner, r.toBuilder().setJurisdiction("FR").build()))
        .contains("not a genesis jurisdiction"));
    c.block(c.registerReader(c.owner, r));
    assertNotNull(ReaderRegistrationRule.readerByCertificate(c.state(),
        r.getTlsCertificateSha256().toByteArray()));
    ReaderRegistration revoke = ReaderRegistration.newBuilder()
        .setReaderKeyId(RecordsChain.id(c.clinic)).setRevoke(true).build();
    assertTrue(c.refused(c.registerReader(c.other, revoke)).contains("another authority"));
    c.block(c.registerReader(c.owner, revoke));
    assertEquals(ReadDenial.READER_REVOKED, denial(released(grantId, "TREAT")));
    assertTrue(c.refused(c.grant(c.random(16), c.clinic, "TREAT", c.now() + 10
        * RecordsChain.HOUR, record)).contains("nor a registered reader"));
  }

  @Test
  void breakGlass_withoutAGrant_forItsRolesPurpose_openUntilReviewedOnce() throws Exception {
    byte[] glass = c.event(c.custodian, c.access(Outcome.BREAK_GLASS, c.er, record, null,
        "ETREAT").setBreakGlassRole("emergency-physician")
        .setReasonCommitment(ByteString.copyFrom(c.random(32))).build());
    assertEquals(ReadDenial.NOT_BREAK_GLASS, denial(c.event(c.custodian, c.access(
        Outcome.BREAK_GLASS, c.clinic, record, null, "ETREAT").setBreakGlassRole(
        "emergency-physician").setReasonCommitment(ByteString.copyFrom(c.random(32))).build())));
    assertEquals(ReadDenial.NOT_BREAK_GLASS, denial(c.event(c.custodian, c.access(
        Outcome.BREAK_GLASS, c.er, record, null, "TREAT").setBreakGlassRole(
        "emergency-physician").setReasonCommitment(ByteString.copyFrom(c.random(32))).build())));
    c.block(glass);
    byte[] id = c.rules.parseTransaction(glass).id();
    assertNotNull(CustodianAccessRule.breakGlass(c.state(), id));
    assertNull(BreakGlassReviewRule.review(c.state(), id));
    byte[] review = c.txs.sign(c.other, c.txs.body(c.other).setBreakGlassReview(
        BreakGlassReview.newBuilder().setEventTransactionId(ByteString.copyFrom(id))
            .setFinding("justified")));
    c.block(review);
    assertEquals("justified", BreakGlassReviewRule.review(c.state(), id).getFinding());
    assertTrue(c.refused(c.txs.sign(c.owner, c.txs.body(c.owner).setBreakGlassReview(
        BreakGlassReview.newBuilder().setEventTransactionId(ByteString.copyFrom(id))
            .setFinding("again")))).contains("reviewed already"));
  }

  @Test
  void deniedEvents_needARegisteredReader_andACode() throws Exception {
    byte[] ok = c.event(c.custodian, c.access(Outcome.DENIED, c.clinicDe, record, null, "TREAT")
        .setDenial("RESIDENCY").setDetail("reader in DE").build());
    assertNull(c.judge(ok));
    c.block(ok);
    String m0;
    m0 = c.refused(c.event(c.custodian, c.access(Outcome.DENIED, RecordsChain.key(),
        record, null, "TREAT").setDenial("NO_GRANT").build()));
    assertTrue(m0.contains("not a registered"), m0);
    assertTrue(c.refused(c.event(c.custodian, c.access(Outcome.DENIED, c.clinic, record, null,
        "TREAT").setDenial("no grant!").build())).contains("code of [A-Z_]"));
    String m = c.refused(c.event(c.clinic, c.access(Outcome.DENIED, c.clinic, record, null,
        "TREAT").setDenial("NO_GRANT").build()));
    assertTrue(m.contains("is not in the genesis"), m); // only its custodian writes the event
  }

  @Test
  void purge_byTheOwnerOnly_endsEveryRead_andKeepsTheRegistration() throws Exception {
    byte[] purge = c.txs.sign(c.owner, c.txs.body(c.owner).setRecordPurge(RecordPurge
        .newBuilder().setRecordCommitment(ByteString.copyFrom(record))));
    assertTrue(c.refused(c.txs.sign(c.other, c.txs.body(c.other).setRecordPurge(RecordPurge
        .newBuilder().setRecordCommitment(ByteString.copyFrom(record))))).contains("only the"
        + " owner"));
    c.block(purge);
    assertNotNull(RecordPurgeRule.purge(c.state(), record));
    assertTrue(RecordRegistrationRule.isRegistered(c.state(), record));
    assertEquals(ReadDenial.PURGED, denial(released(grantId, "TREAT")));
    assertTrue(c.refused(purge).contains("replays") || c.refused(c.txs.sign(c.owner,
        c.txs.body(c.owner).setRecordPurge(RecordPurge.newBuilder().setRecordCommitment(
            ByteString.copyFrom(record))))).contains("purged already"));
  }

  @Test
  void genesisSections_areChecked() throws Exception {
    io.pqzk.ledger.crypto.LedgerSigningKey slh =
        io.pqzk.ledger.crypto.Signatures.generate("SLH-DSA-SHA2-128f");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> Genesis.parse(
        new GenesisBuilder("g", 1).validator("v", c.owner.publicKey(), slh.publicKey())
            .custodian("c", c.custodian.publicKey(), "ZZ").toJson()));
    assertTrue(e.getMessage().contains("jurisdiction 'ZZ' is not declared"), e.getMessage());
    e = assertThrows(MalformedInputException.class, () -> Genesis.parse(new GenesisBuilder("g", 1)
        .validator("v", c.owner.publicKey(), slh.publicKey())
        .role("er", io.pqzk.ledger.proto.RoleKind.BREAK_GLASS).toJson()));
    assertTrue(e.getMessage().contains("break-glass role names the purposes"), e.getMessage());
  }
}
