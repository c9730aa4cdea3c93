package io.pqzk.zk.stark.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.stark.CommitmentHash;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  @Test
  void batchPath_randomSubsets_recomputeRoot_andTamperingFails() {
    Random r = new Random(4);
    int n = 256;
    byte[][] leaves = new byte[n][];
    byte[][] salts = new byte[n][32];
    byte[] flat = new byte[n * 32];
    for (int i = 0; i < n; i++) {
      leaves[i] = new byte[] {(byte) i, (byte) (i >> 8)};
      r.nextBytes(salts[i]);
      System.arraycopy(salts[i], 0, flat, 32 * i, 32);
    }
    CommitmentHash h = CommitmentHash.SHA_256;
    MerkleTree t = MerkleTree.build(h, leaves, flat);
    for (int trial = 0; trial < 50; trial++) {
      TreeSet<Integer> s = new TreeSet<>();
      int k = 1 + r.nextInt(60);
      while (s.size() < k) {
        s.add(r.nextInt(n));
      }
      int[] idx = s.stream().mapToInt(Integer::intValue).toArray();
      byte[][] digests = new byte[idx.length][];
      for (int q = 0; q < idx.length; q++) {
        digests[q] = MerkleTree.leafHash(h, leaves[idx[q]], salts[idx[q]]);
      }
      List<byte[]> path = t.batchPath(idx);
      assertTrue(path.size() <= MerkleTree.maxBatchPath(idx.length, 8));
      assertArrayEquals(t.root(), MerkleTree.batchRoot(h, idx, digests, path, 8));
      List<byte[]> bad = new ArrayList<>(path);
      if (!bad.isEmpty()) {
        byte[] b = bad.get(0).clone();
        b[0] ^= 1;
        bad.set(0, b);
        assertFalse(MessageDigest.isEqual(t.root(), MerkleTree.batchRoot(h, idx, digests, bad, 8)));
        assertNull(MerkleTree.batchRoot(h, idx, digests, path.subList(0, path.size() - 1), 8));
      }
      List<byte[]> longer = new ArrayList<>(path);
      longer.add(new byte[32]);
      assertNull(MerkleTree.batchRoot(h, idx, digests, longer, 8));
    }
  }
}
