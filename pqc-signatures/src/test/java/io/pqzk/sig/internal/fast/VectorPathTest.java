package io.pqzk.sig.internal.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Vector API path of ExpandA computes exactly what the scalar one does. Runs where the JVM
 * resolves jdk.incubator.vector with vectors of 8 longs or more (the build's second test run,
 * {@code vector-api}); elsewhere it says so and is skipped.
 */
class VectorPathTest {
  @BeforeAll
  static void requireVectorApi() {
    if (!VectorExpandA.AVAILABLE) {
      System.out.println("Vector API path not in use on this JVM (jdk.incubator.vector "
          + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "resolved, vectors too short"
              : "not resolved") + "), its tests are skipped");
    }
    assumeTrue(VectorExpandA.AVAILABLE);
  }

  @ParameterizedTest
  @EnumSource(MlDsaParams.class)
  void vectorExpandA_equalsScalar(MlDsaParams p) {
    SplittableRandom rnd = new SplittableRandom(p.ordinal());
    for (int t = 0; t < 200; t++) {
      byte[] pk = new byte[p.publicKeyBytes];
      rnd.nextBytes(pk);
      int[][] scalar = MlDsaExpandedKey.expandAScalar(p, pk);
      int[][] vector = VectorExpandA.expandA(p, pk);
      for (int i = 0; i < scalar.length; i++) {
        assertArrayEquals(scalar[i], vector[i], p + " key " + t + " polynomial " + i);
      }
    }
  }

  @Test
  void vectorPermutation_equalsScalar_inEveryLane() {
    SplittableRandom rnd = new SplittableRandom(1600);
    int n = KeccakVector.N;
    long[] st = new long[25 * n];
    long[][] scalar = new long[n][25];
    for (int i = 0; i < n; i++) {
      for (int lane = 0; lane < 25; lane++) {
        scalar[i][lane] = rnd.nextLong();
        st[lane * n + i] = scalar[i][lane];
      }
    }
    for (int round = 0; round < 3; round++) {
      KeccakVector.permute(st);
      for (int i = 0; i < n; i++) {
        Keccak.permute(scalar[i]);
        for (int lane = 0; lane < 25; lane++) {
          if (st[lane * n + i] != scalar[i][lane]) {
            throw new AssertionError("state " + i + " lane " + lane + " after " + (round + 1));
          }
        }
      }
    }
  }
}
