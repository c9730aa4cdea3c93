package io.pqzk.sig;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Destroyable;

/**
 * A private key with its public key. It holds the seed form (ML-DSA xi, FIPS 204 Alg. 6), the
 * expanded form (ML-DSA skEncode; SLH-DSA SK.seed || SK.prf || PK.seed || PK.root; composite
 * encoding), or both.
 *
 * <p>Build one with {@link Signatures#privateKeyFromSeed}, {@link
 * Signatures#privateKeyFromExpanded} or a key generator: those check that the parts agree.
 * {@link #fromPartsUnchecked} is for providers that have already derived the parts.
 *
 * <p>Secrets never print ({@link #toString()} is redacted), compare in constant time, and are
 * zeroed by {@link #destroy()}; accessors return copies which the caller should zero after use.
 */
public final class PqPrivateKey implements Destroyable {
  private final SignatureAlgorithm algorithm;
  private final byte[] seed;
  private final byte[] expanded;
  private final PqPublicKey publicKey;
  private volatile boolean destroyed;

  private PqPrivateKey(
      SignatureAlgorithm algorithm, byte[] seed, byte[] expanded, PqPublicKey publicKey) {
    this.algorithm = algorithm;
    this.seed = seed;
    this.expanded = expanded;
    this.publicKey = publicKey;
  }

  /**
   * Assembles a key from parts whose consistency the caller vouches for: only lengths and the
   * algorithm of the public key are checked. At least one of seed and expanded must be given.
   *
   * @throws WrongLengthException if a part has the wrong length
   * @throws KeyAlgorithmMismatchException if the public key is of another parameter set
   */
  public static PqPrivateKey fromPartsUnchecked(
      SignatureAlgorithm algorithm, byte[] seed, byte[] expanded, PqPublicKey publicKey)
      throws WrongLengthException, KeyAlgorithmMismatchException {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(publicKey, "publicKey");
    if (seed == null && expanded == null) {
      throw new IllegalArgumentException("a private key needs a seed or an expanded key");
    }
    if (publicKey.algorithm() != algorithm) {
      throw new KeyAlgorithmMismatchException(publicKey.algorithm(), algorithm);
    }
    if (seed != null && seed.length != algorithm.seedLength()) {
      throw new WrongLengthException(
          algorithm.displayName() + " private key seed", seed.length, algorithm.seedLength());
    }
    int skLen = algorithm.privateKeyLength();
    if (expanded != null && skLen >= 0 && expanded.length != skLen) {
      throw new WrongLengthException(
          algorithm.displayName() + " expanded private key", expanded.length, skLen);
    }
    return new PqPrivateKey(
        algorithm,
        seed == null ? null : seed.clone(),
        expanded == null ? null : expanded.clone(),
        publicKey);
  }

  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  public PqPublicKey publicKey() {
    return publicKey;
  }

  /** A copy of the seed, if this key has one (ML-DSA xi; SLH-DSA keys have none). */
  public Optional<byte[]> seed() {
    checkNotDestroyed();
    return Optional.ofNullable(seed == null ? null : seed.clone());
  }

  /** A copy of the expanded encoding, if this key has one. */
  public Optional<byte[]> expanded() {
    checkNotDestroyed();
    return Optional.ofNullable(expanded == null ? null : expanded.clone());
  }

  public boolean hasSeed() {
    return seed != null;
  }

  public boolean hasExpanded() {
    return expanded != null;
  }

  /** Zeroes the secret bytes; the key cannot be used afterwards. */
  @Override
  public void destroy() {
    destroyed = true;
    if (seed != null) {
      Arrays.fill(seed, (byte) 0);
    }
    if (expanded != null) {
      Arrays.fill(expanded, (byte) 0);
    }
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("private key has been destroyed");
    }
  }

  /**
   * Equal when the algorithm, the public key and the secret parts present in both are equal,
   * compared in constant time.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PqPrivateKey)) {
      return false;
    }
    PqPrivateKey other = (PqPrivateKey) o;
    if (algorithm != other.algorithm || !publicKey.equals(other.publicKey)) {
      return false;
    }
    boolean same = true;
    boolean compared = false;
    if (seed != null && other.seed != null) {
      same &= MessageDigest.isEqual(seed, other.seed);
      compared = true;
    }
    if (expanded != null && other.expanded != null) {
      same &= MessageDigest.isEqual(expanded, other.expanded);
      compared = true;
    }
    return same && compared;
  }

  /** Derived from the public key only, so it leaks nothing secret. */
  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return algorithm.displayName() + " private key [redacted"
        + (seed != null ? ", seed" : "") + (expanded != null ? ", expanded" : "")
        + (destroyed ? ", destroyed" : "") + "]";
  }
}
