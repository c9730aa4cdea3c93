package io.pqzk.chains;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Checks that blocks form a chain: each one's number follows the one before and its parent hash
 * is the hash computed for that one. This is how a Fabric block hash is confirmed at all: Fabric
 * publishes no block hashes, so the computed header hash of block n is checked against block
 * n+1's {@code previous_hash}.
 */
public final class Sequences {
  private Sequences() {}

  /**
   * @throws CommitmentMismatchException naming the first block that does not link, or that
   *     belongs to another chain
   */
  public static void checkLinks(List<ForeignBlock> blocks) throws CommitmentMismatchException {
    for (int i = 1; i < blocks.size(); i++) {
      ForeignBlock prev = blocks.get(i - 1);
      ForeignBlock b = blocks.get(i);
      if (!prev.chain().equals(b.chain()) || !Objects.equals(prev.chainId(), b.chainId())) {
        throw new CommitmentMismatchException("chain", b.number(),
            prev.chain() + prev.chainId().map(c -> "/" + c).orElse(""),
            b.chain() + b.chainId().map(c -> "/" + c).orElse(""));
      }
      if (b.number() != prev.number() + 1) {
        throw new CommitmentMismatchException("block number after " + prev.number(), b.number(),
            Long.toString(prev.number() + 1), Long.toString(b.number()));
      }
      if (!MessageDigest.isEqual(b.parentHash(), prev.hash())) {
        throw new CommitmentMismatchException("link to the parent (block " + prev.number()
            + ")", b.number(), b.parentHash(), prev.hash());
      }
    }
  }
}
