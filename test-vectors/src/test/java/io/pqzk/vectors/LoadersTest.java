package io.pqzk.vectors;

import io.pqzk.vectors.load.VectorFiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.vectors.acvp.AcvpCase;
import io.pqzk.vectors.acvp.AcvpKind;
import io.pqzk.vectors.acvp.AcvpSigMode;
import io.pqzk.vectors.acvp.AcvpVectorSet;
import io.pqzk.vectors.acvp.MlDsaKeyGenCase;
import io.pqzk.vectors.acvp.MlDsaSigGenCase;
import io.pqzk.vectors.acvp.MlDsaSigVerCase;
import io.pqzk.vectors.acvp.SlhDsaSigGenCase;
import io.pqzk.vectors.acvp.SlhDsaSigVerCase;
import io.pqzk.vectors.kat.KatEntry;
import io.pqzk.vectors.kat.KatFile;
import io.pqzk.vectors.wycheproof.WycheproofMlDsaFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loaders read every packaged file with the counts SOURCES.md states. */
class LoadersTest {

  private static AcvpVectorSet acvp(String rel) throws IOException {
    return assertInstanceOf(AcvpVectorSet.class, VectorFiles.load(TestVectors.path(rel)));
  }

  @Test
  void acvp_promptsJoinExpectedResults_withPublishedCounts() throws IOException {
    Map<String, Integer> expected = Map.of(
        "ML-DSA-keyGen-FIPS204", 75, "ML-DSA-sigGen-FIPS204", 360, "ML-DSA-sigVer-FIPS204", 180,
        "SLH-DSA-keyGen-FIPS205", 120, "SLH-DSA-sigGen-FIPS205", 88, "SLH-DSA-sigVer-FIPS205", 108);
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      AcvpVectorSet s = acvp("acvp/" + e.getKey() + "/prompt.json.gz");
      assertEquals(e.getValue(), s.size(), e.getKey());
      assertEquals("expectedResults", s.answers(), e.getKey());
    }
  }

  @Test
  void acvp_sigVerVerdicts_matchSources() throws IOException {
    long mlValid = acvp("acvp/ML-DSA-sigVer-FIPS204/prompt.json.gz").cases().stream()
        .filter(c -> ((MlDsaSigVerCase) c).testPassed()).count();
    long slhValid = acvp("acvp/SLH-DSA-sigVer-FIPS205/prompt.json.gz").cases().stream()
        .filter(c -> ((SlhDsaSigVerCase) c).testPassed()).count();
    assertEquals(36, mlValid);
    assertEquals(36, slhValid);
  }

  @Test
  void acvp_expectedResultsAlone_joinsItsPrompt() throws IOException {
    AcvpVectorSet fromResults = acvp("acvp/ML-DSA-sigGen-FIPS204/expectedResults.json.gz");
    AcvpVectorSet fromPrompt = acvp("acvp/ML-DSA-sigGen-FIPS204/prompt.json.gz");
    assertEquals(fromPrompt.size(), fromResults.size());
    for (int i = 0; i < fromPrompt.size(); i++) {
      assertArrayEquals(((MlDsaSigGenCase) fromPrompt.cases().get(i)).signature(),
          ((MlDsaSigGenCase) fromResults.cases().get(i)).signature());
    }
  }

  @Test
  void acvp_internalProjection_agreesWithJoinedPrompt() throws IOException {
    AcvpVectorSet proj = acvp("acvp/ML-DSA-keyGen-FIPS204/internalProjection.json.gz");
    AcvpVectorSet joined = acvp("acvp/ML-DSA-keyGen-FIPS204/prompt.json.gz");
    assertEquals("internalProjection", proj.answers());
    for (int i = 0; i < joined.size(); i++) {
      MlDsaKeyGenCase a = (MlDsaKeyGenCase) proj.cases().get(i);
      MlDsaKeyGenCase b = (MlDsaKeyGenCase) joined.cases().get(i);
      assertArrayEquals(a.pk(), b.pk());
      assertArrayEquals(a.sk(), b.sk());
    }
  }

  @Test
  void acvp_mlDsaSigGen_modesAndRandomness() throws IOException {
    Map<AcvpSigMode, Long> byMode = acvp("acvp/ML-DSA-sigGen-FIPS204/prompt.json.gz").cases()
        .stream().collect(Collectors.groupingBy(c -> ((MlDsaSigGenCase) c).mode(), Collectors.counting()));
    assertEquals(Map.of(AcvpSigMode.PURE, 90L, AcvpSigMode.PRE_HASH, 90L, AcvpSigMode.INTERNAL, 90L,
        AcvpSigMode.EXTERNAL_MU, 90L), byMode);
    for (AcvpCase c : acvp("acvp/ML-DSA-sigGen-FIPS204/prompt.json.gz").cases()) {
      MlDsaSigGenCase g = (MlDsaSigGenCase) c;
      assertEquals(32, g.rnd().length, g.id());
      assertEquals(g.mode() == AcvpSigMode.EXTERNAL_MU, g.message() == null, g.id());
      assertEquals(g.mode() == AcvpSigMode.PRE_HASH, g.hashAlg() != null, g.id());
    }
  }

  @Test
  void acvp_slhDsaPromptOnly_hasNoAnswersAndTheDocumentedSplit() throws IOException {
    AcvpVectorSet s = acvp("acvp/SLH-DSA-sigGen-FIPS205-v1.1.0.43-promptOnly/prompt.json.gz");
    assertEquals(624, s.size());
    assertEquals("none", s.answers());
    Map<AcvpSigMode, Long> byMode = s.cases().stream()
        .collect(Collectors.groupingBy(c -> ((SlhDsaSigGenCase) c).mode(), Collectors.counting()));
    assertEquals(Map.of(AcvpSigMode.PRE_HASH, 288L, AcvpSigMode.PURE, 168L, AcvpSigMode.INTERNAL, 168L),
        byMode);
    for (AcvpCase c : s.cases()) {
      SlhDsaSigGenCase g = (SlhDsaSigGenCase) c;
      assertNull(g.signature());
      assertEquals(g.deterministic(), g.additionalRandomness() == null, g.id());
    }
  }

  @Test
  void acvp_oldSlhDsaSigGen_isInternalOnly() throws IOException {
    AcvpVectorSet s = acvp("acvp/SLH-DSA-sigGen-FIPS205/prompt.json.gz");
    assertEquals(AcvpKind.SLH_DSA_SIGGEN, s.kind());
    assertTrue(s.cases().stream().allMatch(c -> ((SlhDsaSigGenCase) c).mode() == AcvpSigMode.INTERNAL));
  }

  @Test
  void wycheproof_everyFile_hasItsDeclaredNumberOfTests() throws IOException {
    Map<String, Integer> expected = Map.of(
        "mldsa_44_sign_noseed_test.json.gz", 73, "mldsa_44_verify_test.json.gz", 180,
        "mldsa_65_sign_noseed_test.json.gz", 78, "mldsa_65_sign_seed_test.json.gz", 105,
        "mldsa_87_sign_seed_test.json.gz", 96, "mldsa_87_verify_test.json.gz", 241);
    List<Path> files = TestVectors.list("wycheproof").stream()
        .filter(p -> p.getFileName().toString().endsWith(".json.gz")).collect(Collectors.toList());
    assertEquals(6, files.size());
    for (Path p : files) {
      WycheproofMlDsaFile f = assertInstanceOf(WycheproofMlDsaFile.class, VectorFiles.load(p));
      assertEquals(f.numberOfTests(), f.testCount(), p.toString());
      assertEquals(expected.get(p.getFileName().toString()), f.testCount(), p.toString());
    }
  }

  @Test
  void kat_everyFile_has100EntriesWithConsistentFields() throws IOException {
    List<Path> files = TestVectors.list("kat");
    assertEquals(18, files.size());
    for (Path p : files) {
      String n = p.getFileName().toString();
      KatFile f = assertInstanceOf(KatFile.class, VectorFiles.load(p));
      assertEquals(100, f.size(), n);
      assertEquals(n.contains("hedged"), f.hedged(), n);
      assertEquals(!n.contains("raw"), f.hasContext(), n);
      for (KatEntry e : f.entries()) {
        assertEquals(32, e.xi().length, n);
        assertTrue(e.signature().length > 0, n);
      }
    }
  }

  @Test
  void load_plainAndGzip_readTheSame(@TempDir Path dir) throws IOException {
    Path plain = dir.resolve("renamed.txt");
    try (InputStream in = TestVectors.open("kat/mldsa-fips204-pqc-kat/kat_MLDSA_44_det_raw.rsp.gz")) {
      Files.write(plain, in.readAllBytes());
    }
    KatFile a = (KatFile) VectorFiles.load(plain);
    KatFile b = (KatFile) VectorFiles.load(TestVectors.path("kat/mldsa-fips204-pqc-kat/kat_MLDSA_44_det_raw.rsp.gz"));
    assertArrayEquals(a.entries().get(99).sm(), b.entries().get(99).sm());
  }

  @Test
  void load_plainPromptBesidePlainResults_joins(@TempDir Path dir) throws IOException {
    for (String n : List.of("prompt", "expectedResults")) {
      try (InputStream in = TestVectors.open("acvp/SLH-DSA-sigVer-FIPS205/" + n + ".json.gz")) {
        Files.write(dir.resolve(n + ".json"), in.readAllBytes());
      }
    }
    AcvpVectorSet s = (AcvpVectorSet) VectorFiles.load(dir.resolve("expectedResults.json"));
    assertEquals(108, s.size());
    assertTrue(s.hasAnswers());
  }

  @Test
  void load_expectedResultsWithoutPrompt_throws(@TempDir Path dir) throws IOException {
    Path r = dir.resolve("expectedResults.json");
    try (InputStream in = TestVectors.open("acvp/SLH-DSA-sigVer-FIPS205/expectedResults.json.gz")) {
      Files.write(r, in.readAllBytes());
    }
    VectorFormatException e = assertThrows(VectorFormatException.class, () -> VectorFiles.load(r));
    assertTrue(e.getMessage().contains("prompt"), e.getMessage());
  }

  @Test
  void load_malformedInputs_throwTypedExceptionNamingTheProblem(@TempDir Path dir) throws IOException {
    Map<String, String> bad = Map.of(
        "notjson.json", "{ \"algorithm\": ",
        "other.json", "{\"hello\": 1}",
        "mode.json", "{\"algorithm\":\"ML-DSA\",\"mode\":\"encapDecap\",\"revision\":\"FIPS204\",\"testGroups\":[{\"tgId\":1,\"parameterSet\":\"ML-DSA-44\",\"tests\":[]}]}",
        "hex.json", "{\"algorithm\":\"ML-DSA\",\"mode\":\"keyGen\",\"revision\":\"FIPS204\",\"testGroups\":[{\"tgId\":1,\"parameterSet\":\"ML-DSA-44\",\"tests\":[{\"tcId\":1,\"seed\":\"XYZ1\"}]}]}",
        "schema.json", "{\"schema\":\"ecdsa_verify_schema.json\",\"testGroups\":[]}",
        "kat.rsp", "count = 0\nxi = 00\nmsg = zz\n",
        "binary.bin", "\u0001\u0002garbage");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.write(p, e.getValue().getBytes(StandardCharsets.UTF_8));
      VectorFormatException ex = assertThrows(VectorFormatException.class, () -> VectorFiles.load(p), e.getKey());
      assertTrue(ex.getMessage().length() > 10, ex.getMessage());
    }
  }

  /**
   * Two findings of VectorFileFuzzTest (reproducers {@code finding-vsid-not-a-number} and {@code
   * finding-algorithm-name-with-line-break}): a {@code vsId} that is not a number escaped as
   * Gson's NumberFormatException, and an unknown algorithm name was quoted raw in the refusal,
   * line breaks, terminal escapes and kilobytes of it, which {@code pqzk vectors} printed.
   */
  @Test
  void load_fieldsOfTheWrongKind_andStrangersStrings_refusedInOneBoundedLine(@TempDir Path dir)
      throws IOException {
    String keyGen = "\"mode\":\"keyGen\",\"revision\":\"FIPS204\",\"testGroups\":[]}";
    Map<String, String> bad = Map.of(
        "vsid.json", "{\"vsId\":5rnd3,\"algorithm\":\"ML-DSA\"," + keyGen,
        "vsid-object.json", "{\"vsId\":{},\"algorithm\":\"ML-DSA\"," + keyGen,
        "vsid-exponent.json", "{\"vsId\":1e999999999,\"algorithm\":\"ML-DSA\"," + keyGen,
        "name.json", "{\"algorithm\":\"ML-" + "ab".repeat(3000) + "\\n\\u001b[2J\"," + keyGen);
    for (Map.Entry<String, String> e : bad.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.write(p, e.getValue().getBytes(StandardCharsets.UTF_8));
      VectorFormatException ex = assertThrows(VectorFormatException.class,
          () -> VectorFiles.load(p), e.getKey());
      String m = ex.getMessage();
      assertTrue(m.length() <= 1003 && m.chars().noneMatch(c -> c < 0x20), e.getKey() + ": " + m);
    }
  }

  /**
   * VectorFileFuzzTest's finding {@code finding-sign-case-without-msg}: a Wycheproof sign case
   * with neither {@code msg} nor {@code mu} was loaded with a null message, and the runner
   * handed it to the signature API (a NullPointerException out of {@code sign}).
   */
  @Test
  void wycheproof_signCaseWithoutItsMessage_refused(@TempDir Path dir) throws IOException {
    com.google.gson.JsonObject json;
    try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(
        TestVectors.path("wycheproof/mldsa_44_sign_noseed_test.json.gz")))) {
      json = VectorIo.parseJson(in);
    }
    com.google.gson.JsonObject first = json.getAsJsonArray("testGroups").get(0).getAsJsonObject()
        .getAsJsonArray("tests").get(0).getAsJsonObject();
    first.remove("msg");
    first.remove("mu");
    Path p = dir.resolve("sign.json");
    Files.writeString(p, json.toString());
    VectorFormatException e = assertThrows(VectorFormatException.class, () -> VectorFiles.load(p));
    assertTrue(e.getMessage().contains("'msg'"), e.getMessage());
  }
}
