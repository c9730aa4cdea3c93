package io.pqzk.sig.internal.bc;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Signer;
import io.pqzk.sig.Verifier;
import io.pqzk.sig.WrongLengthException;
import io.pqzk.sig.internal.Checks;
import io.pqzk.sig.internal.MessageFormat;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.SLHDSAParameters;
import org.bouncycastle.crypto.params.SLHDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.SLHDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.slhdsa.SLHDSAEngine;

/**
 * FIPS 205 SLH-DSA on BouncyCastle's engine. M' is formatted by {@link MessageFormat} (pure or
 * HashSLH-DSA with any pre-hash) and handed to slh_sign_internal / slh_verify_internal (FIPS 205
 * Alg. 19/20), so every mode shares one path.
 */
final class BcSlhDsa {
  private BcSlhDsa() {}

  static SLHDSAParameters params(SignatureAlgorithm alg) {
    switch (alg) {
      case SLH_DSA_SHA2_128S: return SLHDSAParameters.sha2_128s;
      case SLH_DSA_SHAKE_128S: return SLHDSAParameters.shake_128s;
      case SLH_DSA_SHA2_128F: return SLHDSAParameters.sha2_128f;
      case SLH_DSA_SHAKE_128F: return SLHDSAParameters.shake_128f;
      case SLH_DSA_SHA2_192S: return SLHDSAParameters.sha2_192s;
      case SLH_DSA_SHAKE_192S: return SLHDSAParameters.shake_192s;
      case SLH_DSA_SHA2_192F: return SLHDSAParameters.sha2_192f;
      case SLH_DSA_SHAKE_192F: return SLHDSAParameters.shake_192f;
      case SLH_DSA_SHA2_256S: return SLHDSAParameters.sha2_256s;
      case SLH_DSA_SHAKE_256S: return SLHDSAParameters.shake_256s;
      case SLH_DSA_SHA2_256F: return SLHDSAParameters.sha2_256f;
      case SLH_DSA_SHAKE_256F: return SLHDSAParameters.shake_256f;
      default: throw new IllegalArgumentException("not SLH-DSA: " + alg);
    }
  }

  /** FIPS 205 Alg. 18 slh_keygen_internal(SK.seed, SK.prf, PK.seed). */
  static PqKeyPair fromSeed(SignatureAlgorithm alg, byte[] seed) throws PqSignatureException {
    if (seed.length != alg.seedLength()) {
      throw new WrongLengthException(alg.displayName()
          + " seed SK.seed||SK.prf||PK.seed", seed.length, alg.seedLength());
    }
    int n = alg.securityParameter();
    byte[] skSeed = Arrays.copyOfRange(seed, 0, n);
    byte[] skPrf = Arrays.copyOfRange(seed, n, 2 * n);
    byte[] pkSeed = Arrays.copyOfRange(seed, 2 * n, 3 * n);
    AsymmetricCipherKeyPair kp = SLHDSAEngine.implGenerateKeyPair(params(alg), skSeed, skPrf, pkSeed);
    SLHDSAPrivateKeyParameters sk = (SLHDSAPrivateKeyParameters) kp.getPrivate();
    byte[] encoded = sk.getEncoded();
    try {
      PqPublicKey pk = PqPublicKey.fromRaw(alg, ((SLHDSAPublicKeyParameters) kp.getPublic()).getEncoded());
      return new PqKeyPair(pk, PqPrivateKey.fromPartsUnchecked(alg, null, encoded, pk));
    } finally {
      Arrays.fill(skSeed, (byte) 0);
      Arrays.fill(skPrf, (byte) 0);
      Arrays.fill(encoded, (byte) 0);
      sk.destroy();
    }
  }

  static PqKeyPair generate(SignatureAlgorithm alg, SecureRandom random) throws PqSignatureException {
    byte[] seed = new byte[alg.seedLength()];
    random.nextBytes(seed);
    try {
      return fromSeed(alg, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Imports SK.seed || SK.prf || PK.seed || PK.root (FIPS 205 §9.1). The public key is its last
   * 2n bytes; PK.root is not recomputed (that is a full top-tree computation, as costly as key
   * generation), so a key with a wrong root signs signatures that do not verify.
   */
  static PqPrivateKey fromExpanded(SignatureAlgorithm alg, byte[] expanded) throws PqSignatureException {
    if (expanded.length != alg.privateKeyLength()) {
      throw new WrongLengthException(alg.displayName() + " private key", expanded.length,
          alg.privateKeyLength());
    }
    int n = alg.securityParameter();
    PqPublicKey pk = PqPublicKey.fromRaw(alg, Arrays.copyOfRange(expanded, 2 * n, 4 * n));
    return PqPrivateKey.fromPartsUnchecked(alg, null, expanded, pk);
  }

  static final class SlhDsaSigner implements Signer {
    private final SignatureAlgorithm alg;
    private final SLHDSAPrivateKeyParameters sk;
    private final SignatureOptions options;
    private final SecureRandom random;

    SlhDsaSigner(PqPrivateKey key, SignatureOptions options, SecureRandom random) {
      this.alg = key.algorithm();
      byte[] encoded = key.expanded().orElseThrow();
      this.sk = new SLHDSAPrivateKeyParameters(params(alg), encoded);
      Arrays.fill(encoded, (byte) 0);
      this.options = options;
      this.random = random;
    }

    @Override
    public byte[] sign(byte[] message) throws PqSignatureException {
      byte[] optRand;
      switch (options.randomness()) {
        case DETERMINISTIC: optRand = sk.getPublicSeed(); break; // FIPS 205 Alg. 19 line 2
        case GIVEN: optRand = Checks.givenRandomness(alg, options); break;
        default:
          optRand = new byte[alg.randomnessLength()];
          random.nextBytes(optRand);
      }
      byte[] prefix = MessageFormat.prefix(options);
      byte[] body = MessageFormat.body(message, options);
      byte[] skSeed = sk.getSeed();
      byte[] skPrf = sk.getPrf();
      try {
        return SLHDSAEngine.internalGenerateSignature(sk.getParameters(), skSeed, skPrf,
            sk.getPublicSeed(), sk.getRoot(), prefix, body, optRand);
      } catch (RuntimeException e) {
        throw new PqSignatureException(alg.displayName() + " signing failed: " + e.getMessage(), e);
      } finally {
        Arrays.fill(skSeed, (byte) 0);
        Arrays.fill(skPrf, (byte) 0);
        Arrays.fill(optRand, (byte) 0);
      }
    }
  }

  static final class SlhDsaVerifier implements Verifier {
    private final SignatureAlgorithm alg;
    private final SLHDSAPublicKeyParameters pk;
    private final SignatureOptions options;

    SlhDsaVerifier(PqPublicKey key, SignatureOptions options) {
      this.alg = key.algorithm();
      this.pk = new SLHDSAPublicKeyParameters(params(alg), key.raw());
      this.options = options;
    }

    @Override
    public void verify(byte[] message, byte[] signature) throws SignatureVerificationException {
      if (signature.length != alg.signatureLength()) {
        throw new SignatureVerificationException(alg.displayName() + " signature has "
            + signature.length + " bytes, expected " + alg.signatureLength());
      }
      byte[] prefix = MessageFormat.prefix(options);
      byte[] body = MessageFormat.body(message, options);
      boolean ok;
      try {
        ok = SLHDSAEngine.internalVerifySignature(pk.getParameters(), pk.getSeed(), pk.getRoot(),
            prefix, body, signature);
      } catch (RuntimeException e) {
        throw new SignatureVerificationException(
            alg.displayName() + " signature is malformed: " + e.getMessage(), e);
      }
      if (!ok) {
        throw new SignatureVerificationException(alg.displayName() + " signature does not verify");
      }
    }
  }
}
