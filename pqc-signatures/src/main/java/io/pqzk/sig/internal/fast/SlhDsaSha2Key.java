package io.pqzk.sig.internal.fast;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Arrays;

/**
 * An SLH-DSA-SHA2 public key PK.seed || PK.root with the seeded hash states of FIPS 205 section
 * 11.2: SHA-256 after PK.seed || toByte(0, 64 - n), and for security categories 3 and 5 also
 * SHA-512 after PK.seed || toByte(0, 128 - n). Every F, H and T_l call starts with that same
 * block, so it is compressed once per key here and the digest state cloned per call, as the
 * SPHINCS+ reference implementations precompute their seeded state.
 *
 * <p>The digests are the JDK's own ("SHA-256" and "SHA-512" of provider SUN, which HotSpot runs
 * on the CPU's SHA instructions where it has an intrinsic for them: SHA-NI on x86-64). The
 * templates are never updated after construction; {@link #hashes()} clones them for one
 * verification, so that concurrent verifications share no mutable state.
 */
final class SlhDsaSha2Key {
  final SlhDsaParams params;
  final byte[] pkSeed;
  final byte[] pkRoot;
  private final MessageDigest seeded256;
  private final MessageDigest seeded512;

  SlhDsaSha2Key(SlhDsaParams params, byte[] pk) {
    if (pk.length != 2 * params.n) {
      throw new IllegalArgumentException("public key length " + pk.length);
    }
    this.params = params;
    this.pkSeed = Arrays.copyOfRange(pk, 0, params.n);
    this.pkRoot = Arrays.copyOfRange(pk, params.n, 2 * params.n);
    this.seeded256 = seeded("SHA-256", 64);
    this.seeded512 = params.sha512 ? seeded("SHA-512", 128) : null;
  }

  private MessageDigest seeded(String algorithm, int block) {
    MessageDigest d = newDigest(algorithm);
    d.update(pkSeed);
    d.update(new byte[block - params.n]);
    return d;
  }

  /**
   * The JDK's own digest (provider SUN, whose SHA-2 HotSpot replaces by the CPU's SHA
   * instructions), whatever providers an application put before it; another provider's only if
   * this JVM has no SUN.
   */
  static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm, "SUN");
    } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
      try {
        return MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e2) {
        throw new IllegalStateException(algorithm + " is required of every Java platform", e2);
      }
    }
  }

  /** The seeded states for one verification, on one thread. */
  SlhDsaSha2Hashes hashes() {
    return new SlhDsaSha2Hashes(params.n, clone(seeded256),
        params.sha512 ? clone(seeded512) : clone(seeded256), params.sha512 ? 64 : 32);
  }

  static MessageDigest clone(MessageDigest d) {
    try {
      return (MessageDigest) d.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(d.getAlgorithm() + " of " + d.getProvider()
          + " cannot be cloned", e);
    }
  }
}
