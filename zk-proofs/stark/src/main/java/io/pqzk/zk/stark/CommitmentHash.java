package io.pqzk.zk.stark;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash of a proof's commitments (Merkle trees of the trace, the composition and FRI layers)
 * and of its Fiat-Shamir transcript: the random oracle of the argument (ethSTARK documentation,
 * ePrint 2021/582, section 5: the BCS transformation). Both have 256-bit digests: collision
 * resistance 2^128 classically, about 2^85 against a quantum adversary (Brassard, Hoyer, Tapp,
 * 1998: collision search in 2^(n/3)), preimages 2^128 under Grover.
 *
 * <p>SHA-256 (FIPS 180-4) is the default: the JDK runs it on the CPU's SHA extensions, 5 to 7
 * times faster than SHA3-256 (FIPS 202) on the short messages of a Merkle tree here. Inputs have
 * fixed lengths and are domain-separated, so SHA-256's length extension plays no part.
 */
public enum CommitmentHash {
  SHA3_256("SHA3-256", 0, "sha3"),
  SHA_256("SHA-256", 1, "sha256");

  /** Digest bytes of both hashes. */
  public static final int DIGEST_BYTES = 32;

  private final String jcaName;
  private final int code;
  private final String label;
  private final ThreadLocal<MessageDigest> digests;

  CommitmentHash(String jcaName, int code, String label) {
    this.jcaName = jcaName;
    this.code = code;
    this.label = label;
    this.digests = ThreadLocal.withInitial(this::newDigest);
  }

  /** The byte that names the hash in an encoded option set. */
  public int code() {
    return code;
  }

  /** The short name in an option set's name ({@code sha256}, {@code sha3}). */
  public String label() {
    return label;
  }

  /** Collision resistance in bits against a classical adversary (digest bits / 2). */
  public int collisionBits() {
    return 4 * DIGEST_BYTES;
  }

  /** The hash of a code, or null. */
  public static CommitmentHash ofCode(int code) {
    for (CommitmentHash h : values()) {
      if (h.code == code) {
        return h;
      }
    }
    return null;
  }

  /** The hash of a label, or null. */
  public static CommitmentHash ofLabel(String label) {
    for (CommitmentHash h : values()) {
      if (h.label.equals(label)) {
        return h;
      }
    }
    return null;
  }

  /** A fresh digest object. */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jcaName + " missing from the JDK", e);
    }
  }

  /** This thread's digest object (reset: every use ends with {@code digest()}). */
  public MessageDigest digest() {
    return digests.get();
  }
}
