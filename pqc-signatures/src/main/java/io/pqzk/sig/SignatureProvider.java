package io.pqzk.sig;

import java.security.SecureRandom;

/**
 * An implementation of the signature algorithms (BouncyCastle, the JDK's own ML-DSA, this
 * module's pure-Java verifiers, or the automatic choice between BouncyCastle and the JDK).
 * Obtain one from {@link Signatures#provider(String)}.
 *
 * <p>Keys are provider-neutral ({@link PqPublicKey}, {@link PqPrivateKey} hold raw bytes), so a
 * key made by one provider signs or verifies with another. Every method either succeeds or throws
 * a {@link PqSignatureException} subclass; unchecked exceptions from inside a provider library
 * are wrapped.
 */
public interface SignatureProvider {

  /** The operations a provider may or may not support for a given request. */
  enum Operation {
    KEYGEN,
    SIGN,
    VERIFY
  }

  /** Short name: "bc", "jdk", "pqzk" or "auto". */
  String name();

  /** Whether this provider can run on this JVM at all (the JDK provider needs JDK 24+). */
  boolean isAvailable();

  /**
   * Whether {@code operation} on {@code algorithm} with {@code options} is supported. Key
   * generation ignores the options.
   */
  boolean supports(Operation operation, SignatureAlgorithm algorithm, SignatureOptions options);

  /** A fresh key pair from {@code random}. */
  PqKeyPair generateKeyPair(SignatureAlgorithm algorithm, SecureRandom random)
      throws PqSignatureException;

  /**
   * The key pair determined by {@code seed}: ML-DSA xi (32 bytes, FIPS 204 Alg. 6) or SLH-DSA
   * SK.seed || SK.prf || PK.seed (3n bytes, FIPS 205 Alg. 18).
   *
   * @throws WrongLengthException if the seed has the wrong length
   */
  PqKeyPair keyPairFromSeed(SignatureAlgorithm algorithm, byte[] seed) throws PqSignatureException;

  /**
   * The private key (and its derived public key) from an expanded encoding alone, as ACVP
   * sigGen files give it. For ML-DSA the public key is derived from s1, s2 (t = A s1 + s2) and
   * checked against tr; for SLH-DSA it is the key's last 2n bytes.
   *
   * @throws WrongLengthException if the encoding has the wrong length
   * @throws MalformedKeyException if its parts are inconsistent
   */
  PqPrivateKey privateKeyFromExpanded(SignatureAlgorithm algorithm, byte[] expanded)
      throws PqSignatureException;

  /**
   * A signer bound to {@code key} and {@code options}.
   *
   * @throws UnsupportedByProviderException if this provider cannot serve the request
   * @throws MalformedKeyException if the key is rejected
   */
  Signer signer(PqPrivateKey key, SignatureOptions options) throws PqSignatureException;

  /**
   * A verifier bound to {@code key} and {@code options}.
   *
   * @throws UnsupportedByProviderException if this provider cannot serve the request
   * @throws MalformedKeyException if the key is rejected
   */
  Verifier verifier(PqPublicKey key, SignatureOptions options) throws PqSignatureException;
}
