package io.pqzk.sig;

import java.util.Objects;

/** A private key and its public key. */
public record PqKeyPair(PqPublicKey publicKey, PqPrivateKey privateKey) {
  public PqKeyPair {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKey, "privateKey");
    if (!privateKey.publicKey().equals(publicKey)) {
      throw new IllegalArgumentException("public key does not belong to the private key");
    }
  }

  public SignatureAlgorithm algorithm() {
    return publicKey.algorithm();
  }
}
