package io.pqzk.sig;

import io.pqzk.sig.internal.AutoProvider;
import io.pqzk.sig.internal.MessageFormat;
import io.pqzk.sig.internal.bc.BcProvider;
import io.pqzk.sig.internal.fast.FastProvider;
import io.pqzk.sig.internal.jdk.JdkProvider;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * Entry point of the signature layer: providers, key generation and import, signers and
 * verifiers. The static shortcuts use the {@link #defaultProvider() default provider}, which picks
 * per operation the best provider that supports the request.
 *
 * <pre>{@code
 * PqKeyPair kp = Signatures.generateKeyPair(SignatureAlgorithm.ML_DSA_65);
 * SignatureOptions opts = SignatureOptions.defaults().withContext(ctx);
 * byte[] sig = Signatures.signer(kp.privateKey(), opts).sign(msg);
 * Signatures.verifier(kp.publicKey(), opts).verify(msg, sig); // throws if invalid
 * }</pre>
 */
public final class Signatures {
  private static final BcProvider BC = new BcProvider();
  private static final JdkProvider JDK = new JdkProvider();
  private static final AutoProvider AUTO = new AutoProvider(List.of(JDK, BC), BC);
  private static final FastProvider PQZK = new FastProvider(AUTO, BC);

  private Signatures() {}

  /**
   * A provider by name, case-insensitive: {@code "bc"} (BouncyCastle, everything), {@code "jdk"}
   * (the JDK's own ML-DSA, JDK 24+), {@code "pqzk"} (this module's pure-Java ML-DSA and
   * SLH-DSA-SHA2 verifiers, public keys expanded once and cached; signing and key generation as
   * {@code "auto"}) or {@code "auto"} (the default).
   *
   * @throws UnsupportedByProviderException if the name is unknown or the provider is absent from
   *     this JVM
   */
  public static SignatureProvider provider(String name) throws UnsupportedByProviderException {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    SignatureProvider p;
    switch (n) {
      case BcProvider.NAME: p = BC; break;
      case JdkProvider.NAME: p = JDK; break;
      case AutoProvider.NAME: p = AUTO; break;
      case FastProvider.NAME: p = PQZK; break;
      default:
        throw new UnsupportedByProviderException(String.valueOf(name),
            "anything: unknown provider (known: bc, jdk, pqzk, auto)");
    }
    if (!p.isAvailable()) {
      throw new UnsupportedByProviderException(p.name(),
          "this JVM (java.version=" + System.getProperty("java.version") + ")");
    }
    return p;
  }

  /** The automatic provider: per operation, the preferred available provider that supports it. */
  public static SignatureProvider defaultProvider() {
    return AUTO;
  }

  /**
   * Names of the providers available on this JVM: those the default provider chooses from,
   * preferred first, then {@code "pqzk"} (chosen only by name).
   */
  public static List<String> availableProviders() {
    return JDK.isAvailable() ? List.of(JdkProvider.NAME, BcProvider.NAME, FastProvider.NAME)
        : List.of(BcProvider.NAME, FastProvider.NAME);
  }

  /** A fresh key pair with the default provider and a system {@link java.security.SecureRandom}. */
  public static PqKeyPair generateKeyPair(SignatureAlgorithm algorithm) throws PqSignatureException {
    return AUTO.generateKeyPair(algorithm, null);
  }

  /** See {@link SignatureProvider#keyPairFromSeed}. */
  public static PqKeyPair keyPairFromSeed(SignatureAlgorithm algorithm, byte[] seed)
      throws PqSignatureException {
    return AUTO.keyPairFromSeed(algorithm, seed);
  }

  /** The private key (seed form plus its expansion) for an ML-DSA xi or SLH-DSA seed triple. */
  public static PqPrivateKey privateKeyFromSeed(SignatureAlgorithm algorithm, byte[] seed)
      throws PqSignatureException {
    return AUTO.keyPairFromSeed(algorithm, seed).privateKey();
  }

  /** See {@link SignatureProvider#privateKeyFromExpanded}. */
  public static PqPrivateKey privateKeyFromExpanded(SignatureAlgorithm algorithm, byte[] expanded)
      throws PqSignatureException {
    return AUTO.privateKeyFromExpanded(algorithm, expanded);
  }

  /**
   * An expanded private key that must belong to {@code publicKey}.
   *
   * @throws MalformedKeyException if the derived public key differs from {@code publicKey}
   */
  public static PqPrivateKey privateKeyFromExpanded(
      SignatureAlgorithm algorithm, byte[] expanded, PqPublicKey publicKey)
      throws PqSignatureException {
    requireAlgorithm(algorithm, publicKey.algorithm());
    PqPrivateKey key = AUTO.privateKeyFromExpanded(algorithm, expanded);
    if (!key.publicKey().equals(publicKey)) {
      key.destroy();
      throw new MalformedKeyException(
          algorithm.displayName() + " private key does not match the given public key");
    }
    return key;
  }

  /** A signer with the default provider. */
  public static Signer signer(PqPrivateKey key, SignatureOptions options)
      throws PqSignatureException {
    return AUTO.signer(key, options);
  }

  /** A verifier with the default provider. */
  public static Verifier verifier(PqPublicKey key, SignatureOptions options)
      throws PqSignatureException {
    return AUTO.verifier(key, options);
  }

  /**
   * A verifier that also insists the key is of {@code expected}, so that a key of another
   * parameter set cannot stand in (for example an ML-DSA-44 key where ML-DSA-87 is required).
   *
   * @throws KeyAlgorithmMismatchException if the key is of another parameter set
   */
  public static Verifier verifier(
      SignatureAlgorithm expected, PqPublicKey key, SignatureOptions options)
      throws PqSignatureException {
    requireAlgorithm(expected, key.algorithm());
    return AUTO.verifier(key, options);
  }

  /**
   * mu = H(H(pk, 64) || M', 64) of FIPS 204 Alg. 7 line 6, for a message signed with {@code
   * options} (pure or pre-hash, with context, or M' itself with {@code Input.INTERNAL}).
   *
   * @throws IncompatibleOptionsException if the key is not ML-DSA or the input is mu already
   */
  public static byte[] computeMu(PqPublicKey key, byte[] message, SignatureOptions options)
      throws PqSignatureException {
    Objects.requireNonNull(message, "message");
    if (!key.algorithm().isMlDsa()) {
      throw new IncompatibleOptionsException("mu is defined for ML-DSA only, not "
          + key.algorithm().displayName());
    }
    if (options.input() == SignatureOptions.Input.EXTERNAL_MU) {
      throw new IncompatibleOptionsException("input is already mu");
    }
    io.pqzk.sig.internal.Checks.options(key.algorithm(), options);
    return MessageFormat.mu(MessageFormat.tr(key.raw()), message, options);
  }

  /**
   * Verifies every item, in parallel on the common fork-join pool (every core), with the default
   * provider. Returns normally only if all verify; otherwise throws one exception naming every
   * failed index. The result does not depend on scheduling.
   *
   * @throws BatchVerificationException listing each failed item and why
   */
  public static void verifyAll(List<VerificationItem> items) throws BatchVerificationException {
    verifyAll(AUTO, items);
  }

  /** As {@link #verifyAll(List)} with the given provider. */
  public static void verifyAll(SignatureProvider provider, List<VerificationItem> items)
      throws BatchVerificationException {
    // the caller verifies too, so one item needs no worker (the engine admits one at a time)
    Objects.requireNonNull(items, "items");
    PendingVerification.start(provider, items,
        Math.min(ForkJoinPool.getCommonPoolParallelism(), items.size() - 1)).await();
  }

  /**
   * Starts verifying every item on the common fork-join pool's workers and returns at once: the
   * caller does other work, then {@link PendingVerification#await}s the outcome (verifying what
   * is left itself), as {@link #verifyAll(SignatureProvider, List)} would have reported it.
   */
  public static PendingVerification startVerifyAll(SignatureProvider provider,
      List<VerificationItem> items) {
    return PendingVerification.start(provider, items, ForkJoinPool.getCommonPoolParallelism());
  }

  /** Constant-time comparison for callers checking a computed mu against an expected one. */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  static void requireAlgorithm(SignatureAlgorithm expected, SignatureAlgorithm actual)
      throws KeyAlgorithmMismatchException {
    if (expected != actual) {
      throw new KeyAlgorithmMismatchException(actual, expected);
    }
  }
}
