package io.pqzk.ledger;

import io.pqzk.ledger.crypto.Hashes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The binding context a claim on this ledger must carry: ASCII {@code "pqzk/v1/claim|" + chainId
 * + "|" + rootHeight + "|" + authorKeyIdHex + "|"} followed by a {@value #NONCE_BYTES}-byte
 * nonce, where {@code authorKeyIdHex} is the lowercase hex key id of the author of the
 * transaction that carries the claim. The proof commits to these bytes, so a proof made for
 * another chain, another root height or another author does not verify here: a pending claim
 * copied into someone else's transaction is refused, and rewriting its context breaks the proof.
 * The ledger accepts each context once, so the same proof cannot be submitted twice.
 */
public final class ClaimContexts {
  public static final int NONCE_BYTES = 16;
  static final String PREFIX = "pqzk/v1/claim|";
  private static final HexFormat HEX = HexFormat.of();

  private ClaimContexts() {}

  /**
   * The context for a claim on {@code chainId} against the registry root of {@code rootHeight},
   * to be submitted by the author whose key id is {@code authorKeyId}.
   */
  public static byte[] of(String chainId, long rootHeight, byte[] authorKeyId, byte[] nonce) {
    if (authorKeyId.length != Hashes.LENGTH) {
      throw new IllegalArgumentException("author key id must be " + Hashes.LENGTH + " bytes");
    }
    if (nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("claim nonce must be " + NONCE_BYTES + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix(chainId, rootHeight, authorKeyId));
    out.writeBytes(nonce);
    return out.toByteArray();
  }

  private static String prefixText(String chainId, long rootHeight, byte[] authorKeyId) {
    return PREFIX + chainId + "|" + Long.toUnsignedString(rootHeight) + "|"
        + HEX.formatHex(authorKeyId) + "|";
  }

  static byte[] prefix(String chainId, long rootHeight, byte[] authorKeyId) {
    return prefixText(chainId, rootHeight, authorKeyId).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Null when {@code context} is the right form for this chain, root height and author, else
   * why not.
   */
  static String problemWith(byte[] context, String chainId, long rootHeight, byte[] authorKeyId) {
    byte[] p = prefix(chainId, rootHeight, authorKeyId);
    if (context.length != p.length + NONCE_BYTES
        || !Arrays.equals(Arrays.copyOf(context, p.length), p)) {
      return "claim context must be \"" + prefixText(chainId, rootHeight, authorKeyId)
          + "\" followed by a " + NONCE_BYTES + "-byte nonce (binds the chain, the root height"
          + " and the transaction's author)";
    }
    return null;
  }
}
