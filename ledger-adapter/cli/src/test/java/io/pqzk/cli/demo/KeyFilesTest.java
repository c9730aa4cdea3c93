package io.pqzk.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  @Test
  void writeThenRead_signsForSamePublicKey_wrongPassphraseThrows(@TempDir Path dir)
      throws Exception {
    LedgerSigningKey k = Signatures.generate("ML-DSA-65");
    KeyFiles.write(dir, "v", k, "correct horse".toCharArray());
    Path priv = KeyFiles.privateFile(dir, "v", "ML-DSA-65");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
    assertTrue(Files.readString(priv).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    LedgerSigningKey back = KeyFiles.read(dir, "v", "ML-DSA-65", "correct horse".toCharArray());
    byte[] sig = Signatures.sign(back, new byte[] {1}, new byte[0]);
    Signatures.verify(k.publicKey(), new byte[] {1}, new byte[0], sig);
    assertThrows(GeneralSecurityException.class,
        () -> KeyFiles.read(dir, "v", "ML-DSA-65", "wrong".toCharArray()));
  }
}
