package io.pqzk.zk.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.stark.claim.StarkRegistryHash;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large STARK-hash registry end to end (minutes on two cores): run with -Dexhaustive. */
@Tag("slow")
class FullRegistrySlowTest {

  @Test
  void csv_withMoreRecordsThanTheTreeHolds_isRejectedOnTheFirstExtraLine() {
    StringBuilder b = new StringBuilder(RecordsCsv.header()).append('\n');
    for (int i = 0; i <= SparseMerkleTree.MAX_LEAVES; i++) {
      b.append(i).append(",1990,2,80,20260101,3,7\n");
    }
    RecordsFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
        RecordsFormatException.class,
        () -> RecordsCsv.read(new java.io.StringReader(b.toString()), "big.csv"));
    org.junit.jupiter.api.Assertions.assertEquals(SparseMerkleTree.MAX_LEAVES + 2, e.line());
  }

  @Test
  void starkRegistry_of65536Records_roundTripsAndEveryOpeningChecks(@TempDir Path dir)
      throws Exception {
    List<long[]> rows = new ArrayList<>();
    for (int i = 0; i < 1 << 16; i++) {
      rows.add(new long[] {i, 1950 + i % 60, i % 8, i % 101, 20250101 + i % 28, i % 6, 7});
    }
    StarkRegistryHash h = new StarkRegistryHash();
    Registry built = Registry.create(dir, "stark", h, rows, new SecureRandom(), false);
    Registry loaded = Registry.load(dir, "stark", h);
    assertArrayEquals(built.root(), loaded.root());
    Openings o = Openings.load(dir, loaded);
    int i = o.indexOfSubject(40_000).orElseThrow();
    assertTrue(SparseMerkleTree.verify(h, h.leaf(o.record(i)), loaded.path(i), loaded.root()));
  }
}
