package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.vectors.TestVectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pqzk vectors} on files it has never seen: copies of the packaged data in a temp folder. */
class VectorsCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Copies a packaged file, decompressed, to {@code dir/name}. */
  private static Path plain(String packaged, Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    try (InputStream in = TestVectors.open(packaged)) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  private static Path gz(String packaged, Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.copy(TestVectors.path(packaged), p);
    return p;
  }

  @Test
  void vectors_plainPromptBesideResults_printsOneLineAndExitsZero(@TempDir Path dir) throws IOException {
    Path prompt = plain("acvp/ML-DSA-sigVer-FIPS204/prompt.json.gz", dir, "set/prompt.json");
    plain("acvp/ML-DSA-sigVer-FIPS204/expectedResults.json.gz", dir, "set/expectedResults.json");
    Run r = run("vectors", prompt.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(prompt + ": 180 passed, 0 failed, 0 skipped", r.out().trim());
  }

  @Test
  void vectors_expectedResultsName_joinsItsPrompt_andBothNamesRunOnce(@TempDir Path dir) throws IOException {
    Path prompt = gz("acvp/ML-DSA-keyGen-FIPS204/prompt.json.gz", dir, "k/prompt.json.gz");
    Path results = gz("acvp/ML-DSA-keyGen-FIPS204/expectedResults.json.gz", dir, "k/expectedResults.json.gz");
    Run one = run("vectors", results.toString());
    assertEquals(0, one.code(), one.err());
    assertEquals(results + ": 75 passed, 0 failed, 0 skipped", one.out().trim());
    Run both = run("vectors", prompt.toString(), results.toString());
    assertEquals(0, both.code(), both.err());
    assertEquals(List.of(prompt + ": 75 passed, 0 failed, 0 skipped"), both.out().lines().toList());
  }

  @Test
  void vectors_kindFromContent_notName(@TempDir Path dir) throws IOException {
    Path kat = plain("kat/mldsa-fips204-pqc-kat/kat_MLDSA_44_hedged_hashed.rsp.gz", dir, "a.dat");
    Path wy = gz("wycheproof/mldsa_44_verify_test.json.gz", dir, "b.bin");
    Run r = run("vectors", kat.toString(), wy.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(kat + ": 100 passed, 0 failed, 0 skipped", wy + ": 180 passed, 0 failed, 0 skipped"),
        r.out().lines().toList());
  }

  @Test
  void vectors_tamperedExpectedSignature_exitsOneAndNamesTheCase(@TempDir Path dir) throws IOException {
    Path kat = plain("kat/mldsa-fips204-pqc-kat/kat_MLDSA_44_det_raw.rsp.gz", dir, "kat.rsp");
    List<String> lines = Files.readAllLines(kat, StandardCharsets.US_ASCII);
    int sm = -1;
    for (int i = 0; i < lines.size() && sm < 0; i++) {
      if (lines.get(i).startsWith("sm = ")) {
        sm = i;
      }
    }
    String l = lines.get(sm);
    char c = l.charAt(10);
    lines.set(sm, l.substring(0, 10) + (c == '0' ? '1' : '0') + l.substring(11));
    Files.write(kat, lines, StandardCharsets.US_ASCII);
    Run r = run("vectors", kat.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(kat + ": 99 passed, 1 failed, 0 skipped", r.out().trim());
    assertTrue(r.err().contains("count 0: signature differs"), r.err());
  }

  @Test
  void vectors_unrecognisedOrMissingFile_exitsTwo(@TempDir Path dir) throws IOException {
    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"hello\": \"world\"}");
    Run r = run("vectors", junk.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("neither an ACVP vector set"), r.err());
    Run missing = run("vectors", dir.resolve("nope.json").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void vectors_promptOnlyWithSample_reportsTheSkipReason(@TempDir Path dir) throws IOException {
    Path p = gz("acvp/SLH-DSA-sigGen-FIPS205/prompt.json.gz", dir, "slh/prompt.json.gz");
    Run r = run("vectors", "--sample", "--quiet", p.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith(p + ": 64 passed, 0 failed, 24 skipped (24: slow SLH-DSA 's'"), r.out());
  }

  @Test
  void vectors_help_describesFormatsAndExitCodes() {
    Run r = run("vectors", "--help");
    assertEquals(0, r.code());
    for (String s : List.of("ACVP", "Wycheproof", ".rsp", "expectedResults", "--sample", "Exit status")) {
      assertTrue(r.out().contains(s), "help lacks " + s + ":\n" + r.out());
    }
  }
}
