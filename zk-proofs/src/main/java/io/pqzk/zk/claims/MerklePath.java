package io.pqzk.zk.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * Authentication path of a registry leaf: its index and one sibling digest per level, leaf level
 * first. Bit i of the index (least significant first) is 1 when the node at level i is a right
 * child.
 */
public record MerklePath(long index, List<byte[]> siblings) {
  public MerklePath {
    if (index < 0 || (siblings.size() < 63 && index >= (1L << siblings.size()))) {
      throw new IllegalArgumentException(
          "leaf index " + index + " does not fit a tree of depth " + siblings.size());
    }
    List<byte[]> copy = new ArrayList<>(siblings.size());
    for (byte[] s : siblings) {
      copy.add(s.clone());
    }
    siblings = List.copyOf(copy);
  }

  public int depth() {
    return siblings.size();
  }

  /** Sibling digest at a level (a copy). */
  public byte[] sibling(int level) {
    return siblings.get(level).clone();
  }
}
