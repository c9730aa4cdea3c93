package io.pqzk.ledger.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The ledger's only door to FIPS 204 (ML-DSA) and FIPS 205 (SLH-DSA): pure signing with a
 * context string (FIPS 204 section 5.2, FIPS 205 section 10.2), hedged, and verification that
 * throws instead of returning false.
 *
 * <p>TODO(sig): backed directly by BouncyCastle until the project's {@code io.pqzk.sig} API is
 * merged; callers only see this class, so switching is local.
 */
public final class Signatures {
  /** Algorithms the ledger accepts in genesis files and envelopes. */
  public static final Set<String> ALGORITHMS = Set.of(
      "ML-DSA-44", "ML-DSA-65", "ML-DSA-87",
      "SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHA2-192s", "SLH-DSA-SHA2-192f",
      "SLH-DSA-SHA2-256s", "SLH-DSA-SHA2-256f", "SLH-DSA-SHAKE-128s", "SLH-DSA-SHAKE-128f",
      "SLH-DSA-SHAKE-192s", "SLH-DSA-SHAKE-192f", "SLH-DSA-SHAKE-256s", "SLH-DSA-SHAKE-256f");

  private static final Provider BC = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signatures() {}

  /** Checks an algorithm name; throws naming it when unknown. */
  public static String check(String algorithm) throws UnsupportedAlgorithmException {
    if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
      throw new UnsupportedAlgorithmException("unknown signature algorithm '" + algorithm
          + "' (expected one of " + ALGORITHMS.stream().sorted().toList() + ")");
    }
    return algorithm;
  }

  public static boolean isMlDsa(String algorithm) {
    return algorithm.startsWith("ML-DSA-");
  }

  public static boolean isSlhDsa(String algorithm) {
    return algorithm.startsWith("SLH-DSA-");
  }

  private static String jcaName(String algorithm) {
    return algorithm.toUpperCase(Locale.ROOT);
  }

  /** A fresh key pair. */
  public static LedgerSigningKey generate(String algorithm) throws UnsupportedAlgorithmException {
    check(algorithm);
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(jcaName(algorithm), BC);
      g.initialize(specFor(algorithm), RANDOM);
      KeyPair kp = g.generateKeyPair();
      return new LedgerSigningKey(
          new LedgerPublicKey(algorithm, kp.getPublic().getEncoded(), kp.getPublic()),
          kp.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + algorithm + ": " + e.getMessage(), e);
    }
  }

  private static java.security.spec.AlgorithmParameterSpec specFor(String algorithm) {
    if (isMlDsa(algorithm)) {
      return org.bouncycastle.jcajce.spec.MLDSAParameterSpec.fromName(algorithm);
    }
    return org.bouncycastle.jcajce.spec.SLHDSAParameterSpec.fromName(
        algorithm.substring(0, algorithm.length() - 1).toLowerCase(Locale.ROOT)
            + algorithm.charAt(algorithm.length() - 1));
  }

  /** Parses an SPKI encoding as a key of {@code algorithm}; rejects a mismatch. */
  public static LedgerPublicKey publicKey(String algorithm, byte[] spki)
      throws UnsupportedAlgorithmException, GeneralSecurityException {
    check(algorithm);
    PublicKey k = KeyFactory.getInstance(jcaName(algorithm), BC)
        .generatePublic(new X509EncodedKeySpec(spki));
    if (!k.getAlgorithm().equalsIgnoreCase(algorithm)) {
      throw new GeneralSecurityException("key is " + k.getAlgorithm() + ", not " + algorithm);
    }
    return new LedgerPublicKey(algorithm, spki, k);
  }

  /** PKCS#8 encoding of the private key (the caller encrypts it at rest and wipes the array). */
  public static byte[] encodePrivate(LedgerSigningKey key) {
    return key.jcaKey().getEncoded();
  }

  /** Rebuilds a signing key from PKCS#8 and its public half. */
  public static LedgerSigningKey decodePrivate(LedgerPublicKey pub, byte[] pkcs8)
      throws GeneralSecurityException {
    PrivateKey k = KeyFactory.getInstance(jcaName(pub.algorithm()), BC)
        .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    LedgerSigningKey sk = new LedgerSigningKey(pub, k);
    byte[] probe = {1, 2, 3};
    try {
      verify(pub, probe, new byte[0], sign(sk, probe, new byte[0]));
    } catch (SignatureException e) {
      throw new GeneralSecurityException("private key does not match public key "
          + pub.keyIdHex(), e);
    }
    return sk;
  }

  /** Hedged pure signature over {@code message} with context {@code ctx} (0..255 bytes). */
  public static byte[] sign(LedgerSigningKey key, byte[] message, byte[] ctx) {
    try {
      Signature s = Signature.getInstance(jcaName(key.algorithm()), BC);
      s.setParameter(new ContextParameterSpec(ctx));
      s.initSign(key.jcaKey(), RANDOM);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with " + key.algorithm() + " failed", e);
    }
  }

  /** Verifies; returns normally or throws {@link SignatureException} saying why. */
  public static void verify(LedgerPublicKey key, byte[] message, byte[] ctx, byte[] signature)
      throws SignatureException {
    boolean ok;
    try {
      Signature s = Signature.getInstance(jcaName(key.algorithm()), BC);
      s.setParameter(new ContextParameterSpec(ctx));
      s.initVerify(key.jcaKey());
      s.update(message);
      ok = s.verify(signature);
    } catch (SignatureException e) {
      throw new SignatureException(key.algorithm() + " signature is malformed", e);
    } catch (GeneralSecurityException e) {
      throw new SignatureException(key.algorithm() + " verification failed: " + e.getMessage(), e);
    }
    if (!ok) {
      throw new SignatureException(key.algorithm() + " signature does not verify");
    }
  }

  /** One signature check of a batch; {@code block} is the height it belongs to (or -1). */
  public record Check(LedgerPublicKey key, byte[] message, byte[] context, byte[] signature,
      String what, long block) {}

  /** The first failing check of a batch, in list order. */
  public static final class BatchFailure extends SignatureException {
    private static final long serialVersionUID = 1L;
    private final transient Check check;

    BatchFailure(Check check, String why) {
      super(check.what() + ": " + why);
      this.check = check;
    }

    public Check check() {
      return check;
    }
  }

  /**
   * Verifies every check on every core; throws for the first failing check in list order
   * (deterministic whatever the scheduling), its message prefixed with the check's label.
   */
  public static void verifyAll(List<Check> checks) throws BatchFailure {
    String[] failures = new String[checks.size()];
    java.util.stream.IntStream.range(0, checks.size()).parallel().forEach(i -> {
      Check c = checks.get(i);
      try {
        verify(c.key(), c.message(), c.context(), c.signature());
      } catch (SignatureException e) {
        failures[i] = e.getMessage();
      }
    });
    for (int i = 0; i < failures.length; i++) {
      if (failures[i] != null) {
        throw new BatchFailure(checks.get(i), failures[i]);
      }
    }
  }
}
