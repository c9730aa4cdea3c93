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

  static PqPrivateKey privateKey(SignatureAlgorithm alg, byte[] encoded) throws PqSignatureException {
    throw new UnsupportedByProviderException(BcProvider.NAME, "importing a " + alg.displayName()
        + " private key without its public key");
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
