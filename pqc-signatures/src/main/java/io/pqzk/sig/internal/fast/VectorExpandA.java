package io.pqzk.sig.internal.fast;

import java.util.Arrays;

/**
 * ExpandA (FIPS 204 Alg. 32) with {@link KeccakVector}: the k l SHAKE128 sponges run N at a time,
 * one squeezed block of each per vector permutation; sampling is {@link
 * MlDsaExpandedKey#expandAScalar}'s, lane by lane. Same output as the scalar path, about three
 * times faster where measured (AVX-512, JDK 25).
 *
 * <p>{@link #AVAILABLE} says whether this path is used: only when the JVM was started with {@code
 * --add-modules jdk.incubator.vector} (the Vector API is an incubator module, absent otherwise),
 * vectors hold at least 8 longs (the configuration measured; elsewhere the scalar path is kept),
 * the system property {@value #DISABLE_PROPERTY} is not {@code true}, and a self-test agrees with
 * the scalar permutation. The classes that touch the Vector API are loaded only then.
 */
final class VectorExpandA {
  static final String DISABLE_PROPERTY = "io.pqzk.sig.noVectorApi";
  static final boolean AVAILABLE = probe();

  private VectorExpandA() {}

  private static boolean probe() {
    if (Boolean.getBoolean(DISABLE_PROPERTY)
        || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    try {
      if (KeccakVector.N < 8) {
        return false;
      }
      long[] scalar = new long[25];
      long[] vector = new long[25 * KeccakVector.N];
      for (int i = 0; i < 25; i++) {
        scalar[i] = 0x0123456789abcdefL * (i + 1);
        vector[i * KeccakVector.N + KeccakVector.N - 1] = scalar[i];
      }
      Keccak.permute(scalar);
      KeccakVector.permute(vector);
      for (int i = 0; i < 25; i++) {
        if (vector[i * KeccakVector.N + KeccakVector.N - 1] != scalar[i]) {
          return false;
        }
      }
      return true;
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }

  static int[][] expandA(MlDsaParams p, byte[] pk) {
    int n = KeccakVector.N;
    int polys = p.k * p.l;
    int[][] a = new int[polys][];
    long[] rho = MlDsaExpandedKey.rhoLanes(pk);
    long[] st = new long[25 * n];
    int[][] buf = new int[n][256 + MlDsaExpandedKey.SLACK];
    int[] filled = new int[n];
    for (int first = 0; first < polys; first += n) {
      int count = Math.min(n, polys - first);
      Arrays.fill(st, 0L);
      Arrays.fill(filled, 0);
      for (int i = 0; i < count; i++) {
        int r = (first + i) / p.l;
        int s = (first + i) % p.l;
        for (int lane = 0; lane < 4; lane++) {
          st[lane * n + i] = rho[lane];
        }
        st[4 * n + i] = s | r << 8 | 0x1f << 16; // as in MlDsaExpandedKey.expandAScalar
        st[20 * n + i] = 0x80L << 56;
      }
      int done = 0;
      while (done < count) {
        KeccakVector.permute(st);
        for (int i = 0; i < count; i++) {
          int j = filled[i];
          if (j >= 256) {
            continue;
          }
          int[] b = buf[i];
          for (int lane = 0; lane < 21; lane += 3) {
            long v0 = st[lane * n + i];
            long v1 = st[(lane + 1) * n + i];
            long v2 = st[(lane + 2) * n + i];
            j = MlDsaExpandedKey.accept8(b, j, v0, v1, v2);
          }
          filled[i] = j;
          if (j >= 256) {
            int[] poly = Arrays.copyOf(b, 256);
            MlDsaNtt.transpose(poly);
            a[first + i] = poly;
            done++;
          }
        }
      }
    }
    return a;
  }
}
