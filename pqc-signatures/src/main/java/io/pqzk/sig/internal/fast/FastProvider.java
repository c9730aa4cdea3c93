package io.pqzk.sig.internal.fast;

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
 * The {@code pqzk} provider: verification by this package's pure-Java cores, ML-DSA (FIPS 204
 * Alg. 8, every public key expanded once and cached, see {@link MlDsaKeyCache}) and
 * SLH-DSA-SHA2 (FIPS 205 Alg. 20 on the JDK's SHA-256/SHA-512, see {@link SlhDsaSha2Verify});
 * the SLH-DSA-SHAKE sets and the composites are verified by BouncyCastle. Key generation, key
 * import and signing are delegated to the provider given (the automatic choice: BouncyCastle, or
 * the JDK for the requests it would serve).
 *
 * <p>It accepts exactly the requests its delegates accept, and verifies every mode (pure,
 * context, HashML-DSA / HashSLH-DSA with every pre-hash, the internal interface, external mu)
 * with the same verdicts as BouncyCastle.
 */
public final class FastProvider implements SignatureProvider {
  public static final String NAME = "pqzk";
  /** Expanded ML-DSA public keys, shared by every verifier of this provider. */
  static final MlDsaKeyCache ML_DSA_KEYS = new MlDsaKeyCache(MlDsaKeyCache.configuredCapacity());

  private final SignatureProvider signing;
  private final SignatureProvider fallbackVerify;

  /**
   * @param signing serves key generation, key import and signing
   * @param fallbackVerify verifies what the cores do not cover (SLH-DSA-SHAKE, composites)
   */
  public FastProvider(SignatureProvider signing, SignatureProvider fallbackVerify) {
    this.signing = Objects.requireNonNull(signing, "signing");
    this.fallbackVerify = Objects.requireNonNull(fallbackVerify, "fallbackVerify");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  /** Whether the pure-Java cores verify {@code alg} (otherwise the fallback does). */
  public static boolean verifiesNatively(SignatureAlgorithm alg) {
    return alg.isMlDsa() || SlhDsaParams.of(alg) != null;
  }

  @Override
  public boolean supports(Operation op, SignatureAlgorithm alg, SignatureOptions options) {
    if (op != Operation.VERIFY) {
      return signing.supports(op, alg, options);
    }
    if (!verifiesNatively(alg)) {
      return fallbackVerify.supports(op, alg, options);
    }
    try {
      Checks.options(alg, options);
      return true;
    } catch (PqSignatureException e) {
      return false;
    }
  }

  @Override
  public PqKeyPair generateKeyPair(SignatureAlgorithm alg, SecureRandom random)
      throws PqSignatureException {
    return signing.generateKeyPair(alg, random);
  }

  @Override
  public PqKeyPair keyPairFromSeed(SignatureAlgorithm alg, byte[] seed)
      throws PqSignatureException {
    return signing.keyPairFromSeed(alg, seed);
  }

  @Override
  public PqPrivateKey privateKeyFromExpanded(SignatureAlgorithm alg, byte[] expanded)
      throws PqSignatureException {
    return signing.privateKeyFromExpanded(alg, expanded);
  }

  @Override
  public Signer signer(PqPrivateKey key, SignatureOptions options) throws PqSignatureException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(options, "options");
    if (!signing.supports(Operation.SIGN, key.algorithm(), options)) {
      Checks.options(key.algorithm(), options);
      throw new UnsupportedByProviderException(NAME, "SIGN for " + key.algorithm().displayName()
          + " " + options);
    }
    return signing.signer(key, options);
  }

  @Override
  public Verifier verifier(PqPublicKey key, SignatureOptions options) throws PqSignatureException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(options, "options");
    SignatureAlgorithm alg = key.algorithm();
    if (!verifiesNatively(alg)) {
      return fallbackVerify.verifier(key, options);
    }
    Checks.options(alg, options);
    if (alg.isMlDsa()) {
      return new FastMlDsaVerifier(key, options, ML_DSA_KEYS);
    }
    return new FastSlhDsaVerifier(key, options);
  }
}
