package io.pqzk.sig.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.encoding.KeyCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Encrypted private keys (EncryptedPrivateKeyInfo, PBES2) as {@code pqzk sign} reads them: DER
 * through {@link KeyCodec#decryptPrivateKey} or PEM through {@link KeyCodec#privateKeyFromPem}
 * (first byte: even DER, odd PEM), with the passphrase the seeds were encrypted under. The key
 * derivation's declared work (scrypt N, r, p; PBKDF2 iterations) is bounded before any work is
 * done, so no input runs past the per-input limit or needs more than the fuzzing heap; every
 * refusal is a {@link PqSignatureException}.
 */
class EncryptedKeyFuzzTest {
  static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

  @FuzzTest
  @Timeout(20)
  void decrypt(byte[] input) {
    if (input.length < 1) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    PqPrivateKey key;
    try {
      key = (input[0] & 1) == 0 ? KeyCodec.decryptPrivateKey(rest, PASSPHRASE.clone())
          : KeyCodec.privateKeyFromPem(new String(rest, StandardCharsets.US_ASCII),
              PASSPHRASE.clone());
    } catch (PqSignatureException refused) {
      SigFixtures.hasMessage(refused);
      return;
    }
    key.destroy();
  }
}
