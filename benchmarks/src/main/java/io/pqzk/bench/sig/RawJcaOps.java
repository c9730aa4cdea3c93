package io.pqzk.bench.sig;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import io.pqzk.sig.jca.PqzkProvider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The baseline: the provider's JCA {@link Signature} called directly, as an application without
 * pqzk would, at its cheapest: one {@code Signature} for signing and one for verifying, each
 * initialised once with the key (hedged signing with a {@link SecureRandom}), then only
 * {@code update} and {@code sign} / {@code verify} per operation (JCA resets the object to its
 * initialised state after each).
 */
final class RawJcaOps implements SigOps {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Provider provider;
  private final String algorithm;
  private final KeyPairGenerator generator;
  /** Turns generated public keys into the provider's own key objects (null: they are already). */
  private final KeyFactory keyFactory;
  private KeyPair keyPair;
  private byte[] message;
  private byte[] signature;
  private Signature signing;
  private Signature verifying;
  private PublicKey[] freshKeys = new PublicKey[0];
  private byte[][] freshSignatures = new byte[0][];
  private int next;

  private RawJcaOps(Provider provider, String algorithm) throws Exception {
    this(provider, algorithm, KeyPairGenerator.getInstance(algorithm, provider), null);
  }

  private RawJcaOps(Provider provider, String algorithm, KeyPairGenerator generator,
      KeyFactory keyFactory) {
    this.provider = provider;
    this.algorithm = algorithm;
    this.generator = generator;
    this.keyFactory = keyFactory;
  }

  /**
   * The module's own JCA provider "PQZK" (an unregistered instance): it has no key generator,
   * so keys come from BouncyCastle and are turned into PQZK key objects through PQZK's
   * KeyFactory from their X.509 encoding, as a JCA application reading keys would.
   */
  static RawJcaOps pqzk(String algorithm) throws Exception {
    Provider pqzk = new PqzkProvider();
    return new RawJcaOps(pqzk, algorithm,
        KeyPairGenerator.getInstance(algorithm, new BouncyCastleProvider()),
        KeyFactory.getInstance(algorithm, pqzk));
  }

  private PublicKey own(PublicKey key) throws Exception {
    return keyFactory == null ? key
        : keyFactory.generatePublic(new X509EncodedKeySpec(key.getEncoded()));
  }

  /** BouncyCastle's provider object, not registered globally (as the project's BC provider). */
  static RawJcaOps bouncyCastle(String algorithm) throws Exception {
    return new RawJcaOps(new BouncyCastleProvider(), algorithm);
  }

  /**
   * The JDK's own ML-DSA (JDK 24+, provider SUN). Found through JCA at run time, since the
   * project compiles for Java 17.
   */
  static RawJcaOps jdk(String algorithm) throws Exception {
    Provider sun = Security.getProvider("SUN");
    if (sun == null || sun.getService("Signature", algorithm) == null) {
      throw new IllegalStateException(
          "this JDK (" + Runtime.version() + ") has no " + algorithm
              + " of its own (needs JDK 24+); run with -p provider=BC");
    }
    return new RawJcaOps(sun, algorithm);
  }

  @Override
  public Object keygen() {
    return generator.generateKeyPair();
  }

  @Override
  public byte[] sign() throws Exception {
    signing.update(message);
    return signing.sign();
  }

  @Override
  public void verify() throws Exception {
    verifying.update(message);
    if (!verifying.verify(signature)) {
      throw new SignatureException("benchmark signature did not verify");
    }
  }

  @Override
  public void prepare(byte[] message) throws Exception {
    this.message = message.clone();
    this.keyPair = generator.generateKeyPair();
    this.signing = Signature.getInstance(algorithm, provider);
    signing.initSign(keyPair.getPrivate(), RANDOM);
    this.verifying = Signature.getInstance(algorithm, provider);
    this.keyPair = new KeyPair(own(keyPair.getPublic()), keyPair.getPrivate());
    verifying.initVerify(keyPair.getPublic());
    this.signature = sign();
    verify();
  }

  @Override
  public void verifyRepeatedKey() throws Exception {
    verifying.initVerify(keyPair.getPublic());
    verifying.update(message);
    if (!verifying.verify(signature)) {
      throw new SignatureException("benchmark signature did not verify");
    }
  }

  @Override
  public void prepareKeys(int count) throws Exception {
    freshKeys = new PublicKey[count];
    freshSignatures = new byte[count][];
    Signature s = Signature.getInstance(algorithm, provider);
    for (int i = 0; i < count; i++) {
      KeyPair kp = generator.generateKeyPair();
      s.initSign(kp.getPrivate(), RANDOM);
      s.update(message);
      freshSignatures[i] = s.sign();
      freshKeys[i] = own(kp.getPublic());
    }
  }

  @Override
  public void verifyFreshKey() throws Exception {
    int i = next;
    next = i + 1 == freshKeys.length ? 0 : i + 1;
    verifying.initVerify(freshKeys[i]);
    verifying.update(message);
    if (!verifying.verify(freshSignatures[i])) {
      throw new SignatureException("benchmark signature did not verify");
    }
  }
}
