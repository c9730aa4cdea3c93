package io.pqzk.records.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.encoding.Pem;
import io.pqzk.vectors.TestVectors;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** X-Wing key files: the draft's example keys, round trips, and refusals. */
class KemKeyFilesTest {
  private static final char[] PASS = "correct horse".toCharArray();

  @Test
  void draftsExampleKeys_readAndReencodeByteForByte() throws Exception {
    String priv = Files.readString(TestVectors.path("kem/xwing-draft-example.priv"));
    String pub = Files.readString(TestVectors.path("kem/xwing-draft-example.pub"));
    KemPrivateKey sk = KemKeyFiles.privateFromPem(priv, null);
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    assertArrayEquals(seed, sk.seed());
    KemPublicKey pk = KemKeyFiles.publicFromPem(pub);
    assertEquals(pk, sk.publicKey());
    assertArrayEquals(Pem.decode(priv, KeyCodec.PEM_PRIVATE), KemKeyFiles.encodePrivate(sk));
    assertArrayEquals(Pem.decode(pub, KeyCodec.PEM_PUBLIC), KemKeyFiles.encodePublic(pk));
  }

  @Test
  void encryptedPrivateKey_roundTrips_andAWrongPassphraseIsNamed() throws Exception {
    KemPrivateKey sk = Hpke.generate();
    String pem = KemKeyFiles.privateToEncryptedPem(sk, PASS);
    assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertFalse(pem.contains(java.util.Base64.getEncoder().encodeToString(sk.seed())));
    assertEquals(sk, KemKeyFiles.privateFromPem(pem, PASS));
    assertThrows(WrongKemPassphraseException.class,
        () -> KemKeyFiles.privateFromPem(pem, "wrong".toCharArray()));
  }

  @Test
  void aSignatureKey_isNotAnXWingKey() throws Exception {
    io.pqzk.sig.PqKeyPair kp = io.pqzk.sig.Signatures.generateKeyPair(
        io.pqzk.sig.SignatureAlgorithm.fromName("ML-DSA-44"));
    String mlDsa = KeyCodec.publicKeyToPem(kp.publicKey());
    KemException e = assertThrows(KemException.class, () -> KemKeyFiles.publicFromPem(mlDsa));
    assertTrue(e.getMessage().contains("not X-Wing"), e.getMessage());
    assertFalse(KemKeyFiles.isXWingPublicPem(mlDsa));
  }
}
