package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shared suite on the default provider, which must serve everything one way or another. */
class AutoProviderTest extends AbstractProviderTest {
  @Override
  SignatureProvider provider() {
    return Signatures.defaultProvider();
  }

  @Test
  void auto_supportsEveryAlgorithm() {
    assertEquals(java.util.Arrays.stream(SignatureAlgorithm.values()).filter(Fixtures::inDefaultRun).count(), signable().count());
  }
}
