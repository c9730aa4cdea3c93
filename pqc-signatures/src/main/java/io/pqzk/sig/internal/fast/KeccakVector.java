package io.pqzk.sig.internal.fast;

import static jdk.incubator.vector.VectorOperators.AND_NOT;
import static jdk.incubator.vector.VectorOperators.ROL;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Keccak-p[1600, 24] on N independent states at once with the Vector API (jdk.incubator.vector):
 * each of the 25 lanes is one vector holding that lane of N states, and every step of {@link
 * Keccak}'s round is one vector operation, so N permutations cost about one. State i's lane
 * (x, y) is at st[(x + 5 y) N + i].
 *
 * <p>Only loaded when the JVM was started with {@code --add-modules jdk.incubator.vector} (see
 * {@link VectorExpandA}); the rotation offsets are those of {@link Keccak}.
 */
final class KeccakVector {
  static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
  /** States per vector: 8 with AVX-512, 4 with AVX2 or 256-bit SVE. */
  static final int N = S.length();

  private KeccakVector() {}

  /** Permutes the N states in {@code st} (25 N longs) in place. */
  static void permute(long[] st) {
    LongVector a00 = LongVector.fromArray(S, st, 0 * N);
    LongVector a10 = LongVector.fromArray(S, st, 1 * N);
    LongVector a20 = LongVector.fromArray(S, st, 2 * N);
    LongVector a30 = LongVector.fromArray(S, st, 3 * N);
    LongVector a40 = LongVector.fromArray(S, st, 4 * N);
    LongVector a01 = LongVector.fromArray(S, st, 5 * N);
    LongVector a11 = LongVector.fromArray(S, st, 6 * N);
    LongVector a21 = LongVector.fromArray(S, st, 7 * N);
    LongVector a31 = LongVector.fromArray(S, st, 8 * N);
    LongVector a41 = LongVector.fromArray(S, st, 9 * N);
    LongVector a02 = LongVector.fromArray(S, st, 10 * N);
    LongVector a12 = LongVector.fromArray(S, st, 11 * N);
    LongVector a22 = LongVector.fromArray(S, st, 12 * N);
    LongVector a32 = LongVector.fromArray(S, st, 13 * N);
    LongVector a42 = LongVector.fromArray(S, st, 14 * N);
    LongVector a03 = LongVector.fromArray(S, st, 15 * N);
    LongVector a13 = LongVector.fromArray(S, st, 16 * N);
    LongVector a23 = LongVector.fromArray(S, st, 17 * N);
    LongVector a33 = LongVector.fromArray(S, st, 18 * N);
    LongVector a43 = LongVector.fromArray(S, st, 19 * N);
    LongVector a04 = LongVector.fromArray(S, st, 20 * N);
    LongVector a14 = LongVector.fromArray(S, st, 21 * N);
    LongVector a24 = LongVector.fromArray(S, st, 22 * N);
    LongVector a34 = LongVector.fromArray(S, st, 23 * N);
    LongVector a44 = LongVector.fromArray(S, st, 24 * N);
    for (int round = 0; round < 24; round++) {
      LongVector c0 = a00.lanewise(XOR, a01).lanewise(XOR, a02).lanewise(XOR, a03)
          .lanewise(XOR, a04);
      LongVector c1 = a10.lanewise(XOR, a11).lanewise(XOR, a12).lanewise(XOR, a13)
          .lanewise(XOR, a14);
      LongVector c2 = a20.lanewise(XOR, a21).lanewise(XOR, a22).lanewise(XOR, a23)
          .lanewise(XOR, a24);
      LongVector c3 = a30.lanewise(XOR, a31).lanewise(XOR, a32).lanewise(XOR, a33)
          .lanewise(XOR, a34);
      LongVector c4 = a40.lanewise(XOR, a41).lanewise(XOR, a42).lanewise(XOR, a43)
          .lanewise(XOR, a44);
      LongVector d0 = c4.lanewise(XOR, c1.lanewise(ROL, 1));
      LongVector d1 = c0.lanewise(XOR, c2.lanewise(ROL, 1));
      LongVector d2 = c1.lanewise(XOR, c3.lanewise(ROL, 1));
      LongVector d3 = c2.lanewise(XOR, c4.lanewise(ROL, 1));
      LongVector d4 = c3.lanewise(XOR, c0.lanewise(ROL, 1));
      LongVector b00 = a00.lanewise(XOR, d0);
      LongVector b02 = a10.lanewise(XOR, d1).lanewise(ROL, 1);
      LongVector b04 = a20.lanewise(XOR, d2).lanewise(ROL, 62);
      LongVector b01 = a30.lanewise(XOR, d3).lanewise(ROL, 28);
      LongVector b03 = a40.lanewise(XOR, d4).lanewise(ROL, 27);
      LongVector b13 = a01.lanewise(XOR, d0).lanewise(ROL, 36);
      LongVector b10 = a11.lanewise(XOR, d1).lanewise(ROL, 44);
      LongVector b12 = a21.lanewise(XOR, d2).lanewise(ROL, 6);
      LongVector b14 = a31.lanewise(XOR, d3).lanewise(ROL, 55);
      LongVector b11 = a41.lanewise(XOR, d4).lanewise(ROL, 20);
      LongVector b21 = a02.lanewise(XOR, d0).lanewise(ROL, 3);
      LongVector b23 = a12.lanewise(XOR, d1).lanewise(ROL, 10);
      LongVector b20 = a22.lanewise(XOR, d2).lanewise(ROL, 43);
      LongVector b22 = a32.lanewise(XOR, d3).lanewise(ROL, 25);
      LongVector b24 = a42.lanewise(XOR, d4).lanewise(ROL, 39);
      LongVector b34 = a03.lanewise(XOR, d0).lanewise(ROL, 41);
      LongVector b31 = a13.lanewise(XOR, d1).lanewise(ROL, 45);
      LongVector b33 = a23.lanewise(XOR, d2).lanewise(ROL, 15);
      LongVector b30 = a33.lanewise(XOR, d3).lanewise(ROL, 21);
      LongVector b32 = a43.lanewise(XOR, d4).lanewise(ROL, 8);
      LongVector b42 = a04.lanewise(XOR, d0).lanewise(ROL, 18);
      LongVector b44 = a14.lanewise(XOR, d1).lanewise(ROL, 2);
      LongVector b41 = a24.lanewise(XOR, d2).lanewise(ROL, 61);
      LongVector b43 = a34.lanewise(XOR, d3).lanewise(ROL, 56);
      LongVector b40 = a44.lanewise(XOR, d4).lanewise(ROL, 14);
      a00 = b00.lanewise(XOR, b20.lanewise(AND_NOT, b10)).lanewise(XOR, Keccak.RC[round]);
      a10 = b10.lanewise(XOR, b30.lanewise(AND_NOT, b20));
      a20 = b20.lanewise(XOR, b40.lanewise(AND_NOT, b30));
      a30 = b30.lanewise(XOR, b00.lanewise(AND_NOT, b40));
      a40 = b40.lanewise(XOR, b10.lanewise(AND_NOT, b00));
      a01 = b01.lanewise(XOR, b21.lanewise(AND_NOT, b11));
      a11 = b11.lanewise(XOR, b31.lanewise(AND_NOT, b21));
      a21 = b21.lanewise(XOR, b41.lanewise(AND_NOT, b31));
      a31 = b31.lanewise(XOR, b01.lanewise(AND_NOT, b41));
      a41 = b41.lanewise(XOR, b11.lanewise(AND_NOT, b01));
      a02 = b02.lanewise(XOR, b22.lanewise(AND_NOT, b12));
      a12 = b12.lanewise(XOR, b32.lanewise(AND_NOT, b22));
      a22 = b22.lanewise(XOR, b42.lanewise(AND_NOT, b32));
      a32 = b32.lanewise(XOR, b02.lanewise(AND_NOT, b42));
      a42 = b42.lanewise(XOR, b12.lanewise(AND_NOT, b02));
      a03 = b03.lanewise(XOR, b23.lanewise(AND_NOT, b13));
      a13 = b13.lanewise(XOR, b33.lanewise(AND_NOT, b23));
      a23 = b23.lanewise(XOR, b43.lanewise(AND_NOT, b33));
      a33 = b33.lanewise(XOR, b03.lanewise(AND_NOT, b43));
      a43 = b43.lanewise(XOR, b13.lanewise(AND_NOT, b03));
      a04 = b04.lanewise(XOR, b24.lanewise(AND_NOT, b14));
      a14 = b14.lanewise(XOR, b34.lanewise(AND_NOT, b24));
      a24 = b24.lanewise(XOR, b44.lanewise(AND_NOT, b34));
      a34 = b34.lanewise(XOR, b04.lanewise(AND_NOT, b44));
      a44 = b44.lanewise(XOR, b14.lanewise(AND_NOT, b04));
    }
    a00.intoArray(st, 0 * N);
    a10.intoArray(st, 1 * N);
    a20.intoArray(st, 2 * N);
    a30.intoArray(st, 3 * N);
    a40.intoArray(st, 4 * N);
    a01.intoArray(st, 5 * N);
    a11.intoArray(st, 6 * N);
    a21.intoArray(st, 7 * N);
    a31.intoArray(st, 8 * N);
    a41.intoArray(st, 9 * N);
    a02.intoArray(st, 10 * N);
    a12.intoArray(st, 11 * N);
    a22.intoArray(st, 12 * N);
    a32.intoArray(st, 13 * N);
    a42.intoArray(st, 14 * N);
    a03.intoArray(st, 15 * N);
    a13.intoArray(st, 16 * N);
    a23.intoArray(st, 17 * N);
    a33.intoArray(st, 18 * N);
    a43.intoArray(st, 19 * N);
    a04.intoArray(st, 20 * N);
    a14.intoArray(st, 21 * N);
    a24.intoArray(st, 22 * N);
    a34.intoArray(st, 23 * N);
    a44.intoArray(st, 24 * N);
  }
}
