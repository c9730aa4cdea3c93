package io.pqzk.ledger.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pqzk.ledger.crypto.Hashes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleAccumulatorTest {
  /** RFC 6962 section 2.1 MTH, written recursively as the RFC states it, with our tags. */
  static byte[] mth(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return Hashes.hash(Hashes.REGISTRY_LEAF, "c");
    }
    if (leaves.size() == 1) {
      return Hashes.hash(Hashes.REGISTRY_LEAF, "c", leaves.get(0));
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return Hashes.hash(Hashes.REGISTRY_NODE, "c", mth(leaves.subList(0, k)),
        mth(leaves.subList(k, leaves.size())));
  }

  @Test
  void root_matchesRecursiveDefinitionForEverySizeUpTo70() {
    MerkleAccumulator m = MerkleAccumulator.registry("c");
    List<byte[]> leaves = new ArrayList<>();
    assertArrayEquals(mth(leaves), m.root());
    for (int i = 0; i < 70; i++) {
      byte[] leaf = {(byte) i, (byte) (i >> 8)};
      leaves.add(leaf);
      m.append(leaf);
      assertArrayEquals(mth(leaves), m.root(), "size " + (i + 1));
      MerkleAccumulator back = MerkleAccumulator.fromBytes(Hashes.REGISTRY_LEAF,
          Hashes.REGISTRY_NODE, "c", m.toBytes());
      assertArrayEquals(m.root(), back.root(), "restored frontier, size " + (i + 1));
      assertEquals(i + 1, back.size());
    }
  }

  @Test
  void root_dependsOnChainIdAndLeafOrder() {
    MerkleAccumulator a = MerkleAccumulator.registry("c");
    MerkleAccumulator b = MerkleAccumulator.registry("d");
    MerkleAccumulator swapped = MerkleAccumulator.registry("c");
    a.append(new byte[] {1});
    a.append(new byte[] {2});
    b.append(new byte[] {1});
    b.append(new byte[] {2});
    swapped.append(new byte[] {2});
    swapped.append(new byte[] {1});
    assertFalse(Arrays.equals(a.root(), b.root()));
    assertFalse(Arrays.equals(a.root(), swapped.root()));
  }
}
