package io.pqzk.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binding context a claim on this ledger must carry: UTF-8
 * {@code "pqzk/v1/claim|" + chainId + "|" + rootHeight + "|"} followed by a {@value #NONCE_BYTES}-byte
 * nonce. The proof commits to these bytes, so a proof made for another chain or another root
 * height does not verify here, and the ledger accepts each context once, so the same proof cannot
 * be submitted twice.
 */
public final class ClaimContexts {
  public static final int NONCE_BYTES = 16;
  static final String PREFIX = "pqzk/v1/claim|";

  private ClaimContexts() {}

  /** The context for a claim on {@code chainId} against the registry root of {@code rootHeight}. */
  public static byte[] of(String chainId, long rootHeight, byte[] nonce) {
    if (nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("claim nonce must be " + NONCE_BYTES + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix(chainId, rootHeight));
    out.writeBytes(nonce);
    return out.toByteArray();
  }

  static byte[] prefix(String chainId, long rootHeight) {
    return (PREFIX + chainId + "|" + Long.toUnsignedString(rootHeight) + "|")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Null when {@code context} is the right form for this chain and root height, else why not. */
  static String problemWith(byte[] context, String chainId, long rootHeight) {
    byte[] p = prefix(chainId, rootHeight);
    if (context.length != p.length + NONCE_BYTES
        || !Arrays.equals(Arrays.copyOf(context, p.length), p)) {
      return "claim context must be \"" + PREFIX + chainId + "|" + Long.toUnsignedString(rootHeight)
          + "|\" followed by a " + NONCE_BYTES + "-byte nonce (binds the chain and the root height)";
    }
    return null;
  }
}
