package io.pqzk.sig.internal.jdk;

import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureOptions.Input;
import io.pqzk.sig.SignatureOptions.Randomness;
import io.pqzk.sig.SignatureProvider;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Signer;
import io.pqzk.sig.UnsupportedByProviderException;
import io.pqzk.sig.Verifier;
import io.pqzk.sig.internal.Checks;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * The JDK's own ML-DSA (JEP 497, JDK 24+, provider "SUN"), found at run time through JCA so
 * that this code compiles for and runs on JDK 17, where the provider is simply unavailable.
 *
 * <p>It supports pure ML-DSA with an empty context and hedged signing only: the JDK offers no
 * context string, no deterministic mode, no pre-hash and no external mu. Its key generator yields
 * expanded private keys only (no seed). Keys are handed to it as
 * X.509 SubjectPublicKeyInfo and as PKCS#8 in RFC 9881's expanded-key form.
 */
public final class JdkProvider implements SignatureProvider {
  public static final String NAME = "jdk";
  private static final String JCA_PROVIDER = "SUN";
  private static final boolean AVAILABLE = probe();

  private static boolean probe() {
    try {
      Signature.getInstance("ML-DSA", JCA_PROVIDER);
      KeyFactory.getInstance("ML-DSA", JCA_PROVIDER);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return AVAILABLE;
  }

  @Override
  public boolean supports(Operation op, SignatureAlgorithm alg, SignatureOptions o) {
    if (!AVAILABLE || !alg.isMlDsa()) {
      return false;
    }
    if (op == Operation.KEYGEN) {
      return true;
    }
    boolean pure = o.input() == Input.MESSAGE && !o.isPreHash() && o.contextLength() == 0;
    return op == Operation.VERIFY ? pure : pure && o.randomness() == Randomness.HEDGED;
  }

  private void require(Operation op, SignatureAlgorithm alg, SignatureOptions o)
      throws PqSignatureException {
    if (!AVAILABLE) {
      throw new UnsupportedByProviderException(NAME,
          "this JVM (java.version=" + System.getProperty("java.version") + "; needs JDK 24+)");
    }
    Checks.options(alg, o);
    if (!supports(op, alg, o)) {
      throw new UnsupportedByProviderException(NAME, op + " for " + alg.displayName() + " with "
          + o + " (only pure ML-DSA, empty context, hedged)");
    }
  }

  @Override
  public PqKeyPair generateKeyPair(SignatureAlgorithm alg, SecureRandom random)
      throws PqSignatureException {
    require(Operation.KEYGEN, alg, SignatureOptions.defaults());
    byte[] p8 = null;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(alg.displayName(), JCA_PROVIDER);
      if (random != null) {
        g.initialize(new NamedParameterSpec(alg.displayName()), random);
      }
      KeyPair kp = g.generateKeyPair();
      p8 = kp.getPrivate().getEncoded();
      return JdkEncoding.toPair(alg, kp.getPublic().getEncoded(), p8);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new PqSignatureException(alg.displayName() + " key generation failed in the JDK: "
          + e.getMessage(), e);
    } finally {
      if (p8 != null) {
        Arrays.fill(p8, (byte) 0);
      }
    }
  }

  @Override
  public PqKeyPair keyPairFromSeed(SignatureAlgorithm alg, byte[] seed) throws PqSignatureException {
    throw new UnsupportedByProviderException(NAME, "key generation from a seed");
  }

  @Override
  public PqPrivateKey privateKeyFromExpanded(SignatureAlgorithm alg, byte[] expanded)
      throws PqSignatureException {
    throw new UnsupportedByProviderException(NAME, "private key import without a public key");
  }

  @Override
  public Signer signer(PqPrivateKey key, SignatureOptions options) throws PqSignatureException {
    SignatureAlgorithm alg = key.algorithm();
    require(Operation.SIGN, alg, options);
    if (key.isDestroyed()) {
      throw new MalformedKeyException(alg.displayName() + " private key has been destroyed");
    }
    byte[] expanded = key.expanded().orElseThrow(() -> new UnsupportedByProviderException(NAME,
        "seed-only private keys (expand it first with the bc provider)"));
    byte[] pkcs8 = JdkEncoding.pkcs8Expanded(alg, expanded);
    PrivateKey jdkKey;
    try {
      jdkKey = KeyFactory.getInstance("ML-DSA", JCA_PROVIDER)
          .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new MalformedKeyException(alg.displayName() + " private key rejected by the JDK: "
          + e.getMessage(), e);
    } finally {
      Arrays.fill(expanded, (byte) 0);
      Arrays.fill(pkcs8, (byte) 0);
    }
    // A Signature object is not thread-safe but is reusable: after sign() it is back in the
    // state initSign left it in. One per thread saves the JCA lookup on every call.
    ThreadLocal<Signature> perThread = ThreadLocal.withInitial(() -> null);
    return message -> {
      try {
        Signature s = perThread.get();
        if (s == null) {
          s = Signature.getInstance(alg.displayName(), JCA_PROVIDER);
          s.initSign(jdkKey);
          perThread.set(s);
        }
        s.update(message);
        return s.sign();
      } catch (GeneralSecurityException | RuntimeException e) {
        perThread.remove();
        throw new PqSignatureException(alg.displayName() + " signing failed in the JDK: "
            + e.getMessage(), e);
      }
    };
  }

  @Override
  public Verifier verifier(PqPublicKey key, SignatureOptions options) throws PqSignatureException {
    SignatureAlgorithm alg = key.algorithm();
    require(Operation.VERIFY, alg, options);
    PublicKey jdkKey;
    try {
      jdkKey = KeyFactory.getInstance("ML-DSA", JCA_PROVIDER)
          .generatePublic(new X509EncodedKeySpec(JdkEncoding.spki(alg, key.raw())));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new MalformedKeyException(alg.displayName() + " public key rejected by the JDK: "
          + e.getMessage(), e);
    }
    ThreadLocal<Signature> perThread = ThreadLocal.withInitial(() -> null);
    return (message, signature) -> {
      if (signature.length != alg.signatureLength()) {
        throw new SignatureVerificationException(alg.displayName() + " signature has "
            + signature.length + " bytes, expected " + alg.signatureLength());
      }
      boolean ok;
      try {
        Signature s = perThread.get();
        if (s == null) {
          s = Signature.getInstance(alg.displayName(), JCA_PROVIDER);
          s.initVerify(jdkKey);
          perThread.set(s);
        }
        s.update(message);
        ok = s.verify(signature);
      } catch (GeneralSecurityException | RuntimeException e) {
        perThread.remove(); // the object may be mid-operation; start afresh next time
        throw new SignatureVerificationException(alg.displayName() + " signature is malformed: "
            + e.getMessage(), e);
      }
      if (!ok) {
        throw new SignatureVerificationException(alg.displayName() + " signature does not verify");
      }
    };
  }
}
