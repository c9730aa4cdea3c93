package io.pqzk.zk.claims;

import java.util.ArrayList;
import java.util.Arrays;
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

  /** The siblings, leaf level first (copies: a path cannot be altered through its accessor). */
  @Override
  public List<byte[]> siblings() {
    List<byte[]> copy = new ArrayList<>(siblings.size());
    for (byte[] s : siblings) {
      copy.add(s.clone());
    }
    return List.copyOf(copy);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MerklePath p) || p.index != index || p.siblings.size() != siblings.size()) {
      return false;
    }
    for (int i = 0; i < siblings.size(); i++) {
      if (!Arrays.equals(siblings.get(i), p.siblings.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(index);
    for (byte[] s : siblings) {
      h = 31 * h + Arrays.hashCode(s);
    }
    return h;
  }

  @Override
  public String toString() {
    return "MerklePath[index=" + index + ", depth=" + siblings.size() + "]";
  }
}
