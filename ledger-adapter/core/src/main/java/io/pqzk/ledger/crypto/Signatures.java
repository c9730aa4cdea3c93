package io.pqzk.ledger.crypto;

import io.pqzk.sig.BatchVerificationException;
import io.pqzk.sig.PendingVerification;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureProvider;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.VerificationItem;
import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.encoding.Pem;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger's door to FIPS 204 (ML-DSA) and FIPS 205 (SLH-DSA), through the project's
 * {@code io.pqzk.sig} API: pure signing with a context string (FIPS 204 section 5.2, FIPS 205
 * section 10.2), hedged, and verification that throws instead of returning false. Only the pure
 * ML-DSA and SLH-DSA parameter sets are allowed on the ledger (no pre-hash, no composites).
 *
 * <p>Every verification goes through the signature module's {@code pqzk} provider (its own
 * ML-DSA and SLH-DSA-SHA2 verifiers, public keys expanded once and cached; SLH-DSA-SHAKE by
 * BouncyCastle): a fixed choice, never a timing taken at run time, so what a validator accepts
 * does not depend on its machine. Key generation and signing use the module's default provider.
 */
public final class Signatures {
  /** Algorithms the ledger accepts in genesis files and envelopes, by standard name. */
  public static final Set<String> ALGORITHMS = Arrays.stream(SignatureAlgorithm.values())
      .filter(a -> a.isMlDsa() || a.isSlhDsa())
      .map(SignatureAlgorithm::displayName)
      .collect(Collectors.toUnmodifiableSet());

  /** The provider every ledger verification uses (see the class comment). */
  static final String VERIFICATION_PROVIDER = "pqzk";

  private static final SignatureProvider VERIFIER = verificationProvider();

  private Signatures() {}

  private static SignatureProvider verificationProvider() {
    try {
      return io.pqzk.sig.Signatures.provider(VERIFICATION_PROVIDER);
    } catch (PqSignatureException e) {
      throw new IllegalStateException("the signature module offers no '" + VERIFICATION_PROVIDER
          + "' provider: " + e.getMessage(), e);
    }
  }

  /** The name of the provider ledger verification uses ({@code pqzk}). */
  public static String verificationProviderName() {
    return VERIFIER.name();
  }

  /** A verifier of {@code key} for pure signatures with context {@code ctx}. */
  static io.pqzk.sig.Verifier verifier(PqPublicKey key, byte[] ctx) throws PqSignatureException {
    return VERIFIER.verifier(key, SignatureOptions.defaults().withContext(ctx));
  }

  /** Checks an algorithm name (exact standard spelling); throws naming it when unknown. */
  public static String check(String algorithm) throws UnsupportedAlgorithmException {
    if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
      throw new UnsupportedAlgorithmException("unknown signature algorithm '" + algorithm
          + "' (expected one of " + ALGORITHMS.stream().sorted().toList() + ")");
    }
    return algorithm;
  }

  private static SignatureAlgorithm of(String algorithm) throws UnsupportedAlgorithmException {
    check(algorithm);
    try {
      return SignatureAlgorithm.fromName(algorithm);
    } catch (PqSignatureException e) {
      throw new UnsupportedAlgorithmException(e.getMessage());
    }
  }

  /** Signature length in bytes of a ledger algorithm (FIPS 204 Table 2, FIPS 205 Table 2). */
  public static int signatureLength(String algorithm) throws UnsupportedAlgorithmException {
    return of(algorithm).signatureLength();
  }

  public static boolean isMlDsa(String algorithm) {
    return algorithm.startsWith("ML-DSA-");
  }

  public static boolean isSlhDsa(String algorithm) {
    return algorithm.startsWith("SLH-DSA-");
  }

  /** A fresh key pair. */
  public static LedgerSigningKey generate(String algorithm) throws UnsupportedAlgorithmException {
    try {
      PqKeyPair kp = io.pqzk.sig.Signatures.generateKeyPair(of(algorithm));
      return new LedgerSigningKey(new LedgerPublicKey(kp.publicKey()), kp.privateKey());
    } catch (PqSignatureException e) {
      throw new IllegalStateException("cannot generate " + algorithm + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses an SPKI encoding (RFC 9881 / RFC 9909) as a key of {@code algorithm}; rejects another
   * parameter set and any encoding but the canonical DER, so one key has exactly one key id.
   */
  public static LedgerPublicKey publicKey(String algorithm, byte[] spki)
      throws UnsupportedAlgorithmException, GeneralSecurityException {
    SignatureAlgorithm a = of(algorithm);
    try {
      PqPublicKey pk = KeyCodec.decodePublicKey(spki);
      if (pk.algorithm() != a) {
        throw new GeneralSecurityException("key is " + pk.algorithm().displayName() + ", not "
            + algorithm);
      }
      LedgerPublicKey k = new LedgerPublicKey(pk);
      if (!Arrays.equals(k.spki(), spki)) {
        throw new GeneralSecurityException("public key is not in canonical DER");
      }
      k.verifier(new byte[0]); // the provider checks the key's content here
      return k;
    } catch (PqSignatureException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  /** The public key as PEM "PUBLIC KEY" (SPKI, RFC 9881 / RFC 9909). */
  public static String publicKeyToPem(LedgerPublicKey key) {
    return Pem.encode(KeyCodec.PEM_PUBLIC, key.spki());
  }

  /** Reads PEM "PUBLIC KEY" as a key of {@code algorithm} (see {@link #publicKey}). */
  public static LedgerPublicKey publicKeyFromPem(String algorithm, String pem)
      throws UnsupportedAlgorithmException, GeneralSecurityException {
    byte[] spki;
    try {
      spki = Pem.decode(pem, KeyCodec.PEM_PUBLIC);
    } catch (PqSignatureException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
    return publicKey(algorithm, spki);
  }

  /** PKCS#8 DER in clear (seed form when the key has one): a secret, wipe it after use. */
  public static byte[] encodePrivate(LedgerSigningKey key) {
    try {
      return KeyCodec.encodePrivateKeyUnencrypted(key.pqKey());
    } catch (PqSignatureException e) {
      throw new IllegalStateException("cannot encode the private key: " + e.getMessage(), e);
    }
  }

  /** Rebuilds a signing key from PKCS#8 DER and checks it belongs to {@code pub}. */
  public static LedgerSigningKey decodePrivate(LedgerPublicKey pub, byte[] pkcs8)
      throws GeneralSecurityException {
    try {
      return matching(pub, KeyCodec.decodePrivateKey(pkcs8));
    } catch (PqSignatureException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  /** PEM "ENCRYPTED PRIVATE KEY" (the signature module's PBES2: PBKDF2, AES-256-CBC). */
  public static String encryptPrivate(LedgerSigningKey key, char[] passphrase) {
    try {
      return KeyCodec.privateKeyToEncryptedPem(key.pqKey(), passphrase);
    } catch (PqSignatureException e) {
      throw new IllegalStateException("cannot encrypt the private key: " + e.getMessage(), e);
    }
  }

  /** Decrypts a PEM private key and checks it belongs to {@code pub}. */
  public static LedgerSigningKey decryptPrivate(LedgerPublicKey pub, String pem,
      char[] passphrase) throws GeneralSecurityException {
    try {
      return matching(pub, KeyCodec.privateKeyFromPem(pem, passphrase));
    } catch (PqSignatureException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  private static LedgerSigningKey matching(LedgerPublicKey pub, PqPrivateKey k)
      throws GeneralSecurityException {
    if (!k.publicKey().equals(pub.pqKey())) {
      k.destroy();
      throw new GeneralSecurityException("private key does not match public key "
          + pub.keyIdHex());
    }
    return new LedgerSigningKey(pub, k);
  }

  /** Hedged pure signature over {@code message} with context {@code ctx} (0..255 bytes). */
  public static byte[] sign(LedgerSigningKey key, byte[] message, byte[] ctx) {
    try {
      return key.signer(ctx).sign(message);
    } catch (PqSignatureException e) {
      throw new IllegalStateException("signing with " + key.algorithm() + " failed: "
          + e.getMessage(), e);
    }
  }

  /** Verifies; returns normally or throws {@link SignatureException} saying why. */
  public static void verify(LedgerPublicKey key, byte[] message, byte[] ctx, byte[] signature)
      throws SignatureException {
    try {
      key.verifier(ctx).verify(message, signature);
    } catch (SignatureVerificationException e) {
      throw new SignatureException(key.algorithm() + " signature does not verify ("
          + e.getMessage() + ")", e);
    } catch (PqSignatureException e) {
      throw new SignatureException(key.algorithm() + " verification failed: " + e.getMessage(),
          e);
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
   * Verifies every check on every core (the signature module's batch verification); throws for
   * the first failing check in list order, whatever the scheduling, its message prefixed with
   * the check's label.
   */
  public static void verifyAll(List<Check> checks) throws BatchFailure {
    try {
      io.pqzk.sig.Signatures.verifyAll(VERIFIER, items(checks));
    } catch (BatchVerificationException e) {
      throw firstFailure(checks, e);
    }
  }

  /**
   * Starts verifying every check on the pool's workers and returns at once, so that the caller
   * can apply a block's state rules meanwhile; {@link Pending#await} then gives the outcome
   * {@link #verifyAll} would have.
   */
  public static Pending start(List<Check> checks) {
    return new Pending(List.copyOf(checks),
        io.pqzk.sig.Signatures.startVerifyAll(VERIFIER, items(checks)));
  }

  private static List<VerificationItem> items(List<Check> checks) {
    List<VerificationItem> items = new ArrayList<>(checks.size());
    Map<ByteBuffer, SignatureOptions> options = new HashMap<>();
    for (Check c : checks) {
      SignatureOptions o = options.computeIfAbsent(ByteBuffer.wrap(c.context()), k -> {
        try {
          return SignatureOptions.defaults().withContext(c.context());
        } catch (PqSignatureException e) {
          throw new IllegalArgumentException("context longer than 255 bytes", e);
        }
      });
      items.add(new VerificationItem(c.key().pqKey(), o, c.message(), c.signature()));
    }
    return items;
  }

  /** The first failing check of the batch, in list order. */
  private static BatchFailure firstFailure(List<Check> checks, BatchVerificationException e) {
    int first = e.failedIndices()[0];
    Check c = checks.get(first);
    return new BatchFailure(c, c.key().algorithm() + " signature does not verify ("
        + e.failures().get(first).getMessage() + ")");
  }

  /** Checks being verified; see {@link #start}. */
  public static final class Pending {
    private final List<Check> checks;
    private final PendingVerification verification;

    private Pending(List<Check> checks, PendingVerification verification) {
      this.checks = checks;
      this.verification = verification;
    }

    /**
     * Verifies what no worker has taken yet on this thread, waits for the rest, and throws for
     * the first failing check in list order.
     */
    public void await() throws BatchFailure {
      try {
        verification.await();
      } catch (BatchVerificationException e) {
        throw firstFailure(checks, e);
      }
    }

    /** The outcome is no longer needed: stop handing out checks ({@link #await} may not follow). */
    public void cancel() {
      verification.cancel();
    }
  }
}
