package io.pqzk.ledger.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockFilesTest {
  static byte[] payload(int i) {
    byte[] p = new byte[100 + i * 7];
    java.util.Arrays.fill(p, (byte) i);
    return p;
  }

  @Test
  void append_rollsSegmentsAndScansBackInOrder(@TempDir Path dir) throws Exception {
    List<BlockLocation> locs = new ArrayList<>();
    try (BlockFiles f = BlockFiles.openForAppend(dir, null, 1024)) {
      for (int i = 0; i < 30; i++) {
        locs.add(f.append(i, payload(i)));
      }
    }
    assertTrue(BlockFiles.segments(dir).size() > 3, "small segments roll over");
    try (BlockScanner s = BlockScanner.fromStart(dir)) {
      for (int i = 0; i < 30; i++) {
        StoredBlock b = s.next();
        assertEquals(i, b.height());
        assertEquals(locs.get(i), b.location());
        assertArrayEquals(payload(i), b.payload());
      }
      assertNull(s.next());
    }
    assertArrayEquals(payload(17), BlockFiles.read(dir, locs.get(17), 17).payload());
    try (BlockScanner s = BlockScanner.after(dir, locs.get(20), 20)) {
      assertEquals(21, s.next().height());
    }
  }

  @Test
  void read_wrongExpectedHeight_throws(@TempDir Path dir) throws Exception {
    BlockLocation loc;
    try (BlockFiles f = BlockFiles.openForAppend(dir, null, 1 << 20)) {
      f.append(0, payload(0));
      loc = f.append(1, payload(1));
    }
    assertThrows(DamagedRecordException.class, () -> BlockFiles.read(dir, loc, 2));
  }

  @Test
  void scan_missingMiddleSegment_throws(@TempDir Path dir) throws Exception {
    try (BlockFiles f = BlockFiles.openForAppend(dir, null, 512)) {
      for (int i = 0; i < 12; i++) {
        f.append(i, payload(i));
      }
    }
    Files.delete(dir.resolve(BlockFiles.segmentName(1)));
    assertThrows(java.io.IOException.class, () -> BlockScanner.fromStart(dir));
  }

  @Test
  void scan_zeroFilledTail_isTornTail(@TempDir Path dir) throws Exception {
    try (BlockFiles f = BlockFiles.openForAppend(dir, null, 1 << 20)) {
      f.append(0, payload(0));
    }
    Path seg = dir.resolve(BlockFiles.segmentName(0));
    Files.write(seg, new byte[64], java.nio.file.StandardOpenOption.APPEND);
    try (BlockScanner s = BlockScanner.fromStart(dir)) {
      s.next();
      DamagedRecordException e = assertThrows(DamagedRecordException.class, s::next);
      assertTrue(e.atTail());
      assertEquals(1, e.position());
    }
  }
}
