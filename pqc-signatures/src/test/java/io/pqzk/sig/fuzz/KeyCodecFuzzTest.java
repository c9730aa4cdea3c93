package io.pqzk.sig.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.encoding.KeyCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Keys in every encoding {@link KeyCodec} reads. Input: one byte choosing the form, then the
 * bytes: 0 SubjectPublicKeyInfo DER, 1 clear PKCS#8 DER (RFC 9881 seed / expanded / both, RFC
 * 9909, composites), 2 PEM public key text, 3 PEM private key text (clear), 4 a raw public key, 5
 * a raw expanded private key, 6 a raw key-generation seed (4 to 6: the next byte picks the
 * algorithm). A key is read or refused with a {@link PqSignatureException}; a key read back
 * encodes to an encoding that reads to the same key.
 */
class KeyCodecFuzzTest {
  @FuzzTest
  @Timeout(20)
  void decode(byte[] input) throws PqSignatureException {
    if (input.length < 2) {
      return;
    }
    int form = Byte.toUnsignedInt(input[0]) % 7;
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    SignatureAlgorithm[] all = SignatureAlgorithm.values();
    SignatureAlgorithm alg = all[Byte.toUnsignedInt(input[1]) % all.length];
    byte[] raw = Arrays.copyOfRange(input, 2, input.length);
    PqPublicKey pub = null;
    PqPrivateKey priv = null;
    try {
      switch (form) {
        case 0 -> pub = KeyCodec.decodePublicKey(rest);
        case 1 -> priv = KeyCodec.decodePrivateKey(rest);
        case 2 -> pub = KeyCodec.publicKeyFromPem(new String(rest, StandardCharsets.US_ASCII));
        case 3 -> priv = KeyCodec.privateKeyFromPem(new String(rest, StandardCharsets.US_ASCII),
            null);
        case 4 -> pub = PqPublicKey.fromRaw(alg, raw);
        case 5 -> priv = Signatures.privateKeyFromExpanded(alg, raw);
        default -> priv = Signatures.privateKeyFromSeed(alg, raw);
      }
    } catch (PqSignatureException refused) {
      SigFixtures.hasMessage(refused);
      return;
    }
    if (pub != null) {
      assertEquals(pub, KeyCodec.decodePublicKey(KeyCodec.encodePublicKey(pub)));
    } else {
      PqPrivateKey again = KeyCodec.decodePrivateKey(KeyCodec.encodePrivateKeyUnencrypted(priv));
      assertEquals(priv.publicKey(), again.publicKey());
      priv.destroy();
      again.destroy();
    }
  }
}
