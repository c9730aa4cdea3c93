package io.pqzk.zk.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.claims.Policy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Policy expressions as a claim transaction or {@code pqzk claim} carries them: parsed, or
 * refused with {@link IllegalArgumentException} naming the term; a parsed policy prints to text
 * that parses to the same policy.
 */
class PolicyFuzzTest {
  @FuzzTest
  @Timeout(10)
  void parse(byte[] input) {
    Policy p;
    try {
      p = Policy.parse(new String(input, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException refused) {
      FuzzChecks.hasMessage(refused);
      return;
    }
    assertEquals(p, Policy.parse(p.toString()));
  }
}
