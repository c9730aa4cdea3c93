package io.pqzk.cli.demo;

import io.pqzk.common.DurableFiles;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.crypto.UnsupportedAlgorithmException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Key files of a node, in the signature module's formats: {@code NAME.ALG.pub} is PEM
 * "PUBLIC KEY" (SPKI, RFC 9881 / RFC 9909), {@code NAME.ALG.key} is PEM "ENCRYPTED PRIVATE KEY"
 * (PKCS#8 under PBES2 with scrypt and AES-256-GCM), created 0600. Both readable by OpenSSL 3.5.
 */
public final class KeyFiles {
  private KeyFiles() {}

  public static Path publicFile(Path dir, String name, String algorithm) {
    return dir.resolve(name + "." + algorithm + ".pub");
  }

  public static Path privateFile(Path dir, String name, String algorithm) {
    return dir.resolve(name + "." + algorithm + ".key");
  }

  /** Writes both halves of {@code key} under {@code name}. */
  public static void write(Path dir, String name, LedgerSigningKey key, char[] passphrase)
      throws IOException {
    Files.createDirectories(dir);
    atomicWrite(publicFile(dir, name, key.algorithm()),
        Signatures.publicKeyToPem(key.publicKey()).getBytes(StandardCharsets.US_ASCII), false);
    atomicWrite(privateFile(dir, name, key.algorithm()),
        Signatures.encryptPrivate(key, passphrase).getBytes(StandardCharsets.US_ASCII), true);
  }

  /** Reads a key pair written by {@link #write}; checks the private half matches the public. */
  public static LedgerSigningKey read(Path dir, String name, String algorithm, char[] passphrase)
      throws IOException, GeneralSecurityException, UnsupportedAlgorithmException {
    String pubPem = Files.readString(publicFile(dir, name, algorithm), StandardCharsets.US_ASCII);
    LedgerPublicKey pub = Signatures.publicKeyFromPem(algorithm, pubPem);
    String keyPem = Files.readString(privateFile(dir, name, algorithm), StandardCharsets.US_ASCII);
    return Signatures.decryptPrivate(pub, keyPem, passphrase);
  }

  /** Writes {@code data} durably ({@link DurableFiles}); secrets are 0600 from birth. */
  public static void atomicWrite(Path file, byte[] data, boolean secret) throws IOException {
    DurableFiles.write(file, data, secret ? DurableFiles.Access.SECRET : DurableFiles.Access.PUBLIC,
        DurableFiles.Existing.REPLACE);
  }
}
