package io.pqzk.sig;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Keys and signatures shared by the test classes, made once per JVM: SLH-DSA "s" sets take about
 * half a second per signature, so every suite reuses the same key pair and signature.
 */
final class Fixtures {
  static final byte[] MESSAGE = "pqzk test message: block 42".getBytes(StandardCharsets.UTF_8);
  static final byte[] CONTEXT = "pqzk/v1/test".getBytes(StandardCharsets.UTF_8);

  private static final Map<SignatureAlgorithm, PqKeyPair> KEYS = new EnumMap<>(SignatureAlgorithm.class);
  private static final Map<SignatureAlgorithm, byte[]> SIGNATURES = new EnumMap<>(SignatureAlgorithm.class);
  private static final Map<SignatureAlgorithm, byte[]> PURE = new EnumMap<>(SignatureAlgorithm.class);

  private Fixtures() {}

  /** A key pair per algorithm, from a fixed seed where the algorithm has seeds. */
  static synchronized PqKeyPair keys(SignatureAlgorithm alg) throws PqSignatureException {
    PqKeyPair kp = KEYS.get(alg);
    if (kp == null) {
      if (alg.isComposite()) {
        kp = Signatures.generateKeyPair(alg);
      } else {
        byte[] seed = new byte[alg.seedLength()];
        for (int i = 0; i < seed.length; i++) {
          seed[i] = (byte) (alg.ordinal() * 31 + i);
        }
        kp = Signatures.keyPairFromSeed(alg, seed);
      }
      KEYS.put(alg, kp);
    }
    return kp;
  }

  /** A BouncyCastle signature of {@link #MESSAGE} with {@link #CONTEXT}, hedged. */
  static synchronized byte[] signatureWithContext(SignatureAlgorithm alg) throws Exception {
    byte[] sig = SIGNATURES.get(alg);
    if (sig == null) {
      sig = Signatures.provider("bc").signer(keys(alg).privateKey(), withContext()).sign(MESSAGE);
      SIGNATURES.put(alg, sig);
    }
    return sig.clone();
  }

  /** A BouncyCastle signature of {@link #MESSAGE} with an empty context, hedged. */
  static synchronized byte[] signature(SignatureAlgorithm alg) throws Exception {
    byte[] sig = PURE.get(alg);
    if (sig == null) {
      sig = Signatures.provider("bc").signer(keys(alg).privateKey(), SignatureOptions.defaults())
          .sign(MESSAGE);
      PURE.put(alg, sig);
    }
    return sig.clone();
  }

  static SignatureOptions withContext() {
    try {
      return SignatureOptions.defaults().withContext(CONTEXT);
    } catch (ContextTooLongException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Whether the default (fast) test run covers {@code alg}: every set except the SLH-DSA "s" sets
   * at 192 and 256 bits, whose signatures take seconds; those run under the {@code slow} tag
   * ({@code -Dexhaustive}).
   */
  static boolean inDefaultRun(SignatureAlgorithm alg) {
    return !slow(alg)
        || alg == SignatureAlgorithm.SLH_DSA_SHA2_128S
        || alg == SignatureAlgorithm.SLH_DSA_SHAKE_128S;
  }

  /** True for the SLH-DSA sets whose signing is slow ("s" = small signatures). */
  static boolean slow(SignatureAlgorithm alg) {
    return alg.isSlhDsa() && alg.displayName().endsWith("s");
  }
}
