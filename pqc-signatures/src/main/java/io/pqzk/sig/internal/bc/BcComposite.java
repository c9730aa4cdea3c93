package io.pqzk.sig.internal.bc;

import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureOptions.Randomness;
import io.pqzk.sig.SignatureProvider.Operation;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Signer;
import io.pqzk.sig.UnsupportedByProviderException;
import io.pqzk.sig.Verifier;
import io.pqzk.sig.WrongLengthException;
import io.pqzk.sig.internal.Oids;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;

/**
 * Composite ML-DSA + classical signatures as BouncyCastle 1.87 implements the IETF lamps draft
 * (draft-ietf-lamps-pq-composite-sigs): both component signatures are made over the same
 * domain-separated message, and verification succeeds only when both verify.
 *
 * <p>Raw forms follow the draft: public key = ML-DSA pk || classical pk, private key = ML-DSA
 * seed || classical private key, signature = ML-DSA signature || classical signature. Supports
 * a context string and hedged signing; no pre-hash option (the composite pre-hashes itself), no
 * deterministic mode.
 */
final class BcComposite {
  private BcComposite() {}

  static ASN1ObjectIdentifier oid(SignatureAlgorithm alg) {
    return Oids.of(alg);
  }

  static boolean supports(SignatureAlgorithm alg, Operation op, SignatureOptions o) {
    return op != Operation.SIGN || o.randomness() == Randomness.HEDGED;
  }

  static PqKeyPair generate(SignatureAlgorithm alg, SecureRandom random) throws PqSignatureException {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(alg.displayName(), BcJca.provider());
      g.initialize(null, random);
      return toPair(alg, g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new PqSignatureException(alg.displayName() + " key generation failed: " + e.getMessage(), e);
    }
  }

  private static PqKeyPair toPair(SignatureAlgorithm alg, KeyPair kp) throws PqSignatureException {
    byte[] pkRaw = SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()).getPublicKeyData().getBytes();
    byte[] encoded = kp.getPrivate().getEncoded();
    byte[] skRaw;
    try {
      skRaw = PrivateKeyInfo.getInstance(encoded).getPrivateKey().getOctets();
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
    try {
      PqPublicKey pk = PqPublicKey.fromRaw(alg, pkRaw);
      return new PqKeyPair(pk, PqPrivateKey.fromPartsUnchecked(alg, null, skRaw, pk));
    } finally {
      Arrays.fill(skRaw, (byte) 0);
    }
  }

  /**
   * Imports the draft's raw private key, ML-DSA seed (32 bytes) || classical private key (Ed25519
   * or Ed448 raw, ECDSA as an RFC 5915 ECPrivateKey), and derives the public key: the ML-DSA half
   * from the seed, the classical half from its scalar.
   */
  static PqPrivateKey privateKey(SignatureAlgorithm alg, byte[] encoded) throws PqSignatureException {
    if (encoded.length <= 32) {
      throw new WrongLengthException(alg.displayName() + " private key", encoded.length, 33);
    }
    byte[] seed = Arrays.copyOf(encoded, 32);
    byte[] classical = Arrays.copyOfRange(encoded, 32, encoded.length);
    try {
      SignatureAlgorithm mlDsa = mlDsaPart(alg);
      byte[] mlDsaPk = BcMlDsa.fromSeed(mlDsa, seed).publicKey().raw();
      byte[] classicalPk = classicalPublic(alg, classical);
      byte[] pk = Arrays.copyOf(mlDsaPk, mlDsaPk.length + classicalPk.length);
      System.arraycopy(classicalPk, 0, pk, mlDsaPk.length, classicalPk.length);
      PqPrivateKey key = PqPrivateKey.fromPartsUnchecked(alg, null, encoded, PqPublicKey.fromRaw(alg, pk));
      jcaPrivate(key); // BouncyCastle must accept it too
      return key;
    } catch (RuntimeException e) {
      throw new MalformedKeyException(alg.displayName() + " private key rejected: " + e.getMessage(), e);
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(classical, (byte) 0);
    }
  }

  static SignatureAlgorithm mlDsaPart(SignatureAlgorithm alg) {
    String n = alg.displayName();
    return n.startsWith("MLDSA44") ? SignatureAlgorithm.ML_DSA_44
        : n.startsWith("MLDSA65") ? SignatureAlgorithm.ML_DSA_65 : SignatureAlgorithm.ML_DSA_87;
  }

  private static byte[] classicalPublic(SignatureAlgorithm alg, byte[] sk) throws MalformedKeyException {
    switch (alg) {
      case MLDSA44_ED25519_SHA512:
      case MLDSA65_ED25519_SHA512:
        requireLength(alg, sk, Ed25519PrivateKeyParameters.KEY_SIZE);
        return new Ed25519PrivateKeyParameters(sk, 0).generatePublicKey().getEncoded();
      case MLDSA87_ED448_SHAKE256:
        requireLength(alg, sk, Ed448PrivateKeyParameters.KEY_SIZE);
        return new Ed448PrivateKeyParameters(sk, 0).generatePublicKey().getEncoded();
      default:
        X9ECParameters curve = ECNamedCurveTable.getByName(
            alg == SignatureAlgorithm.MLDSA65_ECDSA_P256_SHA512 ? "P-256" : "P-384");
        java.math.BigInteger d = ECPrivateKey.getInstance(sk).getKey();
        if (d.signum() <= 0 || d.compareTo(curve.getN()) >= 0) {
          throw new MalformedKeyException(alg.displayName() + " ECDSA private scalar out of range");
        }
        return curve.getG().multiply(d).normalize().getEncoded(false);
    }
  }

  private static void requireLength(SignatureAlgorithm alg, byte[] sk, int n) throws MalformedKeyException {
    if (sk.length != n) {
      throw new MalformedKeyException(alg.displayName() + " classical private key has "
          + sk.length + " bytes, expected " + n);
    }
  }

  static PublicKey jcaPublic(PqPublicKey key) throws MalformedKeyException {
    SignatureAlgorithm alg = key.algorithm();
    try {
      byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(oid(alg)), key.raw()).getEncoded("DER");
      return KeyFactory.getInstance(alg.displayName(), BcJca.provider())
          .generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new MalformedKeyException(alg.displayName() + " public key rejected: " + e.getMessage(), e);
    }
  }

  static PrivateKey jcaPrivate(PqPrivateKey key) throws MalformedKeyException {
    SignatureAlgorithm alg = key.algorithm();
    byte[] raw = key.expanded().orElseThrow();
    byte[] p8 = null;
    try {
      p8 = new PrivateKeyInfo(new AlgorithmIdentifier(oid(alg)), new DEROctetString(raw)).getEncoded("DER");
      return KeyFactory.getInstance(alg.displayName(), BcJca.provider())
          .generatePrivate(new PKCS8EncodedKeySpec(p8));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new MalformedKeyException(alg.displayName() + " private key rejected: " + e.getMessage(), e);
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (p8 != null) {
        Arrays.fill(p8, (byte) 0);
      }
    }
  }

  static Signer signer(PqPrivateKey key, SignatureOptions o, SecureRandom random)
      throws PqSignatureException {
    SignatureAlgorithm alg = key.algorithm();
    if (!supports(alg, Operation.SIGN, o)) {
      throw new UnsupportedByProviderException(BcProvider.NAME,
          alg.displayName() + " with " + o.randomness() + " randomness (hedged only)");
    }
    PrivateKey sk = jcaPrivate(key);
    byte[] ctx = o.context();
    return message -> {
      try {
        Signature s = Signature.getInstance(alg.displayName(), BcJca.provider());
        s.initSign(sk, random);
        s.setParameter(new ContextParameterSpec(ctx));
        s.update(message);
        return s.sign();
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new PqSignatureException(alg.displayName() + " signing failed: " + e.getMessage(), e);
      }
    };
  }

  static Verifier verifier(PqPublicKey key, SignatureOptions o) throws PqSignatureException {
    SignatureAlgorithm alg = key.algorithm();
    PublicKey pk = jcaPublic(key);
    byte[] ctx = o.context();
    return (message, signature) -> {
      if (alg.signatureLength() > 0 && signature.length != alg.signatureLength()) {
        throw new SignatureVerificationException(alg.displayName() + " signature has "
            + signature.length + " bytes, expected " + alg.signatureLength());
      }
      boolean ok;
      try {
        Signature s = Signature.getInstance(alg.displayName(), BcJca.provider());
        s.initVerify(pk);
        s.setParameter(new ContextParameterSpec(ctx));
        s.update(message);
        ok = s.verify(signature);
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new SignatureVerificationException(alg.displayName() + " signature is malformed: "
            + e.getMessage(), e);
      }
      if (!ok) {
        throw new SignatureVerificationException(alg.displayName() + " signature does not verify");
      }
    };
  }
}
