package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.ConsentDirective;
import io.pqzk.ledger.proto.CustodianAccess;
import io.pqzk.ledger.proto.PatientProxy;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.ledger.proto.RecordCustody;
import io.pqzk.ledger.proto.RoleKind;
import java.security.SecureRandom;
import java.util.List;

/**
 * An in-memory chain for the rules of kept records: one validator, two authorities, custodians in
 * US and DE, jurisdictions US (consent implied, releases to CA), DE (consent required) and CA,
 * roles emergency-physician (break-glass for ETREAT), guardian (patient proxy) and nurse (care).
 * Block times are the test's.
 */
final class RecordsChain {
  static final long T0 = 1_700_000_000_000L;
  static final long HOUR = 3_600_000L;
  final LedgerSigningKey owner = key();
  final LedgerSigningKey other = key();
  final LedgerSigningKey custodian = key();
  final LedgerSigningKey custodianDe = key();
  final LedgerSigningKey clinic = key();
  final LedgerSigningKey clinicDe = key();
  final LedgerSigningKey er = key();
  final LedgerSigningKey patient = key();
  final LedgerSigningKey guardian = key();
  final Genesis genesis;
  final BlockRules rules;
  final TransactionFactory txs;
  private final BlockProducer producer;
  private final SecureRandom random = new SecureRandom();
  private long clock = T0;

  RecordsChain() throws Exception {
    LedgerSigningKey ml = key();
    LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
    genesis = Genesis.parse(new GenesisBuilder("records-chain", T0)
        .slhDsa("SLH-DSA-SHA2-128f", 1000)
        .validator("v", ml.publicKey(), slh.publicKey())
        .authority("owner", owner.publicKey()).authority("other", other.publicKey())
        .jurisdiction("US", "United States", false, "CA")
        .jurisdiction("DE", "Germany", true)
        .jurisdiction("CA", "Canada", false)
        .custodian("custodian-us", custodian.publicKey(), "US")
        .custodian("custodian-de", custodianDe.publicKey(), "DE")
        .role("emergency-physician", RoleKind.BREAK_GLASS, "ETREAT")
        .role("guardian", RoleKind.PATIENT_PROXY)
        .role("nurse", RoleKind.CARE)
        .toJson());
    rules = new BlockRules(genesis);
    producer = new BlockProducer(rules, List.of(new ProposerKeys("v", ml, slh)),
        new CommitSigner(rules, List.of(ml)));
    txs = new TransactionFactory(genesis.chainId());
  }

  static LedgerSigningKey key() {
    try {
      return Signatures.generate("ML-DSA-65");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ChainState state() {
    return producer.state();
  }

  long now() {
    return clock;
  }

  /** Seals the transactions into the next block, an hour after the last. */
  void block(byte[]... transactions) throws LedgerException {
    clock += HOUR;
    producer.produce(List.of(transactions), clock);
  }

  /** The message with which the next block refuses {@code tx}. */
  String refused(byte[] tx) {
    BlockDraft d = rules.draft(state(), clock + HOUR);
    return assertThrows(TransactionRejectedException.class,
        () -> d.admit(rules.parseTransaction(tx))).getMessage();
  }

  /** The verdict of the next block on a custodian access event, or null. */
  CustodianAccessRule.Verdict judge(byte[] tx) throws TransactionRejectedException {
    return CustodianAccessRule.judge(rules.parseTransaction(tx), rules.draft(state(),
        clock + HOUR), true);
  }

  byte[] random(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  static ByteString id(LedgerSigningKey k) {
    return ByteString.copyFrom(k.publicKey().keyId());
  }

  byte[] register(byte[] commitment) {
    return txs.registerRecord(owner, commitment, "service-member/v1");
  }

  byte[] custody(LedgerSigningKey author, byte[] commitment, LedgerSigningKey keeper,
      String residency) {
    return txs.sign(author, txs.body(author).setRecordCustody(RecordCustody.newBuilder()
        .setRecordCommitment(ByteString.copyFrom(commitment)).setCustodianKeyId(id(keeper))
        .setResidency(residency).setPatientKeyId(id(patient))
        .addProxies(PatientProxy.newBuilder().setKeyId(id(guardian)).setRole("guardian"))));
  }

  ReaderRegistration.Builder readerOf(LedgerSigningKey reader, String name, String jurisdiction,
      String... roles) {
    return ReaderRegistration.newBuilder().setReaderKeyId(id(reader)).setName(name)
        .setSigningAlgorithm("ML-DSA-65")
        .setSigningSpki(ByteString.copyFrom(reader.publicKey().spki()))
        .setKemPublicKey(ByteString.copyFrom(random(1216)))
        .setTlsCertificateSha256(ByteString.copyFrom(random(32)))
        .setJurisdiction(jurisdiction).addAllRoles(List.of(roles));
  }

  byte[] registerReader(LedgerSigningKey authority, ReaderRegistration r) {
    return txs.sign(authority, txs.body(authority).setReaderRegistration(r));
  }

  byte[] grant(byte[] grantId, LedgerSigningKey reader, String purpose, long notAfter,
      byte[] record) {
    return txs.updateAccess(owner, AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(grantId)).setGranteeKeyId(id(reader))
        .setPurpose(purpose).setNotAfterMillis(notAfter)
        .addRecordCommitments(ByteString.copyFrom(record)).build());
  }

  byte[] revoke(byte[] grantId) {
    return txs.updateAccess(owner, AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(grantId)).setRevoke(true).build());
  }

  CustodianAccess.Builder access(CustodianAccess.Outcome outcome, LedgerSigningKey reader,
      byte[] record, byte[] grantId, String purpose) {
    CustodianAccess.Builder b = CustodianAccess.newBuilder().setOutcome(outcome)
        .setReaderKeyId(id(reader)).setRecordCommitment(ByteString.copyFrom(record))
        .setPurpose(purpose).setRequestDigest(ByteString.copyFrom(random(32)))
        .setReadMillis(clock + 1);
    if (grantId != null) {
      b.setGrantId(ByteString.copyFrom(grantId));
    }
    return b;
  }

  byte[] event(LedgerSigningKey keeper, CustodianAccess e) {
    return txs.sign(keeper, txs.body(keeper).setCustodianAccess(e));
  }

  Consent.Builder consentOf(byte[] record, Consent.Decision d, String... purposes) {
    return Consent.newBuilder().setRecordCommitment(ByteString.copyFrom(record))
        .setConsentId(ByteString.copyFrom(random(16))).setSequence(1).setDecision(d)
        .addAllPurposes(List.of(purposes)).setNotBeforeMillis(T0)
        .setNotAfterMillis(T0 + 1000 * HOUR);
  }

  /** A directive signed by {@code signer}, relayed by {@code relay}. */
  byte[] consent(LedgerSigningKey signer, LedgerSigningKey relay, Consent c) {
    byte[] bytes = c.toByteArray();
    byte[] sig = Signatures.sign(signer, bytes,
        Hashes.context(ConsentRule.CTX_CONSENT, genesis.chainId()));
    return txs.sign(relay, txs.body(relay).setConsentDirective(ConsentDirective.newBuilder()
        .setConsent(ByteString.copyFrom(bytes)).setSignerAlgorithm("ML-DSA-65")
        .setSignerSpki(ByteString.copyFrom(signer.publicKey().spki()))
        .setSignature(ByteString.copyFrom(sig))));
  }
}
