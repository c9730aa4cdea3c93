package io.pqzk.cli.demo;

import io.pqzk.common.DurableFiles;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.records.service.KeyDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Key files of a node, in the signature module's formats: {@code NAME.ALG.pub} is PEM
 * "PUBLIC KEY" (SPKI, RFC 9881 / RFC 9909), {@code NAME.ALG.key} is PEM "ENCRYPTED PRIVATE KEY"
 * (PKCS#8 under PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC), created 0600. Both readable by
 * OpenSSL 3.5.
 * The one implementation is the records module's {@link KeyDirectory} (which also keeps X-Wing
 * keys, {@code NAME.X-Wing.*}); this class is the demo's name for it.
 */
public final class KeyFiles {
  private KeyFiles() {}

  public static Path publicFile(Path dir, String name, String algorithm) {
    return KeyDirectory.publicFile(dir, name, algorithm);
  }

  public static Path privateFile(Path dir, String name, String algorithm) {
    return KeyDirectory.privateFile(dir, name, algorithm);
  }

  /** Writes both halves of {@code key} under {@code name}. */
  public static void write(Path dir, String name, LedgerSigningKey key, char[] passphrase)
      throws IOException {
    KeyDirectory.write(dir, name, key, passphrase);
  }

  /** Reads a key pair written by {@link #write}; checks the private half matches the public. */
  public static LedgerSigningKey read(Path dir, String name, String algorithm, char[] passphrase)
      throws GeneralSecurityException {
    return KeyDirectory.signing(dir, name, algorithm, passphrase);
  }

  /** Writes {@code data} durably ({@link DurableFiles}); secrets are 0600 from birth. */
  public static void atomicWrite(Path file, byte[] data, boolean secret) throws IOException {
    DurableFiles.write(file, data, secret ? DurableFiles.Access.SECRET : DurableFiles.Access.PUBLIC,
        DurableFiles.Existing.REPLACE);
  }
}
