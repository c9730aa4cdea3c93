package io.pqzk.sig.internal;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureProvider;
import io.pqzk.sig.Signer;
import io.pqzk.sig.UnsupportedByProviderException;
import io.pqzk.sig.Verifier;
import java.security.SecureRandom;
import java.util.List;

/**
 * The default provider: for each operation, the first provider in preference order that is
 * available and supports the request. The order puts the JDK's ML-DSA first because it is the
 * faster one on the machines measured (notes/signatures.md: JDK 25 signs ML-DSA-65 in 194 us
 * against BouncyCastle's 367 us); key generation and import always use the complete provider,
 * since only it yields seed-form keys.
 */
public final class AutoProvider implements SignatureProvider {
  public static final String NAME = "auto";
  private final List<SignatureProvider> preference;
  private final SignatureProvider complete;

  public AutoProvider(List<SignatureProvider> preference, SignatureProvider complete) {
    this.preference = List.copyOf(preference);
    this.complete = complete;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public boolean supports(Operation op, SignatureAlgorithm alg, SignatureOptions options) {
    return choose(op, alg, options) != null;
  }

  /** The provider that would serve the request, or {@code null}. */
  public SignatureProvider choose(Operation op, SignatureAlgorithm alg, SignatureOptions options) {
    for (SignatureProvider p : preference) {
      if (p.isAvailable() && p.supports(op, alg, options)) {
        return p;
      }
    }
    return null;
  }

  private SignatureProvider require(Operation op, SignatureAlgorithm alg, SignatureOptions o)
      throws PqSignatureException {
    Checks.options(alg, o);
    SignatureProvider p = choose(op, alg, o);
    if (p == null) {
      throw new UnsupportedByProviderException(NAME, op + " for " + alg.displayName() + " " + o);
    }
    return p;
  }

  @Override
  public PqKeyPair generateKeyPair(SignatureAlgorithm alg, SecureRandom random)
      throws PqSignatureException {
    return complete.generateKeyPair(alg, random);
  }

  @Override
  public PqKeyPair keyPairFromSeed(SignatureAlgorithm alg, byte[] seed) throws PqSignatureException {
    return complete.keyPairFromSeed(alg, seed);
  }

  @Override
  public PqPrivateKey privateKeyFromExpanded(SignatureAlgorithm alg, byte[] expanded)
      throws PqSignatureException {
    return complete.privateKeyFromExpanded(alg, expanded);
  }

  /**
   * The preferred provider's signer; if it refuses this particular key (the JDK cannot take a
   * seed-only key), the next provider that supports the request.
   */
  @Override
  public Signer signer(PqPrivateKey key, SignatureOptions options) throws PqSignatureException {
    SignatureProvider first = require(Operation.SIGN, key.algorithm(), options);
    try {
      return first.signer(key, options);
    } catch (UnsupportedByProviderException e) {
      if (first == complete) {
        throw e;
      }
      return complete.signer(key, options);
    }
  }

  @Override
  public Verifier verifier(PqPublicKey key, SignatureOptions options) throws PqSignatureException {
    return require(Operation.VERIFY, key.algorithm(), options).verifier(key, options);
  }
}
