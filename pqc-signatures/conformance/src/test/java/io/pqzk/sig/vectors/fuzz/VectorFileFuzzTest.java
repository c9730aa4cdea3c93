package io.pqzk.sig.vectors.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.vectors.FileReport;
import io.pqzk.sig.vectors.VectorRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * ACVP, Wycheproof and FIPS 204 KAT files as {@code pqzk vectors FILE} runs them: {@code
 * VectorFiles.load} (format from the content, gzip by its magic) and every case through the
 * signature API with {@link VectorRunner} (BouncyCastle, the slow SLH-DSA sets sampled). A file
 * is run or refused with an {@link IOException} ({@code VectorFormatException} for bad content)
 * whose message is one line;
 * no case may let an unchecked exception escape the signature API, which the runner reports as a
 * failure naming it.
 */
class VectorFileFuzzTest {
  private static Path file;
  private static final VectorRunner RUNNER = new VectorRunner(
      new VectorRunner.Options(Signatures.defaultProvider(), 1, true));

  private static synchronized Path file() throws IOException {
    if (file == null) {
      file = Files.createTempDirectory("pqzk-fuzz-vectors").resolve("vectors.json");
    }
    return file;
  }

  @FuzzTest
  @Timeout(30)
  void run(byte[] input) throws IOException {
    Path f = file();
    Files.write(f, input);
    FileReport report;
    try {
      report = RUNNER.run(f, "fuzzed", VectorRunner.Progress.NONE);
    } catch (IOException refused) {
      String m = refused.getMessage();
      if (m == null || m.isBlank() || m.contains("\n") || m.contains("\r")) {
        throw new AssertionError("refusal without a one-line message (pqzk vectors prints it):"
            + " " + m, refused);
      }
      return;
    }
    for (String failure : report.failures()) {
      if (failure.contains("unchecked ")) {
        throw new AssertionError("the signature API let an unchecked exception escape: "
            + failure);
      }
    }
  }
}
