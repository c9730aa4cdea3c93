package io.pqzk.sig.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pqzk.sig.Signatures;
import io.pqzk.vectors.TestVectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ML-DSA vector files through the JDK's own provider (JDK 24+), alone: what it cannot do
 * (deterministic signing, contexts, pre-hash, the internal interface) is skipped with its reason,
 * and nothing it does may fail. On older JDKs the test says so and is skipped.
 */
class JdkProviderVectorsTest {

  @TestFactory
  Stream<DynamicTest> mlDsaFiles_throughTheJdkProvider() throws Exception {
    boolean present = Signatures.availableProviders().contains("jdk");
    if (!present) {
      System.out.println("JDK ML-DSA provider absent on this JVM (java.version="
          + System.getProperty("java.version") + "): JDK-provider vector runs skipped");
    }
    Assumptions.assumeTrue(present, "JDK ML-DSA provider needs JDK 24+");
    VectorRunner runner = new VectorRunner(new VectorRunner.Options(
        Signatures.provider("jdk"), Runtime.getRuntime().availableProcessors(), true));
    return PackagedVectorsTest.EXPECTED.keySet().stream()
        .filter(f -> !f.contains("SLH-DSA"))
        .map(f -> DynamicTest.dynamicTest("jdk: " + f, () -> {
          FileReport r = runner.run(TestVectors.path(f), f, VectorRunner.Progress.NONE);
          System.out.println("[jdk] " + r.line());
          assertEquals(List.of(), r.failures(), f);
          assertEquals((int) PackagedVectorsTest.EXPECTED.get(f), r.total(), f);
        }));
  }
}
