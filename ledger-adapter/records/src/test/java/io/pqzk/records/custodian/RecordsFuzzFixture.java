package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.proto.OpeningRequest;
import io.pqzk.records.proto.SignedOpeningRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The custodian the records targets fuzz, made once per JVM: {@link RecordsFixture}'s chain and
 * custodian (US) with two imported records, subjects {@value #GRANTED} and {@value #OTHER}, and
 * one grant: clinic-alpha may read {@value #GRANTED} for TREAT. Its keys are fresh on each run,
 * so the targets sign what they fuzz with them where a signature is needed (see each target).
 */
final class RecordsFuzzFixture {
  static final long GRANTED = 510001;
  static final long OTHER = 510002;

  final RecordsFixture f;
  final Path dir;
  final byte[] granted;
  final byte[] other;
  private long nonces;

  private RecordsFuzzFixture() throws Exception {
    dir = Files.createTempDirectory("pqzk-fuzz-records");
    f = new RecordsFixture(dir);
    List<Custodian.Imported> rs = f.importSubjects(GRANTED, OTHER);
    granted = rs.get(0).commitment();
    other = rs.get(1).commitment();
    f.grant(f.grantId(), "clinic-alpha", "TREAT", f.clock.get() + 1000 * RecordsFixture.HOUR,
        granted);
    Runtime.getRuntime().addShutdownHook(new Thread(this::close));
  }

  private static RecordsFuzzFixture instance;

  static synchronized RecordsFuzzFixture get() {
    if (instance == null) {
      try {
        instance = new RecordsFuzzFixture();
      } catch (Exception e) {
        throw new IllegalStateException("the records fuzz fixture does not start: "
            + e.getMessage(), e);
      }
    }
    return instance;
  }

  /** A nonce no earlier request of this JVM used (deterministic, unlike a random one). */
  synchronized byte[] nonce() {
    byte[] n = new byte[Requests.NONCE_BYTES];
    long v = ++nonces;
    for (int i = 0; i < 8; i++) {
      n[i] = (byte) (v >>> (8 * i));
    }
    n[15] = 0x5a;
    return n;
  }

  /** The authority's signed opening request for {@code subject}, as pqzk records opening makes. */
  SignedOpeningRequest opening(long subject) {
    KemPrivateKey kem = f.authorityKem;
    long now = f.clock.get();
    return Requests.sign(f.authority, OpeningRequest.newBuilder()
        .setChainId(f.genesis.chainId())
        .setCustodianKeyId(ByteString.copyFrom(f.custodianKey.publicKey().keyId()))
        .setAuthorityKeyId(ByteString.copyFrom(f.authority.publicKey().keyId()))
        .setSubjectId(Long.toString(subject)).setNonce(ByteString.copyFrom(nonce()))
        .setIssuedMillis(now).setExpiresMillis(now + 120_000)
        .setKemPublicKey(ByteString.copyFrom(kem.publicKey().raw())).build());
  }

  private void close() {
    try {
      f.close();
    } catch (Exception e) {
      // the JVM is exiting
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (Exception e) {
      // as above
    }
  }
}
