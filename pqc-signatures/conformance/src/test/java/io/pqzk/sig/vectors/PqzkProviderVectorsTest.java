package io.pqzk.sig.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.Signatures;
import io.pqzk.vectors.TestVectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every packaged vector file through the {@code pqzk} provider, as {@code pqzk vectors --provider
 * pqzk} runs them: every ML-DSA and SLH-DSA sigVer case, every Wycheproof verify case and every
 * KAT and sigGen signature is verified by its own cores (SLH-DSA-SHAKE by BouncyCastle), with
 * signing delegated. Nothing may fail or be skipped, except the slow SLH-DSA "s" sigGen cases,
 * which are sampled unless {@code -Dpqzk.vectors.exhaustive=true} (signing is BouncyCastle's, which
 * the default-provider suite already runs in full).
 */
class PqzkProviderVectorsTest {

  @TestFactory
  Stream<DynamicTest> everyPackagedFile_throughThePqzkProvider() throws Exception {
    boolean sample = !Boolean.getBoolean("pqzk.vectors.exhaustive");
    VectorRunner runner = new VectorRunner(new VectorRunner.Options(
        Signatures.provider("pqzk"), Runtime.getRuntime().availableProcessors(), sample));
    return PackagedVectorsTest.EXPECTED.keySet().stream()
        .map(f -> DynamicTest.dynamicTest("pqzk: " + f, () -> {
          FileReport r = runner.run(TestVectors.path(f), f, VectorRunner.Progress.NONE);
          System.out.println("[pqzk] " + r.line());
          assertEquals(List.of(), r.failures(), f);
          assertEquals((int) PackagedVectorsTest.EXPECTED.get(f), r.total(), f);
          for (String reason : r.skips().keySet()) {
            assertTrue(sample && reason.equals(VectorRunner.SAMPLED_OUT), f + ": skipped: " + reason);
          }
        }));
  }
}
