package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shared suite on BouncyCastle, which must support every algorithm. */
class BcProviderTest extends AbstractProviderTest {
  @Override
  SignatureProvider provider() {
    try {
      return Signatures.provider("bc");
    } catch (UnsupportedByProviderException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void bc_supportsEveryAlgorithm() {
    assertEquals(java.util.Arrays.stream(SignatureAlgorithm.values()).filter(Fixtures::inDefaultRun).count(), verifiable().count());
    assertEquals(java.util.Arrays.stream(SignatureAlgorithm.values()).filter(Fixtures::inDefaultRun).count(), signable().count());
  }
}
