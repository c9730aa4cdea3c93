package io.pqzk.cli;

import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An attester's key pair as {@code pqzk keygen} writes it (FILE: PKCS#8 PEM, encrypted or clear;
 * FILE.pub: SPKI PEM), read through the ledger's door to the signatures, {@link Signatures}, so
 * the private key is checked against its public key.
 */
final class AttesterKeys {
  private AttesterKeys() {}

  static LedgerSigningKey read(Path file, boolean mlDsa, Path passphraseFile) {
    Path pubFile = Path.of(file + ".pub");
    String pubPem = new String(CliFiles.read("--key", pubFile), StandardCharsets.US_ASCII);
    LedgerPublicKey pub = publicKey(pubFile, pubPem, mlDsa);
    byte[] raw = CliFiles.read("--key", file);
    String pem = new String(raw, StandardCharsets.US_ASCII);
    Arrays.fill(raw, (byte) 0);
    char[] pass = pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        ? Passphrases.forDecrypt(passphraseFile, file) : new char[0];
    try {
      return Signatures.decryptPrivate(pub, pem, pass);
    } catch (GeneralSecurityException e) {
      throw CliException.badInput(file + ": " + e.getMessage());
    } finally {
      Arrays.fill(pass, '\0');
    }
  }

  private static LedgerPublicKey publicKey(Path file, String pem, boolean mlDsa) {
    List<String> tried = new ArrayList<>();
    for (String alg : Signatures.ALGORITHMS.stream().sorted().toList()) {
      if (mlDsa ? !Signatures.isMlDsa(alg) : !Signatures.isSlhDsa(alg)) {
        continue;
      }
      try {
        return Signatures.publicKeyFromPem(alg, pem);
      } catch (GeneralSecurityException e) {
        tried.add(alg);
      }
    }
    throw CliException.badInput(file + " is not an " + (mlDsa ? "ML-DSA" : "SLH-DSA")
        + " public key (PEM \"PUBLIC KEY\")");
  }
}
