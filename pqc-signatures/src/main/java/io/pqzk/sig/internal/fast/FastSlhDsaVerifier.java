package io.pqzk.sig.internal.fast;

import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Verifier;
import io.pqzk.sig.internal.MessageFormat;
import java.util.Objects;

/**
 * An SLH-DSA-SHA2 {@link Verifier} on the pure-Java core: M' from {@link MessageFormat} (pure,
 * HashSLH-DSA with any pre-hash, or M' given for the internal interface; FIPS 205 Alg. 24 and 25
 * reduce to Alg. 20), then {@link SlhDsaSha2Verify}. The seeded hash states are made once, when
 * the verifier is built. Thread-safe and immutable.
 */
final class FastSlhDsaVerifier implements Verifier {
  private final SlhDsaSha2Key key;
  private final SignatureOptions options;
  private final byte[] prefix;

  FastSlhDsaVerifier(PqPublicKey publicKey, SignatureOptions options) {
    this.key = new SlhDsaSha2Key(SlhDsaParams.of(publicKey.algorithm()), publicKey.raw());
    this.options = options;
    this.prefix = MessageFormat.prefix(options);
  }

  @Override
  public void verify(byte[] message, byte[] signature) throws SignatureVerificationException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    SlhDsaParams p = key.params;
    if (signature.length != p.signatureBytes) {
      throw new SignatureVerificationException(p.algorithm.displayName() + " signature has "
          + signature.length + " bytes, expected " + p.signatureBytes);
    }
    SlhDsaSha2Verify.verify(key, prefix, MessageFormat.body(message, options), signature);
  }
}
