package io.pqzk.sig;

import java.util.Objects;

/**
 * One signature to check in {@link Signatures#verifyAll}: key, options, message, signature. The
 * arrays are not copied (batches can be large); do not change them while a batch runs.
 */
public record VerificationItem(
    PqPublicKey key, SignatureOptions options, byte[] message, byte[] signature) {
  public VerificationItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
  }

  /** An item with the default options (pure, empty context). */
  public static VerificationItem of(PqPublicKey key, byte[] message, byte[] signature) {
    return new VerificationItem(key, SignatureOptions.defaults(), message, signature);
  }
}
