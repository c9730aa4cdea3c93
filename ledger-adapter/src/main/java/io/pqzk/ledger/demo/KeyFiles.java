package io.pqzk.ledger.demo;

import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.crypto.UnsupportedAlgorithmException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key files of a node: {@code NAME.ALG.pub} holds the SPKI encoding, {@code NAME.ALG.key} the
 * private key (its seed form) encrypted at rest with AES-256-GCM under a PBKDF2-HMAC-SHA256 key
 * (file: {@code "PQZKKEY1" | u32 iterations | salt[16] | nonce[12] | ciphertext+tag}, the
 * header authenticated as associated data). Private files are created 0600.
 *
 * <p>TODO(sig): move to the signature module's encrypted key format once it is merged.
 */
public final class KeyFiles {
  private static final byte[] MAGIC = "PQZKKEY1".getBytes(StandardCharsets.US_ASCII);
  private static final int ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();

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
    atomicWrite(publicFile(dir, name, key.algorithm()), key.publicKey().spki(), false);
    byte[] seed = Signatures.encodePrivate(key);
    try {
      atomicWrite(privateFile(dir, name, key.algorithm()), encrypt(seed, passphrase), true);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Reads a key pair written by {@link #write}; checks the private half matches the public. */
  public static LedgerSigningKey read(Path dir, String name, String algorithm, char[] passphrase)
      throws IOException, GeneralSecurityException, UnsupportedAlgorithmException {
    LedgerPublicKey pub = Signatures.publicKey(algorithm,
        Files.readAllBytes(publicFile(dir, name, algorithm)));
    byte[] seed = decrypt(Files.readAllBytes(privateFile(dir, name, algorithm)), passphrase);
    try {
      return Signatures.decodePrivate(pub, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  static byte[] encrypt(byte[] plain, char[] passphrase) {
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(nonce);
    byte[] header = ByteBuffer.allocate(MAGIC.length + 4 + 16 + 12).put(MAGIC)
        .putInt(ITERATIONS).put(salt).put(nonce).array();
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, derive(passphrase, salt, ITERATIONS),
          new GCMParameterSpec(128, nonce));
      c.updateAAD(header);
      byte[] ct = c.doFinal(plain);
      return ByteBuffer.allocate(header.length + ct.length).put(header).put(ct).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every Java platform", e);
    }
  }

  static byte[] decrypt(byte[] file, char[] passphrase) throws GeneralSecurityException {
    int headerLength = MAGIC.length + 4 + 16 + 12;
    if (file.length < headerLength + 16
        || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
      throw new GeneralSecurityException("not a pqzk encrypted key file");
    }
    ByteBuffer b = ByteBuffer.wrap(file);
    b.position(MAGIC.length);
    int iterations = b.getInt();
    if (iterations < 10_000 || iterations > 10_000_000) {
      throw new GeneralSecurityException("implausible key derivation iteration count");
    }
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    b.get(salt).get(nonce);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, derive(passphrase, salt, iterations),
        new GCMParameterSpec(128, nonce));
    c.updateAAD(file, 0, headerLength);
    try {
      return c.doFinal(file, headerLength, file.length - headerLength);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new GeneralSecurityException("wrong passphrase or damaged key file", e);
    }
  }

  private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations)
      throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
    try {
      byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
      SecretKeySpec key = new SecretKeySpec(k, "AES");
      Arrays.fill(k, (byte) 0);
      return key;
    } finally {
      spec.clearPassword();
    }
  }

  /** Writes via a temporary file and an atomic rename; private files are 0600 from birth. */
  public static void atomicWrite(Path file, byte[] data, boolean secret) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
        java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
