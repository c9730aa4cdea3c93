package io.pqzk.sig.internal.bc;

import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureOptions.Input;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Signer;
import io.pqzk.sig.Verifier;
import io.pqzk.sig.WrongLengthException;
import io.pqzk.sig.internal.Checks;
import io.pqzk.sig.internal.GivenRandom;
import io.pqzk.sig.internal.MessageFormat;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * FIPS 204 ML-DSA on BouncyCastle's lightweight API. Every mode is reduced to mu = H(tr || M')
 * (FIPS 204 Alg. 7 line 6), computed by {@link MessageFormat}, then signed or verified with
 * BouncyCastle's external-mu entry points: one code path for pure, HashML-DSA with any
 * pre-hash, the internal interface and external mu.
 */
final class BcMlDsa {
  private BcMlDsa() {}

  static MLDSAParameters params(SignatureAlgorithm alg) {
    switch (alg) {
      case ML_DSA_44: return MLDSAParameters.ml_dsa_44;
      case ML_DSA_65: return MLDSAParameters.ml_dsa_65;
      case ML_DSA_87: return MLDSAParameters.ml_dsa_87;
      default: throw new IllegalArgumentException("not ML-DSA: " + alg);
    }
  }

  /** FIPS 204 Alg. 6 ML-DSA.KeyGen_internal(xi). */
  static PqKeyPair fromSeed(SignatureAlgorithm alg, byte[] seed) throws PqSignatureException {
    if (seed.length != alg.seedLength()) {
      throw new WrongLengthException(alg.displayName() + " seed xi", seed.length, alg.seedLength());
    }
    // BouncyCastle keeps the array it is given and destroy() zeroes it: hand it a copy, so the
    // caller's seed survives (and is the caller's to zero).
    byte[] xi = seed.clone();
    MLDSAPrivateKeyParameters sk = new MLDSAPrivateKeyParameters(params(alg), xi);
    byte[] expanded = sk.getEncoded();
    try {
      PqPublicKey pk = PqPublicKey.fromRaw(alg, sk.getPublicKey());
      PqPrivateKey priv = PqPrivateKey.fromPartsUnchecked(alg, seed, expanded, pk);
      return new PqKeyPair(pk, priv);
    } finally {
      Arrays.fill(expanded, (byte) 0);
      sk.destroy();
      Arrays.fill(xi, (byte) 0);
    }
  }

  static PqKeyPair generate(SignatureAlgorithm alg, SecureRandom random)
      throws PqSignatureException {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    try {
      return fromSeed(alg, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Imports skEncode output alone (FIPS 204 Alg. 24): t = A s1 + s2 is recomputed to derive the
   * public key, and tr must equal H(pk), which catches corrupted or mismatched key parts.
   */
  static PqPrivateKey fromExpanded(SignatureAlgorithm alg, byte[] expanded)
      throws PqSignatureException {
    if (expanded.length != alg.privateKeyLength()) {
      throw new WrongLengthException(
          alg.displayName() + " expanded private key", expanded.length, alg.privateKeyLength());
    }
    checkEtaRange(alg, expanded);
    MLDSAPrivateKeyParameters sk = new MLDSAPrivateKeyParameters(params(alg), expanded, null);
    try {
      byte[] pk = sk.getPublicKey();
      if (!MessageDigest.isEqual(sk.getTr(), MessageFormat.tr(pk))) {
        throw new MalformedKeyException(alg.displayName()
            + " expanded private key is inconsistent: tr does not match the derived public key");
      }
      return PqPrivateKey.fromPartsUnchecked(alg, null, expanded, PqPublicKey.fromRaw(alg, pk));
    } finally {
      sk.destroy();
    }
  }

  /**
   * Every coefficient of s1 and s2 must lie in [-eta, eta] (FIPS 204 Alg. 25 skDecode: bit-packed
   * as eta - c, so the packed value must be at most 2 eta). skDecode does not check this itself;
   * a key outside the range is not one KeyGen could produce.
   */
  static void checkEtaRange(SignatureAlgorithm alg, byte[] sk) throws MalformedKeyException {
    int k;
    int l;
    int eta;
    switch (alg) {
      case ML_DSA_44: k = 4; l = 4; eta = 2; break;
      case ML_DSA_65: k = 6; l = 5; eta = 4; break;
      default: k = 8; l = 7; eta = 2; break;
    }
    int bits = eta == 2 ? 3 : 4;
    int polyBytes = 256 * bits / 8;
    int offset = 128; // rho 32, K 32, tr 64
    for (int p = 0; p < k + l; p++) {
      int base = offset + p * polyBytes;
      for (int i = 0; i < 256; i++) {
        int bit = i * bits;
        int word = (sk[base + bit / 8] & 0xff) | (bit / 8 + 1 < polyBytes ? (sk[base + bit / 8 + 1] & 0xff) << 8 : 0);
        int c = (word >>> (bit % 8)) & ((1 << bits) - 1);
        if (c > 2 * eta) {
          throw new MalformedKeyException(alg.displayName() + " expanded private key: "
              + (p < l ? "s1" : "s2") + " coefficient out of range [-" + eta + ", " + eta + "]");
        }
      }
    }
  }

  static MLDSAPrivateKeyParameters privateParams(PqPrivateKey key) {
    MLDSAParameters p = params(key.algorithm());
    byte[] material = key.expanded().orElseGet(() -> key.seed().orElseThrow());
    try {
      return new MLDSAPrivateKeyParameters(p, material, null);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** mu for the request: the given mu, or H(tr || M'). */
  static byte[] mu(byte[] tr, byte[] message, SignatureOptions o) throws WrongLengthException {
    if (o.input() == Input.EXTERNAL_MU) {
      Checks.mu(message);
      return message;
    }
    return MessageFormat.mu(tr, message, o);
  }

  static final class MlDsaSigner implements Signer {
    private final SignatureAlgorithm alg;
    private final MLDSAPrivateKeyParameters sk;
    private final byte[] tr;
    private final SignatureOptions options;
    private final SecureRandom random;
    /**
     * One initialised BouncyCastle signer per thread for deterministic and hedged signing: its
     * parameters never change, and building and initialising a new one per signature cost about
     * a tenth of an ML-DSA-65 signature. Signing from mu leaves no per-message state behind.
     */
    private final ThreadLocal<MLDSASigner> reusable;

    MlDsaSigner(PqPrivateKey key, SignatureOptions options, SecureRandom random) {
      this.alg = key.algorithm();
      this.sk = privateParams(key);
      this.tr = sk.getTr();
      this.options = options;
      this.random = random;
      this.reusable = ThreadLocal.withInitial(() -> {
        MLDSASigner s = new MLDSASigner();
        s.init(true, options.randomness() == SignatureOptions.Randomness.DETERMINISTIC
            ? sk : new ParametersWithRandom(sk, random));
        return s;
      });
    }

    @Override
    public byte[] sign(byte[] message) throws PqSignatureException {
      byte[] mu = mu(tr, message, options);
      byte[] given = Checks.givenRandomness(alg, options);
      CipherParameters params;
      switch (options.randomness()) {
        case DETERMINISTIC: params = sk; break;
        case GIVEN: params = new ParametersWithRandom(sk, new GivenRandom(given)); break;
        default: params = new ParametersWithRandom(sk, random); break;
      }
      try {
        MLDSASigner s;
        if (given == null) {
          s = reusable.get();
        } else {
          s = new MLDSASigner();
          s.init(true, params);
        }
        return s.generateMuSignature(mu);
      } catch (Exception e) {
        throw new PqSignatureException(alg.displayName() + " signing failed: " + e.getMessage(), e);
      } finally {
        if (given != null) {
          Arrays.fill(given, (byte) 0);
        }
      }
    }
  }

  static final class MlDsaVerifier implements Verifier {
    private final SignatureAlgorithm alg;
    private final MLDSAPublicKeyParameters pk;
    private final byte[] tr;
    private final SignatureOptions options;
    /**
     * One initialised BouncyCastle verifier per thread: initialising one builds the engine and
     * hashes the public key, which cost about 8% of an ML-DSA-44 verification of a short
     * message. Verifying from mu leaves no per-message state behind.
     */
    private final ThreadLocal<MLDSASigner> reusable;

    MlDsaVerifier(PqPublicKey key, SignatureOptions options) {
      this.alg = key.algorithm();
      byte[] raw = key.raw();
      this.pk = new MLDSAPublicKeyParameters(params(alg), raw);
      this.tr = MessageFormat.tr(raw);
      this.options = options;
      this.reusable = ThreadLocal.withInitial(() -> {
        MLDSASigner s = new MLDSASigner();
        s.init(false, pk);
        return s;
      });
    }

    @Override
    public void verify(byte[] message, byte[] signature) throws SignatureVerificationException {
      if (signature.length != alg.signatureLength()) {
        throw new SignatureVerificationException(alg.displayName() + " signature has "
            + signature.length + " bytes, expected " + alg.signatureLength());
      }
      byte[] mu;
      try {
        mu = mu(tr, message, options);
      } catch (WrongLengthException e) {
        throw new SignatureVerificationException(e.getMessage(), e);
      }
      boolean ok;
      try {
        ok = reusable.get().verifyMuSignature(mu, signature);
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
