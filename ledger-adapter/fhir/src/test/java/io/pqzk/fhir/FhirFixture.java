package io.pqzk.fhir;

import com.google.protobuf.ByteString;
import io.pqzk.fhir.bundle.BundleReader;
import io.pqzk.fhir.bundle.BundleRecord;
import io.pqzk.fhir.bundle.FhirImport;
import io.pqzk.fhir.bundle.Issuers;
import io.pqzk.fhir.server.FhirFacade;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.ledger.proto.RoleKind;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.EmbeddedLedger;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.service.Pki;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain with one custodian (US) for the FHIR tests, on the real clock: one validator (SLH-DSA
 * on block 0 only), the authority "health-authority" owning every record, jurisdiction US
 * (consent implied), the break-glass role emergency-physician (ETREAT). Readers, registered by
 * the authority with a TLS client certificate from the fixture's CA: clinic-alpha, clinic-bravo,
 * field-er (emergency-physician). Every record's patient is the fixture's patient key.
 */
public final class FhirFixture implements Closeable {
  public static final String[] KEPT = {"patient-1.json", "patient-2.json", "patient-3.json"};
  static final long DAY = 86_400_000L;

  /** A reader: its signing key and its TLS client certificate. */
  public record Reader(String name, LedgerSigningKey key, Pki.Issued tls) {}

  public final Path dir;
  public final Pki.Issued ca;
  public final Pki.Issued serverTls;
  public final LedgerSigningKey authority = key();
  public final KemPrivateKey authorityKem = Hpke.generate();
  public final LedgerSigningKey custodianKey = key();
  public final KemPrivateKey custodianKem = Hpke.generate();
  public final LedgerSigningKey patient = key();
  public final Map<String, Reader> readers = new HashMap<>();
  public final Genesis genesis;
  public final TransactionFactory txs;
  public final EmbeddedLedger ledger;
  public final Custodian custodian;
  private final SecureRandom random = new SecureRandom();

  public FhirFixture(Path dir) throws Exception {
    this.dir = dir;
    ca = Pki.newAuthority("pqzk FHIR test CA");
    serverTls = Pki.issue(ca, "custodian-us", true, List.of("localhost", "127.0.0.1"));
    LedgerSigningKey ml = key();
    LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
    genesis = Genesis.parse(new GenesisBuilder("fhir-test", System.currentTimeMillis() - DAY)
        .slhDsa("SLH-DSA-SHA2-128f", 100_000)
        .validator("validator-0", ml.publicKey(), slh.publicKey())
        .authority("health-authority", authority.publicKey())
        .jurisdiction("US", "United States", false)
        .custodian("custodian-us", custodianKey.publicKey(), "US")
        .role("emergency-physician", RoleKind.BREAK_GLASS, "ETREAT")
        .toJson());
    Path chain = dir.resolve("chain");
    Files.createDirectories(chain);
    Files.write(chain.resolve(Genesis.FILE_NAME), Genesis.toJson(genesis.proto()));
    txs = new TransactionFactory(genesis.chainId());
    ledger = EmbeddedLedger.open(chain, List.of(new ProposerKeys("validator-0", ml, slh)),
        r -> new CommitSigner(r, List.of(ml)));
    List<byte[]> regs = new ArrayList<>();
    regs.add(register("clinic-alpha"));
    regs.add(register("clinic-bravo"));
    regs.add(register("field-er", "emergency-physician"));
    ledger.commitAll(regs);
    custodian = Custodian.open(Custodian.Options.of(dir.resolve("custodian"), custodianKey,
        custodianKem), ledger);
  }

  public static LedgerSigningKey key() {
    try {
      return Signatures.generate("ML-DSA-65");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] register(String name, String... roles) throws Exception {
    Reader r = new Reader(name, key(), Pki.issue(ca, name, false, List.of()));
    readers.put(name, r);
    ReaderRegistration reg = ReaderRegistration.newBuilder()
        .setReaderKeyId(ByteString.copyFrom(r.key().publicKey().keyId())).setName(name)
        .setSigningAlgorithm("ML-DSA-65")
        .setSigningSpki(ByteString.copyFrom(r.key().publicKey().spki()))
        .setKemPublicKey(ByteString.copyFrom(Hpke.generate().publicKey().raw()))
        .setTlsCertificateSha256(ByteString.copyFrom(Pki.fingerprint(r.tls().certificate())))
        .setJurisdiction("US").addAllRoles(List.of(roles)).build();
    return txs.sign(authority, txs.body(authority).setReaderRegistration(reg));
  }

  public Reader reader(String name) {
    return readers.get(name);
  }

  /** A kept Synthea bundle's bytes. */
  public static byte[] kept(String name) throws IOException {
    try (InputStream in = FhirFixture.class.getResourceAsStream("synthea/" + name)) {
      if (in == null) {
        throw new IOException("no test bundle " + name);
      }
      return in.readAllBytes();
    }
  }

  /** Reads and imports bundles; returns what was read, in order. */
  public List<BundleRecord> importBundles(List<byte[]> bundles) throws Exception {
    BundleReader reader = new BundleReader(Issuers.none());
    List<BundleRecord> read = new ArrayList<>();
    for (int i = 0; i < bundles.size(); i++) {
      read.add(reader.read(bundles.get(i), "bundle " + (i + 1)));
    }
    FhirImport.importAll(custodian, read, "US", patient.publicKey().keyId(), authority,
        authorityKem.publicKey());
    return read;
  }

  /** The record commitment of a subject. */
  public byte[] record(String subjectId) throws Exception {
    return custodian.vault().commitmentOf(io.pqzk.records.custodian.RecordDocument.SCHEMA,
        subjectId).orElseThrow();
  }

  /** A grant to {@code reader} for {@code purpose} over the subjects' records, for a day. */
  public void grant(String reader, String purpose, String... subjects) throws Exception {
    byte[] gid = new byte[16];
    random.nextBytes(gid);
    AccessPolicyUpdate.Builder u = AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(gid))
        .setGranteeKeyId(ByteString.copyFrom(reader(reader).key().publicKey().keyId()))
        .setPurpose(purpose).setNotAfterMillis(System.currentTimeMillis() + DAY);
    for (String s : subjects) {
      u.addRecordCommitments(ByteString.copyFrom(record(s)));
    }
    ledger.commit(txs.updateAccess(authority, u.build()));
  }

  /** Starts the facade on a free loopback port, its request log in the fixture's directory. */
  public FhirFacade facade() throws Exception {
    return FhirFacade.start(custodian, new FhirFacade.Options("127.0.0.1", 0, serverTls,
        ca.certificate(), dir.resolve("fhir-requests.log")));
  }

  @Override
  public void close() throws IOException {
    try {
      custodian.close();
    } finally {
      ledger.close();
    }
  }
}
