package io.pqzk.ledger.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.Sha256RegistryHash;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.stark.claim.StarkRegistryHash;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ledger's incremental tree has exactly the root of zk-proofs' registry tree. */
class FixedDepthTreeTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  static RegistryHash hash(String name) {
    return name.equals("stark") ? new StarkRegistryHash() : new Sha256RegistryHash();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stark", "sha256"})
  void root_afterEachAppend_equalsSparseMerkleTreeRoot(String name) {
    RegistryHash h = hash(name);
    FixedDepthTree t = new FixedDepthTree(h);
    List<byte[]> leaves = new ArrayList<>();
    assertArrayEquals(SparseMerkleTree.build(h, leaves).root(), t.root(), "empty tree");
    for (int i = 0; i < 19; i++) {
      byte[] leaf = h.leaf(Record.withRandomSalt(new long[] {i, 1990, 1, 70, 20250101, 1, 1},
          RANDOM));
      leaves.add(leaf);
      t.append(leaf);
      assertArrayEquals(SparseMerkleTree.build(h, leaves).root(), t.root(), "after " + (i + 1));
      FixedDepthTree restored = FixedDepthTree.fromBytes(h, t.toBytes());
      assertArrayEquals(t.root(), restored.root(), "restored after " + (i + 1));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10, 647, 649})
  void fromBytes_wrongLength_throws(int length) {
    assertThrows(IllegalArgumentException.class,
        () -> FixedDepthTree.fromBytes(new StarkRegistryHash(), new byte[length]));
  }
}
