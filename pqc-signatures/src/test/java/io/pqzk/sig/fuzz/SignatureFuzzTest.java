package io.pqzk.sig.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.PreHash;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.encoding.KeyCodec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Signatures of every algorithm through {@code Signatures.verifier(...).verify}. Input: one byte
 * choosing the algorithm, one choosing the statement checked, then the signature. Statement 0 is
 * the one the seed signatures sign (fixture key, {@link #MESSAGE}, {@link #CONTEXT}); 1 is another
 * message, 2 another context, 3 another key of the same algorithm, 4 the same bytes as a
 * pre-hash (HashML-DSA / HashSLH-DSA) signature. Only statement 0 may verify; every refusal is a
 * {@link PqSignatureException}.
 */
class SignatureFuzzTest {
  static final byte[] MESSAGE = "pqzk fuzz: the signed message".getBytes();
  static final byte[] CONTEXT = "pqzk/fuzz".getBytes();
  static final int STATEMENTS = 5;
  private static final Map<SignatureAlgorithm, PqPublicKey[]> KEYS =
      new EnumMap<>(SignatureAlgorithm.class);

  static synchronized PqPublicKey[] keys(SignatureAlgorithm a) {
    return KEYS.computeIfAbsent(a, alg -> {
      try {
        return new PqPublicKey[] {
            KeyCodec.decodePublicKey(SigFixtures.resource("keys/" + alg.displayName() + ".spki")),
            KeyCodec.decodePublicKey(SigFixtures.resource("keys/" + alg.displayName()
                + "-other.spki"))};
      } catch (PqSignatureException e) {
        throw new IllegalStateException("fixture key of " + alg + " does not load", e);
      }
    });
  }

  @FuzzTest
  @Timeout(20)
  void verify(byte[] input) {
    if (input.length < 2) {
      return;
    }
    SignatureAlgorithm[] all = SignatureAlgorithm.values();
    SignatureAlgorithm alg = all[Byte.toUnsignedInt(input[0]) % all.length];
    int statement = Byte.toUnsignedInt(input[1]) % STATEMENTS;
    byte[] signature = Arrays.copyOfRange(input, 2, input.length);
    PqPublicKey[] keys = keys(alg);
    byte[] message = statement == 1 ? "pqzk fuzz: another message".getBytes() : MESSAGE;
    try {
      SignatureOptions opts = SignatureOptions.defaults()
          .withContext(statement == 2 ? "pqzk/fuzz2".getBytes() : CONTEXT);
      if (statement == 4) {
        opts = opts.withPreHash(PreHash.SHA2_512);
      }
      Signatures.verifier(statement == 3 ? keys[1] : keys[0], opts).verify(message, signature);
    } catch (PqSignatureException refused) {
      SigFixtures.hasMessage(refused);
      return;
    }
    if (statement != 0) {
      throw new AssertionError(alg.displayName() + " signature verified for statement "
          + statement + ", which nobody signed");
    }
  }
}
