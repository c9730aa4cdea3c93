package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The shared suite on the {@code pqzk} provider: its own ML-DSA and SLH-DSA-SHA2 verifiers,
 * BouncyCastle (or the JDK) for the rest. It must serve every algorithm and mode BouncyCastle
 * serves.
 */
class PqzkProviderTest extends AbstractProviderTest {
  @Override
  SignatureProvider provider() {
    try {
      return Signatures.provider("pqzk");
    } catch (UnsupportedByProviderException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pqzk_supportsEveryAlgorithm() {
    long all = java.util.Arrays.stream(SignatureAlgorithm.values()).filter(Fixtures::inDefaultRun).count();
    assertEquals(all, verifiable().count());
    assertEquals(all, signable().count());
  }

  @Test
  void pqzk_isFoundByNameInAnyCase() throws Exception {
    assertSame(provider(), Signatures.provider("PQZK"));
    assertSame(provider(), Signatures.provider(" Pqzk "));
    assertEquals("pqzk", provider().name());
  }

  @Test
  void pqzk_isNotTheDefault() {
    assertEquals("auto", Signatures.defaultProvider().name());
  }
}
