package io.pqzk.ledger.crypto;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureVerificationException;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The ledger's door to FIPS 204 (ML-DSA) and FIPS 205 (SLH-DSA), through the project's
 * {@code io.pqzk.sig} API: pure signing with a context string (FIPS 204 section 5.2, FIPS 205
 * section 10.2), hedged, and verification that throws instead of returning false. Only the pure
 * ML-DSA and SLH-DSA parameter sets are allowed on the ledger (no pre-hash, no composites).
 */
public final class Signatures {
  /** Algorithms the ledger accepts in genesis files and envelopes, by standard name. */
  public static final Set<String> ALGORITHMS = Arrays.stream(SignatureAlgorithm.values())
      .filter(a -> a.isMlDsa() || a.isSlhDsa())
      .map(SignatureAlgorithm::displayName)
      .collect(Collectors.toUnmodifiableSet());

  private Signatures() {}

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

  /** Parses an SPKI encoding as a key of {@code algorithm}; rejects a mismatch. */
  public static LedgerPublicKey publicKey(String algorithm, byte[] spki)
      throws UnsupportedAlgorithmException, GeneralSecurityException {
    SignatureAlgorithm a = of(algorithm);
    try {
      LedgerPublicKey k = new LedgerPublicKey(PqPublicKey.fromRaw(a, Spki.decode(a, spki)));
      k.verifier(new byte[0]); // the provider checks the key's content here
      return k;
    } catch (PqSignatureException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  private static final byte SEED_FORM = 1;
  private static final byte EXPANDED_FORM = 2;

  /**
   * The private key as one tag byte then its seed form (ML-DSA xi, FIPS 204 Alg. 6) when the
   * key has one, otherwise its expanded form (FIPS 205 SK.seed || SK.prf || PK.seed || PK.root):
   * the caller encrypts it at rest and wipes the array.
   */
  public static byte[] encodePrivate(LedgerSigningKey key) {
    PqPrivateKey k = key.pqKey();
    byte[] part = k.seed().orElse(null);
    byte tag = SEED_FORM;
    if (part == null) {
      part = k.expanded().orElseThrow(() -> new IllegalStateException("key has no secret part"));
      tag = EXPANDED_FORM;
    }
    byte[] out = new byte[part.length + 1];
    out[0] = tag;
    System.arraycopy(part, 0, out, 1, part.length);
    Arrays.fill(part, (byte) 0);
    return out;
  }

  /** Rebuilds a signing key from {@link #encodePrivate} bytes; checks it belongs to {@code pub}. */
  public static LedgerSigningKey decodePrivate(LedgerPublicKey pub, byte[] encoded)
      throws GeneralSecurityException {
    if (encoded.length < 2 || (encoded[0] != SEED_FORM && encoded[0] != EXPANDED_FORM)) {
      throw new GeneralSecurityException("not an encoded private key");
    }
    byte[] part = Arrays.copyOfRange(encoded, 1, encoded.length);
    SignatureAlgorithm alg = pub.pqKey().algorithm();
    try {
      PqPrivateKey k = encoded[0] == SEED_FORM
          ? io.pqzk.sig.Signatures.privateKeyFromSeed(alg, part)
          : io.pqzk.sig.Signatures.privateKeyFromExpanded(alg, part);
      if (!k.publicKey().equals(pub.pqKey())) {
        k.destroy();
        throw new GeneralSecurityException("private key does not match public key "
            + pub.keyIdHex());
      }
      return new LedgerSigningKey(pub, k);
    } catch (PqSignatureException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    } finally {
      Arrays.fill(part, (byte) 0);
    }
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
   * Verifies every check on every core; throws for the first failing check in list order
   * (deterministic whatever the scheduling), its message prefixed with the check's label.
   * TODO(sig): switch to the signature module's batch verification when it is merged.
   */
  public static void verifyAll(List<Check> checks) throws BatchFailure {
    String[] failures = new String[checks.size()];
    IntStream.range(0, checks.size()).parallel().forEach(i -> {
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
