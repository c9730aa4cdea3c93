package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared suite on the JDK's own ML-DSA; skipped, and says so, on JVMs without it. */
class JdkProviderTest extends AbstractProviderTest {
  static boolean available() {
    return Signatures.availableProviders().contains("jdk");
  }

  static String skipMessage() {
    return "JDK ML-DSA provider not available on this JVM (java.version="
        + System.getProperty("java.version") + "), its tests are skipped";
  }

  @BeforeAll
  void requireJdkProvider() {
    if (!available()) {
      System.out.println(skipMessage());
    }
    assumeTrue(available(), skipMessage());
  }

  @Override
  SignatureProvider provider() {
    try {
      return Signatures.provider("jdk");
    } catch (UnsupportedByProviderException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void jdk_supportsExactlyMlDsa() {
    assertEquals(3, verifiable().count());
    assertEquals(3, signable().count());
  }
}
