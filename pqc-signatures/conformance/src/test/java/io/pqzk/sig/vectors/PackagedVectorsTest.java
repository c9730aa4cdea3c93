package io.pqzk.sig.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.Signatures;
import io.pqzk.vectors.TestVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every packaged vector file runs through the project's API (the default
 * provider) with zero failures and the published case counts. Prints one line per file,
 * {@code FILE: N passed, M failed, K skipped}, and asserts every case passed, none skipped.
 */
class PackagedVectorsTest {

  /** Packaged file (relative to vectors/) and its number of cases, from SOURCES.md. */
  static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();
  private static final String ONLY = System.getProperty("pqzk.vectors.only", "");

  static {
    EXPECTED.put("acvp/ML-DSA-keyGen-FIPS204/prompt.json.gz", 75);
    EXPECTED.put("acvp/ML-DSA-sigGen-FIPS204/prompt.json.gz", 360);
    EXPECTED.put("acvp/ML-DSA-sigVer-FIPS204/prompt.json.gz", 180);
    EXPECTED.put("acvp/SLH-DSA-keyGen-FIPS205/prompt.json.gz", 120);
    EXPECTED.put("acvp/SLH-DSA-sigGen-FIPS205/prompt.json.gz", 88);
    EXPECTED.put("acvp/SLH-DSA-sigVer-FIPS205/prompt.json.gz", 108);
    EXPECTED.put("acvp/SLH-DSA-sigGen-FIPS205-v1.1.0.43-promptOnly/prompt.json.gz", 624);
    EXPECTED.put("wycheproof/mldsa_44_sign_noseed_test.json.gz", 73);
    EXPECTED.put("wycheproof/mldsa_44_verify_test.json.gz", 180);
    EXPECTED.put("wycheproof/mldsa_65_sign_noseed_test.json.gz", 78);
    EXPECTED.put("wycheproof/mldsa_65_sign_seed_test.json.gz", 105);
    EXPECTED.put("wycheproof/mldsa_87_sign_seed_test.json.gz", 96);
    EXPECTED.put("wycheproof/mldsa_87_verify_test.json.gz", 241);
    for (String set : List.of("44", "65", "87")) {
      for (String r : List.of("det", "hedged")) {
        for (String m : List.of("pure", "hashed", "raw")) {
          EXPECTED.put("kat/mldsa-fips204-pqc-kat/kat_MLDSA_" + set + "_" + r + "_" + m + ".rsp.gz", 100);
        }
      }
    }
  }

  private static VectorRunner runner(boolean sample) {
    return new VectorRunner(new VectorRunner.Options(Signatures.defaultProvider(),
        Runtime.getRuntime().availableProcessors(), sample));
  }

  /**
   * Every case of every file. The slow SLH-DSA "s" sigGen cases (about 4 of the 5 CPU-minutes
   * of the whole run, 235 s of the default run's 19 minutes on 2 cores) are sampled by default:
   * the first case of each test group runs, the rest are counted and printed as skipped; all of
   * them run with {@code -Dexhaustive} (which sets {@code pqzk.vectors.exhaustive}), as in
   * {@link PqzkProviderVectorsTest}.
   */
  @TestFactory
  Stream<DynamicTest> everyPackagedFile_passesThroughTheApi() {
    boolean sample = !Boolean.getBoolean("pqzk.vectors.exhaustive");
    return EXPECTED.keySet().stream().filter(f -> f.contains(ONLY))
        .map(f -> DynamicTest.dynamicTest(f, () -> check(f, sample)));
  }

  @TestFactory
  Stream<DynamicTest> everyPackagedFile_isListed() {
    return Stream.of("acvp", "wycheproof", "kat").map(folder -> DynamicTest.dynamicTest(folder, () -> {
      List<String> missing = new ArrayList<>();
      for (Path p : TestVectors.list(folder)) {
        String n = TestVectors.name(p);
        boolean isData = n.endsWith(".rsp.gz") || (n.endsWith(".json.gz") && !n.contains("/schemas/"));
        boolean companion = n.endsWith("expectedResults.json.gz") || n.endsWith("internalProjection.json.gz");
        if (isData && !companion && !EXPECTED.containsKey(n)) {
          missing.add(n);
        }
      }
      assertEquals(List.of(), missing, "packaged vector files the acceptance run does not cover");
    }));
  }

  private static void check(String file, boolean sample) throws Exception {
    long t0 = System.nanoTime();
    FileReport r = runner(sample).run(TestVectors.path(file), file, VectorRunner.Progress.NONE);
    System.out.printf("%s   [%s; %.1f s]%n", r.line(), r.kind(), (System.nanoTime() - t0) / 1e9);
    assertEquals(List.of(), r.failures(), file + ": failures");
    assertEquals((int) EXPECTED.get(file), r.total(), file + ": number of cases");
    for (String reason : r.skips().keySet()) {
      assertTrue(sample && reason.equals(VectorRunner.SAMPLED_OUT), file + ": unexpected skip: " + reason);
    }
  }
}
