package io.pqzk.vectors;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class DataPresentTest {
  @Test
  void sourcesTravelInTheTestJar() {
    assertNotNull(getClass().getResource("/vectors/SOURCES.md"));
  }
}
