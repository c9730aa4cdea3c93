package io.pqzk.zk.groth16claims;

import io.pqzk.zk.curves.internal.Fp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Poseidon over the BN254 scalar field, exactly as ZoKrates' standard library {@code
 * hashes/poseidon/poseidon} (and circomlib's {@code Poseidon}): width t = n + 1 for n = 1..6 inputs,
 * state {@code [0, in_1, .., in_n]}, S-box x^5, 8 full rounds and 56, 57, 56, 60, 60, 63 partial
 * rounds for t = 2..7, output = state[0] (Grassi et al., "Poseidon", ePrint 2019/458, section 2).
 *
 * <p>Constants: {@code poseidon-bn254.txt} next to this class, extracted from ZoKrates'
 * {@code constants.zok} (its header names the commit). Inputs must be canonical (below r): the
 * circuit's field inputs are, and accepting aliases would let two inputs hash alike.
 *
 * <p>Arithmetic: Montgomery form on 4 limbs ({@link Fp}), about 1.5 times faster than BigInteger
 * here (one noisy run: 77 against 117 microseconds for two inputs). Not constant time, like the
 * BigInteger version: leaf hashing handles record values, so do not hash secrets where an
 * attacker can time it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Poseidon {
  /** The BN254 scalar field modulus r (ZoKrates' bn128 field). */
  public static final BigInteger R = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");
  /** Largest number of inputs per call (ZoKrates' limit). */
  public static final int MAX_INPUTS = 6;

  private static final int FULL_ROUNDS = 8;
  private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63};
  /** Montgomery arithmetic on 4 limbs (the pairing code's field class, here over r). */
  private static final Fp F = new Fp(R);
  private static final long[][][] C = new long[MAX_INPUTS][][];
  private static final long[][][][] M = new long[MAX_INPUTS][][][];

  static {
    load();
  }

  private Poseidon() {}

  /**
   * Hashes 1 to 6 field elements.
   *
   * @throws IllegalArgumentException when the count is out of range or an input is not in [0, r)
   */
  public static BigInteger hash(BigInteger... inputs) {
    int n = inputs.length;
    if (n < 1 || n > MAX_INPUTS) {
      throw new IllegalArgumentException("Poseidon takes 1 to " + MAX_INPUTS + " inputs, got " + n);
    }
    int t = n + 1;
    long[][] state = new long[t][];
    state[0] = F.zero();
    for (int i = 0; i < n; i++) {
      if (inputs[i].signum() < 0 || inputs[i].compareTo(R) >= 0) {
        throw new IllegalArgumentException("Poseidon input " + i + " is not a field element below r");
      }
      state[i + 1] = F.fromCanonical(inputs[i]);
    }
    long[][] c = C[n - 1];
    long[][][] m = M[n - 1];
    int p = PARTIAL_ROUNDS[n - 1];
    long[][] out = new long[t][];
    for (int r = 0; r < FULL_ROUNDS + p; r++) {
      for (int i = 0; i < t; i++) {
        state[i] = F.add(state[i], c[r * t + i]);
      }
      boolean full = r < FULL_ROUNDS / 2 || r >= FULL_ROUNDS / 2 + p;
      for (int i = 0; i < (full ? t : 1); i++) {
        long[] x2 = F.sqr(state[i]);
        state[i] = F.mul(F.sqr(x2), state[i]);
      }
      for (int i = 0; i < t; i++) {
        long[] acc = F.mul(state[0], m[i][0]);
        for (int j = 1; j < t; j++) {
          acc = F.add(acc, F.mul(state[j], m[i][j]));
        }
        out[i] = acc;
      }
      long[][] tmp = state;
      state = out;
      out = tmp;
    }
    return F.toBigInteger(state[0]);
  }

  private static void load() {
    try (InputStream in = Poseidon.class.getResourceAsStream("poseidon-bn254.txt")) {
      if (in == null) {
        throw new IllegalStateException("poseidon-bn254.txt missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      int t = 0;
      int row = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(" ");
        switch (f[0]) {
          case "t" -> {
            t = Integer.parseInt(f[1]);
            row = 0;
            M[t - 2] = new long[t][][];
          }
          case "C" -> C[t - 2] = parse(f, t * (FULL_ROUNDS + PARTIAL_ROUNDS[t - 2]));
          case "M" -> M[t - 2][row++] = parse(f, t);
          default -> throw new IllegalStateException("bad line in poseidon-bn254.txt: " + f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < MAX_INPUTS; i++) {
      if (C[i] == null || M[i] == null || M[i][i + 1] == null) {
        throw new IllegalStateException("poseidon-bn254.txt lacks constants for t=" + (i + 2));
      }
    }
  }

  private static long[][] parse(String[] fields, int expected) {
    if (fields.length - 1 != expected) {
      throw new IllegalStateException(
          "poseidon-bn254.txt: expected " + expected + " values, got " + (fields.length - 1));
    }
    long[][] out = new long[expected][];
    for (int i = 0; i < expected; i++) {
      out[i] = F.fromCanonical(new BigInteger(fields[i + 1]));
    }
    return out;
  }
}
