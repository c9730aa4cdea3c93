package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaceholderTest {
  @Test
  void bouncyCastleHasMlDsa() throws Exception {
    assertTrue(java.security.Security.getProviders().length > 0);
  }
}
