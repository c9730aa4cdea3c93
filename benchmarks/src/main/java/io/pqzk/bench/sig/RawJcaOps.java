package io.pqzk.bench.sig;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
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
  private KeyPair keyPair;
  private byte[] message;
  private byte[] signature;
  private Signature signing;
  private Signature verifying;

  private RawJcaOps(Provider provider, String algorithm) throws Exception {
    this.provider = provider;
    this.algorithm = algorithm;
    this.generator = KeyPairGenerator.getInstance(algorithm, provider);
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
    verifying.initVerify(keyPair.getPublic());
    this.signature = sign();
    verify();
  }
}
