package io.pqzk.zk.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs EVERY case of the EIP-196/197 (BN254) and EIP-2537 (BLS12-381) precompile vectors in
 * {@code test-vectors/curves} (sources in test-vectors/SOURCES.md section 4) through {@link
 * PairingCurve}, emulating each precompile's byte layout and failure rules. Prints per-file counts,
 * then asserts that no case failed. The map_fp*_to_g* cases are counted as skipped: hash-to-curve
 * (SSWU + isogeny) is not implemented because Groth16 verification never needs it.
 */
class PrecompileVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "bn254/ethtests_ecadd",
        "bn254/ethtests_ecmul",
        "bn254/ethtests_ecpairing",
        "bn254/eest_ecadd",
        "bn254/eest_ecmul",
        "bn254/eest_ecpairing",
        "bls12_381/add_G1_bls",
        "bls12_381/fail-add_G1_bls",
        "bls12_381/add_G2_bls",
        "bls12_381/fail-add_G2_bls",
        "bls12_381/mul_G1_bls",
        "bls12_381/fail-mul_G1_bls",
        "bls12_381/mul_G2_bls",
        "bls12_381/fail-mul_G2_bls",
        "bls12_381/msm_G1_bls",
        "bls12_381/fail-msm_G1_bls",
        "bls12_381/multiexp_G2_bls",
        "bls12_381/fail-msm_G2_bls",
        "bls12_381/pairing_check_bls",
        "bls12_381/fail-pairing_check_bls",
        "bls12_381/map_fp_to_G1_bls",
        "bls12_381/fail-map_fp_to_G1_bls",
        "bls12_381/map_fp2_to_G2_bls",
        "bls12_381/fail-map_fp2_to_G2_bls",
      })
  void everyCase_matchesExpectedOutput(String file) throws IOException {
    JsonObject doc = load("/vectors/curves/" + file + ".json.gz");
    List<String> failures = new ArrayList<>();
    int passed = 0;
    int skipped = 0;
    int total = 0;
    for (JsonElement e : doc.getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      total++;
      String op = c.get("op").getAsString();
      if (op.startsWith("map_")) {
        skipped++;
        continue;
      }
      byte[] input = HEX.parseHex(c.get("input").getAsString());
      String expected = c.get("expected").isJsonNull() ? null : c.get("expected").getAsString();
      String actual;
      try {
        actual = HEX.formatHex(Precompiles.run(op, input));
      } catch (InvalidPointException | IllegalArgumentException ex) {
        actual = null;
      }
      if (expected == null ? actual == null : expected.equals(actual)) {
        passed++;
      } else {
        failures.add(c.get("name").getAsString() + ": expected " + expected + " got " + actual);
      }
    }
    System.out.printf(
        "%s: %d cases, %d passed, %d failed, %d skipped%s%n",
        file,
        total,
        passed,
        failures.size(),
        skipped,
        skipped > 0 ? " (hash-to-curve map not implemented: not needed for Groth16)" : "");
    assertTrue(total > 0, "no cases in " + file);
    assertEquals(List.of(), failures);
  }

  static JsonObject load(String resource) throws IOException {
    InputStream in = PrecompileVectorsTest.class.getResourceAsStream(resource);
    assertNotNull(in, resource + " missing from the test-vectors test-jar");
    try (Reader r = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(r).getAsJsonObject();
    }
  }

  /** Byte-level emulation of the precompiles, per SOURCES.md section 4. */
  static final class Precompiles {
    static byte[] run(String op, byte[] in) throws InvalidPointException {
      PairingCurve bn = PairingCurve.BN254;
      PairingCurve bls = PairingCurve.BLS12_381;
      switch (op) {
        case "ecadd": {
          byte[] b = Arrays.copyOf(in, 128);
          return bnG1(bn.add(bnG1(b, 0), bnG1(b, 64)));
        }
        case "ecmul": {
          byte[] b = Arrays.copyOf(in, 96);
          return bnG1(bn.mul(bnG1(b, 0), new BigInteger(1, Arrays.copyOfRange(b, 64, 96))));
        }
        case "ecpairing": {
          if (in.length % 192 != 0) {
            throw new IllegalArgumentException("length not a multiple of 192");
          }
          List<G1Point> as = new ArrayList<>();
          List<G2Point> bs = new ArrayList<>();
          for (int o = 0; o < in.length; o += 192) {
            as.add(bnG1(in, o));
            G2Point q =
                bn.g2(fe(in, o + 96, 32), fe(in, o + 64, 32), fe(in, o + 160, 32), fe(in, o + 128, 32));
            if (!bn.isInSubgroup(q)) {
              throw new InvalidPointException("G2 not in subgroup");
            }
            bs.add(q);
          }
          return word(bn.pairingProductIsOne(as, bs));
        }
        case "g1add":
          exact(in, 256);
          return blsG1(bls.add(blsG1(in, 0, false), blsG1(in, 128, false)));
        case "g2add":
          exact(in, 512);
          return blsG2(bls.add(blsG2(in, 0, false), blsG2(in, 256, false)));
        case "g1msm": {
          multiple(in, 160);
          List<G1Point> ps = new ArrayList<>();
          List<BigInteger> ks = new ArrayList<>();
          for (int o = 0; o < in.length; o += 160) {
            ps.add(blsG1(in, o, true));
            ks.add(new BigInteger(1, Arrays.copyOfRange(in, o + 128, o + 160)));
          }
          return blsG1(bls.msm(ps, ks));
        }
        case "g2msm": {
          multiple(in, 288);
          G2Point acc = null;
          for (int o = 0; o < in.length; o += 288) {
            G2Point t = bls.mul(blsG2(in, o, true), new BigInteger(1, Arrays.copyOfRange(in, o + 256, o + 288)));
            acc = acc == null ? t : bls.add(acc, t);
          }
          return blsG2(acc);
        }
        case "pairing_check": {
          multiple(in, 384);
          List<G1Point> as = new ArrayList<>();
          List<G2Point> bs = new ArrayList<>();
          for (int o = 0; o < in.length; o += 384) {
            as.add(blsG1(in, o, true));
            bs.add(blsG2(in, o + 128, true));
          }
          return word(bls.pairingProductIsOne(as, bs));
        }
        default:
          throw new IllegalArgumentException("unknown op " + op);
      }
    }

    private static void exact(byte[] in, int n) {
      if (in.length != n) {
        throw new IllegalArgumentException("length " + in.length + " != " + n);
      }
    }

    private static void multiple(byte[] in, int n) {
      if (in.length == 0 || in.length % n != 0) {
        throw new IllegalArgumentException("length " + in.length + " not a positive multiple of " + n);
      }
    }

    private static BigInteger fe(byte[] b, int off, int len) {
      return new BigInteger(1, Arrays.copyOfRange(b, off, off + len));
    }

    private static byte[] word(boolean one) {
      byte[] w = new byte[32];
      w[31] = (byte) (one ? 1 : 0);
      return w;
    }

    private static G1Point bnG1(byte[] b, int o) throws InvalidPointException {
      return PairingCurve.BN254.g1(fe(b, o, 32), fe(b, o + 32, 32));
    }

    private static byte[] bnG1(G1Point p) {
      BigInteger[] xy = PairingCurve.BN254.affine(p);
      byte[] out = new byte[64];
      put(out, 0, 32, xy[0]);
      put(out, 32, 32, xy[1]);
      return out;
    }

    /** EIP-2537 Fp: 16 zero bytes then 48 bytes big-endian. */
    private static BigInteger blsFp(byte[] b, int o) throws InvalidPointException {
      for (int i = 0; i < 16; i++) {
        if (b[o + i] != 0) {
          throw new InvalidPointException("top 16 bytes of an Fp element are not zero");
        }
      }
      return fe(b, o + 16, 48);
    }

    private static G1Point blsG1(byte[] b, int o, boolean subgroup) throws InvalidPointException {
      G1Point p = PairingCurve.BLS12_381.g1(blsFp(b, o), blsFp(b, o + 64));
      if (subgroup && !PairingCurve.BLS12_381.isInSubgroup(p)) {
        throw new InvalidPointException("G1 not in subgroup");
      }
      return p;
    }

    private static G2Point blsG2(byte[] b, int o, boolean subgroup) throws InvalidPointException {
      G2Point p =
          PairingCurve.BLS12_381.g2(
              blsFp(b, o), blsFp(b, o + 64), blsFp(b, o + 128), blsFp(b, o + 192));
      if (subgroup && !PairingCurve.BLS12_381.isInSubgroup(p)) {
        throw new InvalidPointException("G2 not in subgroup");
      }
      return p;
    }

    private static byte[] blsG1(G1Point p) {
      BigInteger[] xy = PairingCurve.BLS12_381.affine(p);
      byte[] out = new byte[128];
      put(out, 16, 48, xy[0]);
      put(out, 80, 48, xy[1]);
      return out;
    }

    private static byte[] blsG2(G2Point p) {
      BigInteger[] c = PairingCurve.BLS12_381.affine(p);
      byte[] out = new byte[256];
      for (int i = 0; i < 4; i++) {
        put(out, 64 * i + 16, 48, c[i]);
      }
      return out;
    }

    private static void put(byte[] out, int off, int len, BigInteger v) {
      byte[] raw = v.toByteArray();
      int start = raw.length > len ? raw.length - len : 0;
      int n = raw.length - start;
      System.arraycopy(raw, start, out, off + len - n, n);
    }
  }
}
