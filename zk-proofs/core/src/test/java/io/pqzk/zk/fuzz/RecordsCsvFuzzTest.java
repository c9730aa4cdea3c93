package io.pqzk.zk.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.registry.RecordsCsv;
import io.pqzk.zk.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Records CSV files as {@code pqzk registry build} reads them ({@link RecordsCsv#read(Path)}):
 * rows of seven values below 2^32, or a {@link RegistryException} naming the line and column.
 */
class RecordsCsvFuzzTest {
  private static Path file;

  private static synchronized Path file() throws IOException {
    if (file == null) {
      file = Files.createTempFile("pqzk-fuzz-records", ".csv");
    }
    return file;
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }

  /** What the target reads of one input: the file's rows, or the refusal. */
  static List<long[]> rows(byte[] input) throws IOException, RegistryException {
    Path f = file();
    Files.write(f, input);
    return RecordsCsv.read(f);
  }

  @FuzzTest
  @Timeout(10)
  void read(byte[] input) throws IOException {
    try {
      for (long[] row : rows(input)) {
        if (row.length != 7) {
          throw new AssertionError("a row of " + row.length + " values");
        }
        for (long v : row) {
          if (v < 0 || v >= 1L << 32) {
            throw new AssertionError("value out of range accepted: " + v);
          }
        }
      }
    } catch (RegistryException refused) {
      FuzzChecks.hasMessage(refused);
    }
  }

  /**
   * The seeds ZkCoreSeeds writes are still read, each value in its column (they stop being read
   * silently when the format changes, and the target then explores refusals only): three records
   * under the canonical header, and one record under a reordered header with a byte-order mark,
   * CRLF line ends and a blank line, its values put back in schema order.
   */
  @Test
  void seeds_areStillReadAsTheRecordsTheyHold() throws IOException {
    readsAs("three-records", new long[][] {{1001, 1990, 2, 75, 20260115, 2, 1},
        {1002, 1985, 1, 64, 20251201, 3, 1}, {1003, 2001, 4, 90, 20260301, 1, 2}});
    readsAs("bom-crlf-reordered", new long[][] {{7, 1999, 3, 81, 20260202, 2, 1}});
  }

  private static void readsAs(String name, long[][] expected) throws IOException {
    String seed = "RecordsCsvFuzzTestInputs/read/" + name;
    List<long[]> rows;
    try {
      rows = rows(FuzzChecks.seed(RecordsCsvFuzzTest.class, seed));
    } catch (RegistryException refused) {
      throw new AssertionError(FuzzChecks.stale(seed, "refused: " + refused.getMessage()),
          refused);
    }
    assertEquals(expected.length, rows.size(), FuzzChecks.stale(seed, "rows read"));
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], rows.get(i), FuzzChecks.stale(seed, "row " + i + " read as"
          + " " + Arrays.toString(rows.get(i))));
    }
  }
}
