package io.pqzk.replication;

import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * A validator node's signing keys, read from its encrypted key files (PEM PKCS#8 under the
 * signature module's encryption) with the passphrase from the first line of a file, so that a
 * node starts unattended. The passphrase is wiped once the keys are decrypted.
 */
final class NodeKeys {
  private NodeKeys() {}

  static ProposerKeys load(NodeSettings s, Genesis genesis) throws ConfigException {
    char[] pass = passphrase(s.passphraseFile());
    try {
      return new ProposerKeys(s.nodeId(),
          key(genesis.blockAlgorithm(), s.mlDsaPublic(), s.mlDsaPrivate(), pass),
          key(genesis.slhDsaAlgorithm(), s.slhDsaPublic(), s.slhDsaPrivate(), pass));
    } finally {
      Arrays.fill(pass, '\0');
    }
  }

  private static LedgerSigningKey key(String algorithm, Path pub, Path priv, char[] pass)
      throws ConfigException {
    try {
      LedgerPublicKey p = Signatures.publicKeyFromPem(algorithm,
          Files.readString(pub, StandardCharsets.US_ASCII));
      return Signatures.decryptPrivate(p, Files.readString(priv, StandardCharsets.US_ASCII),
          pass);
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException("cannot read the " + algorithm + " key " + priv + ": "
          + e.getMessage(), e);
    }
  }

  static char[] passphrase(Path file) throws ConfigException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read the passphrase file " + file + ": " + e.getMessage(),
          e);
    }
    try {
      int end = 0;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      CharBuffer cb = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes, 0, end));
      char[] out = new char[cb.remaining()];
      cb.get(out);
      Arrays.fill(cb.array(), '\0');
      if (out.length == 0) {
        throw new ConfigException("the passphrase file " + file + " has an empty first line");
      }
      return out;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
