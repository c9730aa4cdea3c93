package io.pqzk.records.service;

import io.pqzk.common.DurableFiles;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.kem.KemException;
import io.pqzk.records.kem.KemKeyFiles;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.kem.KemPublicKey;
import io.pqzk.records.kem.XWing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * A node's key files: {@code NAME.ALG.pub} (PEM "PUBLIC KEY", SPKI) and {@code NAME.ALG.key} (PEM
 * "ENCRYPTED PRIVATE KEY", PKCS#8 under PBES2 with PBKDF2 and AES-256-CBC, mode 0600), for the
 * ledger's signature keys (ALG an ML-DSA or SLH-DSA parameter set) and for X-Wing KEM keys (ALG
 * {@code X-Wing}). Written durably; read with the private half checked against the public one.
 */
public final class KeyDirectory {
  private KeyDirectory() {}

  public static Path publicFile(Path dir, String name, String algorithm) {
    return dir.resolve(name + "." + algorithm + ".pub");
  }

  public static Path privateFile(Path dir, String name, String algorithm) {
    return dir.resolve(name + "." + algorithm + ".key");
  }

  /** Writes both halves of a signature key. */
  public static void write(Path dir, String name, LedgerSigningKey key, char[] passphrase)
      throws IOException {
    Files.createDirectories(dir);
    write(publicFile(dir, name, key.algorithm()), Signatures.publicKeyToPem(key.publicKey()),
        false);
    write(privateFile(dir, name, key.algorithm()), Signatures.encryptPrivate(key, passphrase),
        true);
  }

  /** Writes both halves of an X-Wing key. */
  public static void write(Path dir, String name, KemPrivateKey key, char[] passphrase)
      throws IOException {
    Files.createDirectories(dir);
    write(publicFile(dir, name, XWing.NAME), KemKeyFiles.publicToPem(key.publicKey()), false);
    write(privateFile(dir, name, XWing.NAME), KemKeyFiles.privateToEncryptedPem(key,
        passphrase), true);
  }

  private static void write(Path file, String pem, boolean secret) throws IOException {
    DurableFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII),
        secret ? DurableFiles.Access.SECRET : DurableFiles.Access.PUBLIC,
        DurableFiles.Existing.REPLACE);
  }

  private static String read(Path file) throws InvalidRecordInputException {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new InvalidRecordInputException("key file " + file + " does not exist");
    } catch (IOException e) {
      throw new InvalidRecordInputException("cannot read key file " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** The public half of a signature key. */
  public static LedgerPublicKey signingPublic(Path dir, String name, String algorithm)
      throws InvalidRecordInputException {
    try {
      return Signatures.publicKeyFromPem(algorithm, read(publicFile(dir, name, algorithm)));
    } catch (GeneralSecurityException e) {
      throw new InvalidRecordInputException(publicFile(dir, name, algorithm) + ": "
          + e.getMessage(), e);
    }
  }

  /** A signature key pair; the private half must match the public one. */
  public static LedgerSigningKey signing(Path dir, String name, String algorithm,
      char[] passphrase) throws InvalidRecordInputException {
    LedgerPublicKey pub = signingPublic(dir, name, algorithm);
    try {
      return Signatures.decryptPrivate(pub, read(privateFile(dir, name, algorithm)), passphrase);
    } catch (GeneralSecurityException e) {
      throw new InvalidRecordInputException(privateFile(dir, name, algorithm) + ": "
          + e.getMessage() + " (wrong passphrase, or the file was altered)", e);
    }
  }

  /** The public half of an X-Wing key. */
  public static KemPublicKey kemPublic(Path dir, String name) throws InvalidRecordInputException {
    try {
      return KemKeyFiles.publicFromPem(read(publicFile(dir, name, XWing.NAME)));
    } catch (KemException e) {
      throw new InvalidRecordInputException(publicFile(dir, name, XWing.NAME) + ": "
          + e.getMessage(), e);
    }
  }

  /** An X-Wing key pair; the private half must match the public one. */
  public static KemPrivateKey kem(Path dir, String name, char[] passphrase)
      throws InvalidRecordInputException {
    KemPublicKey pub = kemPublic(dir, name);
    KemPrivateKey k;
    try {
      k = KemKeyFiles.privateFromPem(read(privateFile(dir, name, XWing.NAME)), passphrase);
    } catch (KemException e) {
      throw new InvalidRecordInputException(privateFile(dir, name, XWing.NAME) + ": "
          + e.getMessage(), e);
    }
    if (!k.publicKey().equals(pub)) {
      k.destroy();
      throw new InvalidRecordInputException(privateFile(dir, name, XWing.NAME)
          + " does not match " + publicFile(dir, name, XWing.NAME));
    }
    return k;
  }
}
