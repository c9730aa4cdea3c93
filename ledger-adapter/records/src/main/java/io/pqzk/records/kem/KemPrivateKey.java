package io.pqzk.records.kem;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.pqc.crypto.xwing.XWingPrivateKeyParameters;

/**
 * An X-Wing decapsulation key in the draft's seed form (32 bytes, from which both halves are
 * expanded). Never printed; compared in constant time; {@link #destroy()} wipes the seed (the
 * expanded halves BouncyCastle builds for each operation are not reachable to wipe, and are
 * dropped after it).
 */
public final class KemPrivateKey implements Destroyable {
  private final byte[] seed;
  private final KemPublicKey publicKey;
  private volatile boolean destroyed;

  private KemPrivateKey(byte[] seed, KemPublicKey publicKey) {
    this.seed = seed;
    this.publicKey = publicKey;
  }

  /** The key with this seed; its public key is derived (and so always matches). */
  public static KemPrivateKey fromSeed(byte[] seed) throws KemException {
    if (seed == null || seed.length != XWing.SEED_BYTES) {
      throw new KemException("an X-Wing private key is a " + XWing.SEED_BYTES + "-byte seed, got "
          + (seed == null ? "none" : seed.length + " bytes"));
    }
    byte[] s = seed.clone();
    KemPublicKey pk = KemPublicKey.of(
        new XWingPrivateKeyParameters(s).getPublicKeyParameters().getEncoded());
    return new KemPrivateKey(s, pk);
  }

  public KemPublicKey publicKey() {
    return publicKey;
  }

  /** A copy of the seed: a secret, the caller wipes it. */
  public byte[] seed() {
    check();
    return seed.clone();
  }

  XWingPrivateKeyParameters parameters() {
    check();
    return new XWingPrivateKeyParameters(seed);
  }

  private void check() {
    if (destroyed) {
      throw new IllegalStateException("the X-Wing private key was destroyed");
    }
  }

  @Override
  public void destroy() {
    Arrays.fill(seed, (byte) 0);
    destroyed = true;
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KemPrivateKey k && !destroyed && !k.destroyed
        && MessageDigest.isEqual(seed, k.seed);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "X-Wing private key for " + publicKey + " (redacted)";
  }
}
