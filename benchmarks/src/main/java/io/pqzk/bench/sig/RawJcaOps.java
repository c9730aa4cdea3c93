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
 * pqzk would (a fresh {@code Signature} per operation, since one is not thread-safe; hedged
 * signing with a {@link SecureRandom}).
 */
final class RawJcaOps implements SigOps {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Provider provider;
  private final String algorithm;
  private final KeyPairGenerator generator;
  private KeyPair keyPair;
  private byte[] message;
  private byte[] signature;

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
    Signature s = Signature.getInstance(algorithm, provider);
    s.initSign(keyPair.getPrivate(), RANDOM);
    s.update(message);
    return s.sign();
  }

  @Override
  public void verify() throws Exception {
    Signature s = Signature.getInstance(algorithm, provider);
    s.initVerify(keyPair.getPublic());
    s.update(message);
    if (!s.verify(signature)) {
      throw new SignatureException("benchmark signature did not verify");
    }
  }

  @Override
  public void prepare(byte[] message) throws Exception {
    this.message = message.clone();
    this.keyPair = generator.generateKeyPair();
    this.signature = sign();
    verify();
  }
}
