package io.pqzk.sig.internal.fast;

import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureOptions.Input;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Verifier;
import io.pqzk.sig.internal.MessageFormat;
import java.util.Objects;

/**
 * An ML-DSA {@link Verifier} on the pure-Java core: mu = H(tr || M', 64) (FIPS 204 Alg. 7
 * line 6, with M' from {@link MessageFormat}: pure, HashML-DSA, M' given, or mu given), then
 * {@link MlDsaVerify} with the key's cached expansion. Thread-safe and immutable.
 */
final class FastMlDsaVerifier implements Verifier {
  private final MlDsaExpandedKey key;
  private final SignatureOptions options;
  /** 0 || |ctx| || ctx, or 1 || |ctx| || ctx || OID(PH); null for the internal interfaces. */
  private final byte[] prefix;

  FastMlDsaVerifier(PqPublicKey publicKey, SignatureOptions options, MlDsaKeyCache cache) {
    MlDsaParams p = MlDsaParams.of(publicKey.algorithm());
    this.key = cache.get(p, publicKey.raw());
    this.options = options;
    this.prefix = MessageFormat.prefix(options);
  }

  @Override
  public void verify(byte[] message, byte[] signature) throws SignatureVerificationException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    MlDsaParams p = key.params;
    if (signature.length != p.signatureBytes) {
      throw new SignatureVerificationException(p.algorithm.displayName() + " signature has "
          + signature.length + " bytes, expected " + p.signatureBytes);
    }
    byte[] mu;
    if (options.input() == Input.EXTERNAL_MU) {
      if (message.length != MessageFormat.MU_LENGTH) {
        throw new SignatureVerificationException("mu has " + message.length + " bytes, expected "
            + MessageFormat.MU_LENGTH);
      }
      mu = message;
    } else {
      mu = Shake.shake256(MessageFormat.MU_LENGTH, key.tr, prefix,
          MessageFormat.body(message, options));
    }
    MlDsaVerify.verify(key, mu, signature);
  }
}
