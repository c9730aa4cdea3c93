package io.pqzk.zk.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.curves.internal.Fp;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Algebraic cross-checks that complement the precompile vectors. */
class PairingPropertiesTest {
  private static final Random RND = new Random(20261124);

  static G1Point g1Gen(PairingCurve c) throws InvalidPointException {
    if (c == PairingCurve.BN254) {
      return c.g1(BigInteger.ONE, BigInteger.TWO);
    }
    return c.g1(
        new BigInteger(
            "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb", 16),
        new BigInteger(
            "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1", 16));
  }

  static G2Point g2Gen(PairingCurve c) throws InvalidPointException {
    if (c == PairingCurve.BN254) {
      return c.g2(
          new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
          new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
          new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
          new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"));
    }
    return c.g2(
        new BigInteger("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8", 16),
        new BigInteger("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e", 16),
        new BigInteger("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801", 16),
        new BigInteger("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be", 16));
  }

  @Test
  void msmOverPreparedBases_equalsTheSumOfSingleMultiplications_bothCurves() throws Exception {
    for (PairingCurve c : List.of(PairingCurve.BN254, PairingCurve.BLS12_381)) {
      G1Point g = g1Gen(c);
      List<G1Point> points = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        points.add(c.mul(g, BigInteger.valueOf(1000 + 7L * i)));
      }
      G1Bases bases = c.bases(points);
      // zero, tiny, 32-bit, full-size and r-1 scalars: windows skipped per scalar must not matter
      List<List<BigInteger>> runs = List.of(
          List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(15), BigInteger.valueOf(4_294_967_295L),
              new BigInteger(c.r().bitLength() - 1, RND), c.r().subtract(BigInteger.ONE)),
          List.of(new BigInteger(c.r().bitLength() - 1, RND), BigInteger.ZERO, BigInteger.ZERO,
              BigInteger.valueOf(16), BigInteger.valueOf(17), BigInteger.ZERO));
      for (List<BigInteger> ks : runs) {
        G1Point expected = c.mul(g, BigInteger.ZERO);
        for (int i = 0; i < ks.size(); i++) {
          expected = c.add(expected, c.mul(points.get(i), ks.get(i)));
        }
        assertEquals(expected, c.msm(bases, ks), c + " " + ks);
        assertEquals(expected, c.msm(points, ks));
      }
      assertThrows(IllegalArgumentException.class, () -> c.msm(bases, List.of(BigInteger.ONE)));
    }
  }

  @Test
  void fpMul_matchesBigInteger_bothCurves() {
    for (PairingCurve c : List.of(PairingCurve.BN254, PairingCurve.BLS12_381)) {
      Fp f = new Fp(c.p());
      for (int i = 0; i < 500; i++) {
        BigInteger a = new BigInteger(c.p().bitLength() + 8, RND).mod(c.p());
        BigInteger b = i == 0 ? c.p().subtract(BigInteger.ONE) : new BigInteger(c.p().bitLength() + 8, RND).mod(c.p());
        long[] am = f.fromCanonical(a);
        long[] bm = f.fromCanonical(b);
        assertEquals(a.multiply(b).mod(c.p()), f.toBigInteger(f.mul(am, bm)));
        assertEquals(a.add(b).mod(c.p()), f.toBigInteger(f.add(am, bm)));
        assertEquals(a.subtract(b).mod(c.p()), f.toBigInteger(f.sub(am, bm)));
      }
    }
  }

  @Test
  void pairing_isBilinearAndNonDegenerate_bothCurves() throws InvalidPointException {
    for (PairingCurve c : List.of(PairingCurve.BN254, PairingCurve.BLS12_381)) {
      G1Point p = g1Gen(c);
      G2Point q = g2Gen(c);
      assertTrue(c.isInSubgroup(p) && c.isInSubgroup(q), c.name());
      BigInteger a = new BigInteger(250, RND);
      BigInteger b = new BigInteger(250, RND);
      G1Point abNeg = c.mul(p, c.r().subtract(a.multiply(b).mod(c.r())));
      // e(aP, bQ) * e(-abP, Q) == 1
      assertTrue(c.pairingProductIsOne(List.of(c.mul(p, a), abNeg), List.of(c.mul(q, b), q)), c.name());
      // but e(aP, bQ) * e(-abP, 2Q) != 1, and e(P, Q) != 1
      assertFalse(
          c.pairingProductIsOne(List.of(c.mul(p, a), abNeg), List.of(c.mul(q, b), c.add(q, q))), c.name());
      assertFalse(c.pairingProductIsOne(List.of(p), List.of(q)), c.name());
    }
  }

  @Test
  void g1_coordinateNotBelowP_throws() {
    for (PairingCurve c : List.of(PairingCurve.BN254, PairingCurve.BLS12_381)) {
      assertThrows(InvalidPointException.class, () -> c.g1(c.p(), BigInteger.TWO));
      assertThrows(InvalidPointException.class, () -> c.g1(BigInteger.ONE, BigInteger.ONE));
    }
  }

  @Test
  void bls12381G1EndomorphismCheck_agreesWithOrderCheck() throws InvalidPointException {
    PairingCurve c = PairingCurve.BLS12_381;
    BigInteger p = c.p();
    BigInteger x = new BigInteger("-d201000000010000", 16);
    BigInteger h = x.subtract(BigInteger.ONE).pow(2).divide(BigInteger.valueOf(3)); // G1 cofactor
    int tried = 0;
    for (int xi = 1; tried < 6; xi++) {
      BigInteger rhs = BigInteger.valueOf(xi).pow(3).add(BigInteger.valueOf(4)).mod(p);
      BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
      if (!y.multiply(y).mod(p).equals(rhs)) {
        continue;
      }
      tried++;
      G1Point pt = c.g1(BigInteger.valueOf(xi), y);
      assertEquals(c.mul(pt, c.r()).isInfinity(), c.isInSubgroup(pt));
      assertFalse(c.isInSubgroup(pt), "random point x=" + xi);
      G1Point cleared = c.mul(pt, h);
      assertTrue(c.mul(cleared, c.r()).isInfinity());
      assertTrue(c.isInSubgroup(cleared), "cofactor-cleared point x=" + xi);
    }
  }

  @Test
  void g2SubgroupCheck_acceptsMultiplesOfGenerator() {
    for (PairingCurve c : List.of(PairingCurve.BN254, PairingCurve.BLS12_381)) {
      G2Point q = c.mul(c.g2Generator(), new BigInteger(200, RND));
      assertTrue(c.isInSubgroup(q));
      assertTrue(c.mul(q, c.r()).isInfinity());
    }
  }

  @Test
  void bn254G2EndomorphismCheck_agreesWithOrderCheck_onEveryVectorPoint() throws Exception {
    PairingCurve c = PairingCurve.BN254;
    var doc = PrecompileVectorsTest.load("/vectors/curves/bn254/ethtests_ecpairing.json.gz");
    int inside = 0;
    int outside = 0;
    for (var e : doc.getAsJsonArray("cases")) {
      byte[] in = java.util.HexFormat.of().parseHex(e.getAsJsonObject().get("input").getAsString());
      for (int o = 0; o + 192 <= in.length; o += 192) {
        BigInteger[] w = new BigInteger[4];
        for (int i = 0; i < 4; i++) {
          w[i] = new BigInteger(1, java.util.Arrays.copyOfRange(in, o + 64 + 32 * i, o + 96 + 32 * i));
        }
        G2Point q;
        try {
          q = c.g2(w[1], w[0], w[3], w[2]);
        } catch (InvalidPointException notOnTwist) {
          continue;
        }
        boolean byOrder = c.mul(q, c.r()).isInfinity();
        assertEquals(byOrder, c.isInSubgroup(q));
        if (byOrder) {
          inside++;
        } else {
          outside++;
        }
      }
    }
    assertTrue(inside > 20 && outside > 20, inside + " inside, " + outside + " outside");
  }
}
