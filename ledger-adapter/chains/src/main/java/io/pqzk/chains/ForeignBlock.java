package io.pqzk.chains;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A block of another chain as its adapter read it: its number and hash exactly as that chain
 * computes them, its parent's hash, and what a post-quantum attestation of it signs ({@link
 * #subject()}). Immutable; arrays are copied in and out.
 */
public final class ForeignBlock {
  private final String chain;
  private final String chainId;
  private final long number;
  private final byte[] hash;
  private final byte[] parentHash;
  private final byte[] coveredDigest;
  private final String layout;

  /**
   * @param chain the adapter's name
   * @param chainId the chain's own id when the block names it (Fabric's channel), else null
   * @param coveredDigest a digest of what the block hash leaves out but attestations cover
   *     (empty when the hash covers everything)
   * @param layout the format read, e.g. "Prague header (21 fields)"
   */
  public ForeignBlock(String chain, String chainId, long number, byte[] hash, byte[] parentHash,
      byte[] coveredDigest, String layout) {
    this.chain = Objects.requireNonNull(chain);
    this.chainId = chainId;
    this.number = number;
    this.hash = hash.clone();
    this.parentHash = parentHash.clone();
    this.coveredDigest = coveredDigest.clone();
    this.layout = Objects.requireNonNull(layout);
    if (number < 0) {
      throw new IllegalArgumentException("block number " + Long.toUnsignedString(number)
          + " beyond 2^63-1");
    }
    if (hash.length == 0 || hash.length + coveredDigest.length > 64) {
      throw new IllegalArgumentException("hash and covered digest must fit in 64 bytes");
    }
  }

  public String chain() {
    return chain;
  }

  /** The chain id the block itself names, if any (Ethereum headers name none). */
  public Optional<String> chainId() {
    return Optional.ofNullable(chainId);
  }

  public long number() {
    return number;
  }

  public byte[] hash() {
    return hash.clone();
  }

  public String hashHex() {
    return "0x" + HexFormat.of().formatHex(hash);
  }

  public byte[] parentHash() {
    return parentHash.clone();
  }

  public byte[] coveredDigest() {
    return coveredDigest.clone();
  }

  public String layout() {
    return layout;
  }

  /**
   * The canonical bytes an attestation of this block signs (as the subject of a quorum
   * statement): the block hash followed by the covered digest.
   */
  public byte[] subject() {
    byte[] s = new byte[hash.length + coveredDigest.length];
    System.arraycopy(hash, 0, s, 0, hash.length);
    System.arraycopy(coveredDigest, 0, s, hash.length, coveredDigest.length);
    return s;
  }

  @Override
  public String toString() {
    return chain + " block " + number + " " + hashHex() + " (" + layout + ")";
  }
}
