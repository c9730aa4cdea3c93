package io.pqzk.sig.internal.bc;

import io.pqzk.sig.MalformedKeyException;
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
import io.pqzk.sig.internal.Checks;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * BouncyCastle 1.87: every algorithm and mode. ML-DSA and SLH-DSA use BouncyCastle's lightweight
 * API directly (no JCA provider registration, so no global state); composites go through a
 * private, unregistered BouncyCastle JCA provider instance.
 */
public final class BcProvider implements SignatureProvider {
  public static final String NAME = "bc";
  private static final SecureRandom RANDOM = new SecureRandom();

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
    if (op == Operation.KEYGEN) {
      return true;
    }
    try {
      Checks.options(alg, options);
    } catch (PqSignatureException e) {
      return false;
    }
    return !alg.isComposite() || BcComposite.supports(alg, op, options);
  }

  @Override
  public PqKeyPair generateKeyPair(SignatureAlgorithm alg, SecureRandom random)
      throws PqSignatureException {
    Objects.requireNonNull(alg, "algorithm");
    SecureRandom r = random == null ? RANDOM : random;
    try {
      switch (alg.family()) {
        case ML_DSA: return BcMlDsa.generate(alg, r);
        case SLH_DSA: return BcSlhDsa.generate(alg, r);
        default: return BcComposite.generate(alg, r);
      }
    } catch (RuntimeException e) {
      throw new PqSignatureException(alg.displayName() + " key generation failed: " + e, e);
    }
  }

  @Override
  public PqKeyPair keyPairFromSeed(SignatureAlgorithm alg, byte[] seed) throws PqSignatureException {
    Objects.requireNonNull(alg, "algorithm");
    Objects.requireNonNull(seed, "seed");
    try {
      switch (alg.family()) {
        case ML_DSA: return BcMlDsa.fromSeed(alg, seed);
        case SLH_DSA: return BcSlhDsa.fromSeed(alg, seed);
        default:
          throw new UnsupportedByProviderException(NAME, "key generation from a seed for "
              + alg.displayName());
      }
    } catch (RuntimeException e) {
      throw new MalformedKeyException(alg.displayName() + " seed rejected: " + e.getMessage(), e);
    }
  }

  @Override
  public PqPrivateKey privateKeyFromExpanded(SignatureAlgorithm alg, byte[] expanded)
      throws PqSignatureException {
    Objects.requireNonNull(alg, "algorithm");
    Objects.requireNonNull(expanded, "expanded");
    try {
      switch (alg.family()) {
        case ML_DSA: return BcMlDsa.fromExpanded(alg, expanded);
        case SLH_DSA: return BcSlhDsa.fromExpanded(alg, expanded);
        default: return BcComposite.privateKey(alg, expanded);
      }
    } catch (RuntimeException e) {
      throw new MalformedKeyException(
          alg.displayName() + " private key rejected: " + e.getMessage(), e);
    }
  }

  @Override
  public Signer signer(PqPrivateKey key, SignatureOptions options) throws PqSignatureException {
    return signer(key, options, RANDOM);
  }

  /**
   * As {@link #signer(PqPrivateKey, SignatureOptions)}, hedged signing drawing its randomness
   * from {@code random} (for the JCA's {@code initSign(key, random)}).
   */
  public Signer signer(PqPrivateKey key, SignatureOptions options, SecureRandom random)
      throws PqSignatureException {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(options, "options");
    SignatureAlgorithm alg = key.algorithm();
    Checks.options(alg, options);
    if (key.isDestroyed()) {
      throw new MalformedKeyException(alg.displayName() + " private key has been destroyed");
    }
    try {
      switch (alg.family()) {
        case ML_DSA: return new BcMlDsa.MlDsaSigner(key, options, random);
        case SLH_DSA: return new BcSlhDsa.SlhDsaSigner(key, options, random);
        default: return BcComposite.signer(key, options, random);
      }
    } catch (RuntimeException e) {
      throw new MalformedKeyException(
          alg.displayName() + " private key rejected: " + e.getMessage(), e);
    }
  }

  @Override
  public Verifier verifier(PqPublicKey key, SignatureOptions options) throws PqSignatureException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(options, "options");
    SignatureAlgorithm alg = key.algorithm();
    Checks.options(alg, options);
    try {
      switch (alg.family()) {
        case ML_DSA: return new BcMlDsa.MlDsaVerifier(key, options);
        case SLH_DSA: return new BcSlhDsa.SlhDsaVerifier(key, options);
        default: return BcComposite.verifier(key, options);
      }
    } catch (RuntimeException e) {
      throw new MalformedKeyException(
          alg.displayName() + " public key rejected: " + e.getMessage(), e);
    }
  }
}
