package io.pqzk.zk.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.stark.claim.StarkRegistryHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SparseMerkleTreeTest {
  private static final RegistryHash SHA = new Sha256RegistryHash();

  private static List<byte[]> randomLeaves(Random rnd, int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[32];
      rnd.nextBytes(b);
      out.add(b);
    }
    return out;
  }

  /** The root by brute force over all 2^depth slots. */
  private static byte[] naiveRoot(RegistryHash h, int depth, List<byte[]> leaves) {
    byte[][] level = new byte[1 << depth][];
    for (int i = 0; i < level.length; i++) {
      level[i] = i < leaves.size() ? leaves.get(i) : h.emptyLeaf();
    }
    while (level.length > 1) {
      byte[][] up = new byte[level.length / 2][];
      for (int j = 0; j < up.length; j++) {
        up[j] = h.node(level[2 * j], level[2 * j + 1]);
      }
      level = up;
    }
    return level[0];
  }

  @ParameterizedTest(name = "{0} leaves")
  @ValueSource(ints = {0, 1, 2, 3, 7, 8, 13, 64})
  void root_equalsFullTreeComputation(int n) {
    List<byte[]> leaves = randomLeaves(new Random(n), n);
    assertArrayEquals(naiveRoot(SHA, 6, leaves), SparseMerkleTree.build(SHA, 6, leaves).root());
  }

  @Test
  void paths_ofRandomTrees_verifyAgainstRoot() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 40; trial++) {
      int n = 1 + rnd.nextInt(300);
      List<byte[]> leaves = randomLeaves(rnd, n);
      SparseMerkleTree t = SparseMerkleTree.build(SHA, leaves);
      byte[] root = t.root();
      for (int k = 0; k < 5; k++) {
        int i = rnd.nextInt(n);
        MerklePath p = t.path(i);
        assertEquals(SparseMerkleTree.DEPTH, p.depth());
        assertTrue(SparseMerkleTree.verify(SHA, leaves.get(i), p, root), "leaf " + i);
        // any other leaf, index or sibling must fail
        int other = (i + 1 + rnd.nextInt(n)) % n;
        if (other != i) {
          assertFalse(SparseMerkleTree.verify(SHA, leaves.get(other), p, root));
        }
        assertFalse(SparseMerkleTree.verify(SHA, leaves.get(i),
            new MerklePath(i ^ 1, p.siblings()), root));
        int level = rnd.nextInt(p.depth());
        byte[] flipped = p.sibling(level);
        flipped[rnd.nextInt(32)] ^= 1;
        List<byte[]> sib = new ArrayList<>(p.siblings());
        sib.set(level, flipped);
        assertFalse(SparseMerkleTree.verify(SHA, leaves.get(i), new MerklePath(i, sib), root));
      }
    }
  }

  @Test
  void path_isImmutableAndComparesByContent() {
    SparseMerkleTree t = SparseMerkleTree.build(SHA, randomLeaves(new Random(9), 4));
    MerklePath p = t.path(2);
    p.siblings().get(0)[0] ^= 1;
    p.sibling(1)[0] ^= 1;
    assertEquals(t.path(2), p);
    assertEquals(t.path(2).hashCode(), p.hashCode());
    assertFalse(p.equals(t.path(3)));
  }

  @Test
  void emptySlot_hasAPathToTheEmptyLeaf() {
    SparseMerkleTree t = SparseMerkleTree.build(SHA, randomLeaves(new Random(1), 5));
    assertTrue(SparseMerkleTree.verify(SHA, SHA.emptyLeaf(), t.path(1000), t.root()));
  }

  @Test
  void emptyTree_rootIsTheEmptySubtreeRoot() {
    byte[][] empty = SparseMerkleTree.emptyRoots(SHA, SparseMerkleTree.DEPTH);
    assertArrayEquals(empty[SparseMerkleTree.DEPTH],
        SparseMerkleTree.build(SHA, List.of()).root());
  }

  @Test
  void starkHash_pathsVerify() {
    RegistryHash h = new StarkRegistryHash();
    List<byte[]> leaves = new ArrayList<>();
    Random rnd = new Random(7);
    for (int i = 0; i < 9; i++) {
      leaves.add(h.leaf(io.pqzk.zk.claims.Record.of(
          new long[] {i, 1990, 2, 80, 20260101, 3, 1}, new long[] {rnd.nextLong() >>> 1, 5})));
    }
    SparseMerkleTree t = SparseMerkleTree.build(h, 4, leaves);
    assertArrayEquals(naiveRoot(h, 4, leaves), t.root());
    for (int i = 0; i < 9; i++) {
      assertTrue(SparseMerkleTree.verify(h, leaves.get(i), t.path(i), t.root()));
    }
  }

  @Test
  void build_tooManyLeaves_throws() {
    assertThrows(IllegalArgumentException.class,
        () -> SparseMerkleTree.build(SHA, 2, randomLeaves(new Random(3), 5)));
  }

  @Test
  void build_wrongLeafLength_throws() {
    assertThrows(IllegalArgumentException.class,
        () -> SparseMerkleTree.build(SHA, 3, List.of(new byte[31])));
  }

  @Test
  void path_indexOutsideTree_throws() {
    SparseMerkleTree t = SparseMerkleTree.build(SHA, 3, List.of());
    assertThrows(IllegalArgumentException.class, () -> t.path(8));
  }
}
