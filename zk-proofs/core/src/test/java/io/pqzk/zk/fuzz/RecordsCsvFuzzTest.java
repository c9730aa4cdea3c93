package io.pqzk.zk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.registry.RecordsCsv;
import io.pqzk.zk.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
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

  @FuzzTest
  @Timeout(10)
  void read(byte[] input) throws IOException {
    Path f = file();
    Files.write(f, input);
    try {
      for (long[] row : RecordsCsv.read(f)) {
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
}
