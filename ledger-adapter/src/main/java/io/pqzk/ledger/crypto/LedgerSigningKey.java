package io.pqzk.ledger.crypto;

import java.security.PrivateKey;

/**
 * A private key with its public half. Never printed; {@link #destroy()} drops the reference to
 * the key material (the provider owns the bytes, so wiping is best effort).
 */
public final class LedgerSigningKey {
  private final LedgerPublicKey publicKey;
  private PrivateKey key;

  LedgerSigningKey(LedgerPublicKey publicKey, PrivateKey key) {
    this.publicKey = publicKey;
    this.key = key;
  }

  public LedgerPublicKey publicKey() {
    return publicKey;
  }

  public String algorithm() {
    return publicKey.algorithm();
  }

  PrivateKey jcaKey() {
    if (key == null) {
      throw new IllegalStateException("signing key was destroyed");
    }
    return key;
  }

  public void destroy() {
    key = null;
  }

  @Override
  public String toString() {
    return "LedgerSigningKey[" + publicKey + ", private part redacted]";
  }
}
