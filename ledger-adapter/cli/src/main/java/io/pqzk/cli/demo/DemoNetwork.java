package io.pqzk.cli.demo;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.crypto.UnsupportedAlgorithmException;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.ledger.proto.RoleKind;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.service.KeyDirectory;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.service.Pki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The demo's participants with fresh keys: validators (ML-DSA-65 for blocks, SLH-DSA per the
 * policy), one medical authority (which also has an X-Wing key for its escrow), one custodian in
 * the US (ML-DSA for events, X-Wing for its key store), and readers: three clinics that are also
 * genesis participants (they author claims) and a clinic in Germany that joins by registration
 * only. Every reader has an X-Wing key and a mutual-TLS client certificate of the demo's private
 * CA. Jurisdictions US (consent implied) and DE (consent required); roles emergency-physician
 * (break-glass, ETREAT), guardian (patient proxy) and nurse. All written to {@code DIR/keys/}
 * (private keys encrypted under a generated passphrase stored beside them, which is acceptable for
 * a demo only) and described by a genesis file.
 */
public final class DemoNetwork {
  public static final String BLOCK_ALGORITHM = "ML-DSA-65";
  public static final String TX_ALGORITHM = "ML-DSA-65";
  static final String AUTHORITY = "medical-authority";
  static final String CUSTODIAN = "custodian-us";
  static final List<String> READERS = List.of("clinic-alpha", "clinic-bravo", "field-hospital");
  /** A clinic abroad that joins by a registration transaction alone. */
  static final String ABROAD = "praxis-berlin";
  static final String BREAK_GLASS_ROLE = "emergency-physician";

  final List<ProposerKeys> validators = new ArrayList<>();
  final LedgerSigningKey authority;
  final KemPrivateKey authorityKem = Hpke.generate();
  final LedgerSigningKey custodian;
  final KemPrivateKey custodianKem = Hpke.generate();
  final List<LedgerSigningKey> readers = new ArrayList<>();
  final List<KemPrivateKey> readerKems = new ArrayList<>();
  final List<Pki.Issued> readerTls = new ArrayList<>();
  final LedgerSigningKey abroad;
  final KemPrivateKey abroadKem = Hpke.generate();
  final Pki.Issued abroadTls;
  final LedgerSigningKey patient;
  final Pki.Issued ca;
  final io.pqzk.ledger.proto.Genesis genesis;

  /**
   * Keys and genesis; claims with the STARK, and with Groth16 too when {@code groth16Key} (the
   * claim circuit's verification key, which the genesis then pins) is not null.
   */
  DemoNetwork(String chainId, int validatorCount, String slhAlgorithm, int slhEvery,
      Groth16Pin groth16) throws UnsupportedAlgorithmException, GeneralSecurityException {
    GenesisBuilder g = new GenesisBuilder(chainId, System.currentTimeMillis())
        .blockAlgorithm(BLOCK_ALGORITHM).slhDsa(slhAlgorithm, slhEvery)
        // the STARK set the validators accept, pinned; the custodian commits schema-1 leaves
        .claimSystem(io.pqzk.zk.stark.claim.StarkProofSystem.ID,
            List.of(io.pqzk.zk.stark.StarkOptions.DEFAULT.name()))
        .recordSchema(io.pqzk.zk.claims.RecordSchema.V1);
    if (groth16 != null) {
      g.claimSystem(io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem.ID,
          groth16.verificationKey(), groth16.sourceSha256(), groth16.programSha256());
    }
    for (int i = 0; i < validatorCount; i++) {
      ProposerKeys k = new ProposerKeys("validator-" + i, Signatures.generate(BLOCK_ALGORITHM),
          Signatures.generate(slhAlgorithm));
      validators.add(k);
      g.validator(k.name(), k.mlDsa().publicKey(), k.slhDsa().publicKey());
    }
    authority = Signatures.generate(TX_ALGORITHM);
    g.authority(AUTHORITY, authority.publicKey());
    ca = Pki.newAuthority("pqzk demo CA " + chainId);
    for (String r : READERS) {
      LedgerSigningKey k = Signatures.generate(TX_ALGORITHM);
      readers.add(k);
      readerKems.add(Hpke.generate());
      readerTls.add(Pki.issue(ca, r, false, List.of()));
      g.participant(r, k.publicKey());
    }
    abroad = Signatures.generate(TX_ALGORITHM);
    abroadTls = Pki.issue(ca, ABROAD, false, List.of());
    patient = Signatures.generate(TX_ALGORITHM);
    custodian = Signatures.generate(TX_ALGORITHM);
    g.jurisdiction("US", "United States", false)
        .jurisdiction("DE", "Germany", true)
        .custodian(CUSTODIAN, custodian.publicKey(), "US")
        .role(BREAK_GLASS_ROLE, RoleKind.BREAK_GLASS, "ETREAT")
        .role("guardian", RoleKind.PATIENT_PROXY)
        .role("nurse", RoleKind.CARE);
    genesis = g.build();
  }

  /** What the genesis pins of the Groth16 claim circuit: its key and which circuit it is for. */
  record Groth16Pin(String verificationKey, String sourceSha256, String programSha256) {}

  /** The commit signatures of every validator: the demo holds all of their keys. */
  CommitSigner commitSigner(BlockRules rules) {
    return new CommitSigner(rules, validators.stream().map(ProposerKeys::mlDsa).toList());
  }

  /** The readers' registrations, written by the authority: clinics join without a new genesis. */
  List<ReaderRegistration> readerRegistrations() {
    List<ReaderRegistration> out = new ArrayList<>();
    for (int i = 0; i < READERS.size(); i++) {
      out.add(registration(READERS.get(i), readers.get(i), readerKems.get(i), readerTls.get(i),
          "US", i == 2 ? List.of(BREAK_GLASS_ROLE) : List.of("nurse")));
    }
    out.add(registration(ABROAD, abroad, abroadKem, abroadTls, "DE", List.of()));
    return out;
  }

  private static ReaderRegistration registration(String name, LedgerSigningKey k,
      KemPrivateKey kem, Pki.Issued tls, String jurisdiction, List<String> roles) {
    return ReaderRegistration.newBuilder()
        .setReaderKeyId(ByteString.copyFrom(k.publicKey().keyId())).setName(name)
        .setSigningAlgorithm(k.algorithm()).setSigningSpki(ByteString.copyFrom(k.publicKey()
            .spki())).setKemPublicKey(ByteString.copyFrom(kem.publicKey().raw()))
        .setTlsCertificateSha256(ByteString.copyFrom(Pki.fingerprint(tls.certificate())))
        .setJurisdiction(jurisdiction).addAllRoles(roles).build();
  }

  /** Writes every key pair under {@code keys/}, TLS material under {@code keys/tls/}. */
  int writeKeys(Path keys) throws IOException, GeneralSecurityException {
    byte[] pass = new byte[24];
    new SecureRandom().nextBytes(pass);
    char[] passphrase = HexFormat.of().formatHex(pass).toCharArray();
    KeyFiles.atomicWrite(keys.resolve(NodeLayout.DEMO_PASSPHRASE),
        (new String(passphrase) + "\n").getBytes(StandardCharsets.US_ASCII), true);
    KeyFiles.atomicWrite(keys.resolve("README.txt"), ("Demo keys. Private keys (*.key) are"
        + " encrypted PKCS#8 (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC)\nunder the passphrase in"
        + " DEMO-PASSPHRASE, which sits beside them only because this is a demo:\na real node"
        + " keeps it elsewhere. tls/ holds the demo's private CA and the mutual-TLS\ncertificates"
        + " of the custodian and the readers (keys encrypted the same way).\n")
        .getBytes(StandardCharsets.US_ASCII), false);
    int files = 2;
    for (ProposerKeys v : validators) {
      KeyFiles.write(keys, v.name(), v.mlDsa(), passphrase);
      KeyFiles.write(keys, v.name(), v.slhDsa(), passphrase);
      files += 4;
    }
    KeyFiles.write(keys, AUTHORITY, authority, passphrase);
    KeyDirectory.write(keys, AUTHORITY, authorityKem, passphrase);
    KeyFiles.write(keys, CUSTODIAN, custodian, passphrase);
    KeyDirectory.write(keys, CUSTODIAN, custodianKem, passphrase);
    KeyFiles.write(keys, "patient-1", patient, passphrase);
    files += 10;
    Path tls = keys.resolve(NodeLayout.TLS);
    Pki.write(tls, NodeLayout.CA, ca, passphrase);
    Pki.write(tls, CUSTODIAN, Pki.issue(ca, CUSTODIAN, true, List.of("localhost", "127.0.0.1")),
        passphrase);
    files += 4;
    for (int i = 0; i < readers.size(); i++) {
      KeyFiles.write(keys, READERS.get(i), readers.get(i), passphrase);
      KeyDirectory.write(keys, READERS.get(i), readerKems.get(i), passphrase);
      Pki.write(tls, READERS.get(i), readerTls.get(i), passphrase);
      files += 6;
    }
    KeyFiles.write(keys, ABROAD, abroad, passphrase);
    KeyDirectory.write(keys, ABROAD, abroadKem, passphrase);
    Pki.write(tls, ABROAD, abroadTls, passphrase);
    java.util.Arrays.fill(passphrase, '\0');
    return files + 6;
  }
}
