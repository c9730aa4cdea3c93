package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Consent;
import io.pqzk.ledger.proto.ConsentDirective;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.ledger.proto.RoleKind;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.service.KeyDirectory;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.service.Pki;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.kem.KemPublicKey;
import io.pqzk.records.proto.ReadRequest;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.SignedReadRequest;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chain with one custodian (US), its vault, and readers, for the custodian's tests: one
 * validator (SLH-DSA on block 0 only, for speed), the authority "health-authority" (owner of
 * every record), custodians in US and DE, jurisdictions US (consent implied) and DE (consent
 * required), roles emergency-physician (break-glass, ETREAT) and guardian (proxy). Readers
 * registered by transaction: clinic-alpha and clinic-bravo (US), praxis-berlin (DE), field-er
 * (US, emergency-physician). A clock the test moves (no sleeping).
 */
final class RecordsFixture implements Closeable {
  static final long HOUR = 3_600_000L;

  /** A reader's keys and its TLS client certificate. */
  record Reader(String name, LedgerSigningKey key, KemPrivateKey kem, Pki.Issued tls) {}

  /** The private CA of the fixture's TLS certificates. */
  final Pki.Issued ca;

  final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
  final Path dir;
  final LedgerSigningKey authority = key();
  final KemPrivateKey authorityKem = Hpke.generate();
  final LedgerSigningKey custodianKey = key();
  final KemPrivateKey custodianKem = Hpke.generate();
  final LedgerSigningKey custodianDeKey = key();
  final LedgerSigningKey patient = key();
  final Map<String, Reader> readers = new HashMap<>();
  final Genesis genesis;
  final TransactionFactory txs;
  EmbeddedLedger ledger;
  Custodian custodian;
  private final SecureRandom random = new SecureRandom();
  private final List<ProposerKeys> validators;
  private final LedgerSigningKey ml;
  private final LedgerSigningKey slh;

  RecordsFixture(Path dir) throws Exception {
    this.dir = dir;
    this.ca = Pki.newAuthority("pqzk test CA");
    ml = key();
    slh = Signatures.generate("SLH-DSA-SHA2-128f");
    validators = List.of(new ProposerKeys("validator-0", ml, slh));
    genesis = Genesis.parse(new GenesisBuilder("records-test", clock.get() - HOUR)
        .slhDsa("SLH-DSA-SHA2-128f", 100_000)
        .validator("validator-0", ml.publicKey(), slh.publicKey())
        .authority("health-authority", authority.publicKey())
        .jurisdiction("US", "United States", false)
        .jurisdiction("DE", "Germany", true)
        .custodian("custodian-us", custodianKey.publicKey(), "US")
        .custodian("custodian-de", custodianDeKey.publicKey(), "DE")
        .role("emergency-physician", RoleKind.BREAK_GLASS, "ETREAT")
        .role("guardian", RoleKind.PATIENT_PROXY)
        .claimSystem("stark")
        .toJson());
    Files.createDirectories(dir.resolve("chain"));
    Files.write(dir.resolve("chain").resolve(Genesis.FILE_NAME), Genesis.toJson(genesis.proto()));
    txs = new TransactionFactory(genesis.chainId());
    ledger = EmbeddedLedger.open(dir.resolve("chain"), validators,
        r -> new CommitSigner(r, List.of(ml)), clock::get);
    List<byte[]> regs = new ArrayList<>();
    regs.add(register(reader("clinic-alpha", "US")));
    regs.add(register(reader("clinic-bravo", "US")));
    regs.add(register(reader("praxis-berlin", "DE")));
    regs.add(register(reader("field-er", "US", "emergency-physician")));
    ledger.commitAll(regs);
    custodian = openCustodian(ReleaseHook.NONE);
  }

  /** Opens the ledger and the custodian again (after {@link #close}, or another process's). */
  void reopen() throws Exception {
    // another process may have stamped blocks on the real clock meanwhile
    clock.set(Math.max(clock.get(), System.currentTimeMillis()));
    ledger = EmbeddedLedger.open(dir.resolve("chain"), validators,
        r -> new CommitSigner(r, List.of(ml)), clock::get);
    custodian = openCustodian(ReleaseHook.NONE);
  }

  Custodian openCustodian(ReleaseHook hook) throws Exception {
    return Custodian.open(Custodian.Options.of(NodeLayout.custodian(data()), custodianKey,
        custodianKem).withHook(hook).withClock(clock::get), ledger);
  }

  static LedgerSigningKey key() {
    try {
      return Signatures.generate("ML-DSA-65");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ReaderRegistration reader(String name, String jurisdiction, String... roles)
      throws Exception {
    Reader r = new Reader(name, key(), Hpke.generate(), Pki.issue(ca, name, false, List.of()));
    byte[] cert = Pki.fingerprint(r.tls().certificate());
    readers.put(name, r);
    return ReaderRegistration.newBuilder()
        .setReaderKeyId(ByteString.copyFrom(r.key().publicKey().keyId())).setName(name)
        .setSigningAlgorithm("ML-DSA-65")
        .setSigningSpki(ByteString.copyFrom(r.key().publicKey().spki()))
        .setKemPublicKey(ByteString.copyFrom(r.kem().publicKey().raw()))
        .setTlsCertificateSha256(ByteString.copyFrom(cert))
        .setJurisdiction(jurisdiction).addAllRoles(List.of(roles)).build();
  }

  byte[] register(ReaderRegistration r) {
    return txs.sign(authority, txs.body(authority).setReaderRegistration(r));
  }

  Reader r(String name) {
    return readers.get(name);
  }

  /** A synthetic document for {@code subject}, with a name, dates and an identifier. */
  static byte[] document(long subject, String name) {
    return ("{\n  \"subject_id\": " + subject + ",\n  \"name\": \"" + name + "\",\n"
        + "  \"service_number\": \"SN-" + (subject * 7 % 100000) + "-" + (subject % 977) + "\",\n"
        + "  \"birth_date\": \"1984-06-02\",\n  \"birth_year\": 1984,\n  \"blood_group\": 3,\n"
        + "  \"fitness\": 81,\n  \"vax_date\": 20250314,\n  \"clearance\": 2,\n  \"issuer\": 1,\n"
        + "  \"notes\": \"left knee reconstruction 2019; allergic to penicillin\"\n}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Imports one document per subject, resident in US, with the fixture's patient. */
  List<Custodian.Imported> importSubjects(long... subjects) throws Exception {
    List<Custodian.ImportRequest> rs = new ArrayList<>();
    for (long s : subjects) {
      rs.add(new Custodian.ImportRequest(RecordDocument.parse(document(s, "Person " + s),
          "test"), "US", patient.publicKey().keyId(), List.of()));
    }
    return custodian.importAll(rs, authority, authorityKem.publicKey());
  }

  byte[] grantId() {
    byte[] g = new byte[16];
    random.nextBytes(g);
    return g;
  }

  void grant(byte[] gid, String reader, String purpose, long notAfter, byte[] record)
      throws Exception {
    ledger.commit(txs.updateAccess(authority, AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(gid))
        .setGranteeKeyId(ByteString.copyFrom(r(reader).key().publicKey().keyId()))
        .setPurpose(purpose).setNotAfterMillis(notAfter)
        .addRecordCommitments(ByteString.copyFrom(record)).build()));
  }

  void revoke(byte[] gid) throws Exception {
    ledger.commit(txs.updateAccess(authority, AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(gid)).setRevoke(true).build()));
  }

  void deny(byte[] record, String reader, String purpose) throws Exception {
    byte[] cid = new byte[16];
    random.nextBytes(cid);
    Consent c = Consent.newBuilder().setRecordCommitment(ByteString.copyFrom(record))
        .setConsentId(ByteString.copyFrom(cid)).setSequence(1).setDecision(Consent.Decision.DENY)
        .addPurposes(purpose)
        .addReaderKeyIds(ByteString.copyFrom(r(reader).key().publicKey().keyId()))
        .setNotBeforeMillis(clock.get() - HOUR).setNotAfterMillis(clock.get() + 1000 * HOUR)
        .build();
    byte[] bytes = c.toByteArray();
    ledger.commit(txs.sign(authority, txs.body(authority).setConsentDirective(
        ConsentDirective.newBuilder().setConsent(ByteString.copyFrom(bytes))
            .setSignerAlgorithm("ML-DSA-65")
            .setSignerSpki(ByteString.copyFrom(patient.publicKey().spki()))
            .setSignature(ByteString.copyFrom(Signatures.sign(patient, bytes,
                Hashes.context(io.pqzk.ledger.ConsentRule.CTX_CONSENT, genesis.chainId())))))));
  }

  ReadRequest.Builder request(String reader, long subject, String purpose) {
    return Requests.read(genesis.chainId(), custodianKey.publicKey().keyId(), r(reader).key(),
        Long.toString(subject), purpose, clock.get());
  }

  SignedReadRequest signed(String reader, ReadRequest.Builder b) {
    return Requests.sign(r(reader).key(), b.build());
  }

  ReadResponse read(String reader, long subject, String purpose) throws Exception {
    return custodian.read(signed(reader, request(reader, subject, purpose)), Caller.inProcess());
  }

  /** Opens a release with the reader's X-Wing key. */
  byte[] open(String reader, ReadResponse resp, SignedReadRequest asked) throws Exception {
    var rel = resp.getRelease();
    return Hpke.open(r(reader).kem(), new Hpke.Sealed(rel.getHpkeEnc().toByteArray(),
        rel.getHpkeCiphertext().toByteArray()), Requests.releaseInfo(genesis.chainId(),
        rel.getRecordCommitment().toByteArray(), rel.getEventTransactionId().toByteArray()),
        Requests.digest(genesis.chainId(), r(reader).key().publicKey().keyId(), asked));
  }

  KemPublicKey kem(String reader) {
    return r(reader).kem().publicKey();
  }

  /**
   * Writes the key files and TLS material of the node into the chain directory as {@link
   * NodeLayout} lays them out, all under {@code passphrase}, so a custodian process can open it.
   */
  void writeNodeFiles(char[] passphrase) throws Exception {
    Path data = dir.resolve("chain");
    Path keys = NodeLayout.keys(data);
    KeyDirectory.write(keys, "validator-0", ml, passphrase);
    KeyDirectory.write(keys, "validator-0", slh, passphrase);
    KeyDirectory.write(keys, "custodian-us", custodianKey, passphrase);
    KeyDirectory.write(keys, "custodian-us", custodianKem, passphrase);
    Path tls = NodeLayout.tls(data);
    Pki.write(tls, NodeLayout.CA, ca, passphrase);
    Pki.write(tls, "custodian-us", Pki.issue(ca, "custodian-us", true,
        List.of("localhost", "127.0.0.1")), passphrase);
    for (Reader r : readers.values()) {
      Pki.write(tls, r.name(), r.tls(), passphrase);
    }
  }

  /** The data directory of the chain (genesis, blocks, and the node files once written). */
  Path data() {
    return dir.resolve("chain");
  }

  @Override
  public void close() throws java.io.IOException {
    if (custodian != null) {
      custodian.close();
      custodian = null;
    }
    if (ledger != null) {
      ledger.close();
      ledger = null;
    }
  }
}
