package io.pqzk.zk.curves;

import io.pqzk.zk.curves.internal.Fp;
import io.pqzk.zk.curves.internal.Fp2;
import io.pqzk.zk.curves.internal.Fp2Field;
import io.pqzk.zk.curves.internal.Jacobian;
import io.pqzk.zk.curves.internal.Pairing;
import io.pqzk.zk.curves.internal.Tower;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A pairing-friendly curve with an optimal ate pairing, in pure Java: BN254 (alt_bn128, EIP-196/197,
 * ZoKrates "bn128") and BLS12-381 (EIP-2537, ZoKrates "bls12_381").
 *
 * <p>Guarantees: factories accept only canonical coordinates (0 &lt;= c &lt; p) of points on the
 * curve (G1) or on the twist (G2); subgroup membership is a separate, explicit check ({@link
 * #isInSubgroup(G1Point)}, {@link #isInSubgroup(G2Point)}: [r]P = O), which callers must make
 * before {@link #pairingProductIsOne}. G1 has cofactor 1 on BN254, so every BN254 G1 point is in the
 * subgroup. All inputs here are public data: the code is not constant-time.
 */
public final class PairingCurve {

  /** BN254 = alt_bn128: y^2 = x^3 + 3, twist y^2 = x^3 + 3/(9+u) (D-type), x = 4965661367192848881. */
  public static final PairingCurve BN254 =
      new PairingCurve(
          "bn254",
          new BigInteger("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16),
          new BigInteger("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", 16),
          3,
          9,
          false,
          true,
          BigInteger.valueOf(4965661367192848881L),
          BigInteger.valueOf(4965661367192848881L).multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

  /** BLS12-381: y^2 = x^3 + 4, twist y^2 = x^3 + 4(1+u) (M-type), x = -0xd201000000010000. */
  public static final PairingCurve BLS12_381 =
      new PairingCurve(
          "bls12_381",
          new BigInteger(
              "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
              16),
          new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16),
          4,
          1,
          true,
          false,
          new BigInteger("-d201000000010000", 16),
          new BigInteger("-d201000000010000", 16));

  // in a holder: the curve constants above are built during class initialisation
  private static final class Generators {
  static final String[] BN254_GENERATORS = {
    "1", "2",
    "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed",
    "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2",
    "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
    "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
  };
  static final String[] BLS12_381_GENERATORS = {
    "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb",
    "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1",
    "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8",
    "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e",
    "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801",
    "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be"
  };
  }

  private final String name;
  private final BigInteger p;
  private final BigInteger r;
  final Fp fp;
  final Fp2Field fp2;
  final Jacobian<long[]> g1;
  final Jacobian<Fp2> g2;
  private final Pairing pairing;
  private final boolean g1CofactorOne;
  private final boolean endomorphismChecks;
  private final BigInteger x;
  private final long[] beta; // cube root of unity for the G1 endomorphism (BLS12 only)
  private final Fp2 psiX; // constants of the G2 endomorphism psi (BLS12 only)
  private final Fp2 psiY;
  private final G1Point g1Generator;
  private final G2Point g2Generator;

  private PairingCurve(
      String name,
      BigInteger p,
      BigInteger r,
      int b,
      int xi0,
      boolean mTwist,
      boolean bn,
      BigInteger x,
      BigInteger loop) {
    this.name = name;
    this.p = p;
    this.r = r;
    this.fp = new Fp(p);
    this.fp2 = new Fp2Field(fp);
    Tower tower = new Tower(fp2, xi0);
    Fp2 xi = tower.xi();
    this.g1 = new Jacobian<>(fp, fp.of(b));
    Fp2 bFp2 = fp2.of(fp.of(b), fp.zero());
    Fp2 twistB = mTwist ? fp2.mul(bFp2, xi) : fp2.mul(bFp2, fp2.inv(xi));
    this.g2 = new Jacobian<>(fp2, twistB);
    this.pairing = new Pairing(tower, g2, mTwist, bn, x, loop, r);
    this.g1CofactorOne = bn;
    this.x = x;
    String[] gens = bn ? Generators.BN254_GENERATORS : Generators.BLS12_381_GENERATORS;
    try {
      this.g1Generator = g1(new BigInteger(gens[0], 16), new BigInteger(gens[1], 16));
      this.g2Generator =
          g2(
              new BigInteger(gens[2], 16),
              new BigInteger(gens[3], 16),
              new BigInteger(gens[4], 16),
              new BigInteger(gens[5], 16));
    } catch (InvalidPointException e) {
      throw new ExceptionInInitializerError(e);
    }
    this.endomorphismChecks = !bn;
    if (endomorphismChecks) {
      // psi = twist o Frobenius o untwist on the M-type twist: (conj(x) xi^-(p-1)/3, conj(y) xi^-(p-1)/2)
      this.psiX = fp2.inv(tower.gamma(1, 2));
      this.psiY = fp2.inv(tower.gamma(1, 3));
      // beta: the primitive cube root of unity for which phi acts as -x^2 on G1 (two candidates)
      BigInteger e = p.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
      BigInteger root = BigInteger.ONE;
      for (int g = 2; root.equals(BigInteger.ONE); g++) {
        root = BigInteger.valueOf(g).modPow(e, p);
      }
      long[] b1 = fp.of(root);
      long[] chosen = null;
      for (long[] cand : new long[][] {b1, fp.mul(b1, b1)}) {
        if (g1.eq(phi(g1Generator.p, cand), g1.neg(g1.mul(g1Generator.p, x.multiply(x))))) {
          chosen = cand;
        }
      }
      this.beta = chosen;
      if (beta == null || !g2.eq(psi(g2Generator.p), g2.mul(g2Generator.p, x))) {
        throw new ExceptionInInitializerError("endomorphism constants do not act as expected");
      }
    } else {
      // psi on the D-type twist: (conj(x) xi^((p-1)/3), conj(y) xi^((p-1)/2))
      this.psiX = tower.gamma(1, 2);
      this.psiY = tower.gamma(1, 3);
      this.beta = null;
      // eprint 2022/348 (Dai et al.), BN case: the test below is complete when x != 4 mod 13
      // and x != 92 mod 97
      if (x.mod(BigInteger.valueOf(13)).intValue() == 4 || x.mod(BigInteger.valueOf(97)).intValue() == 92
          || !bnG2Check(g2Generator.p)) {
        throw new ExceptionInInitializerError("BN G2 membership test does not apply");
      }
    }
  }

  /** [x+1]Q + psi([x]Q) + psi^2([x]Q) == psi^3([2x]Q) (eprint 2022/348, Dai et al.). */
  private boolean bnG2Check(Jacobian.Point<Fp2> q) {
    Jacobian.Point<Fp2> xq = g2.mul(q, x);
    Jacobian.Point<Fp2> psiXq = psi(xq);
    Jacobian.Point<Fp2> lhs = g2.add(g2.add(g2.add(xq, q), psiXq), psi(psiXq));
    Jacobian.Point<Fp2> rhs = psi(psi(psi(g2.dbl(xq))));
    return g2.eq(lhs, rhs);
  }

  private Jacobian.Point<long[]> phi(Jacobian.Point<long[]> a, long[] b) {
    return g1.mapX(a, b);
  }

  private Jacobian.Point<Fp2> psi(Jacobian.Point<Fp2> a) {
    return Jacobian.psi(a, psiX, psiY, fp2);
  }

  /** The standard generator of G1. */
  public G1Point g1Generator() {
    return g1Generator;
  }

  /** The standard generator of G2. */
  public G2Point g2Generator() {
    return g2Generator;
  }

  public String name() {
    return name;
  }

  /** The base field modulus p. */
  public BigInteger p() {
    return p;
  }

  /** The prime order r of G1, G2 and GT (the scalar field of Groth16 circuits). */
  public BigInteger r() {
    return r;
  }

  /** Bytes of a big-endian base field element (32 or 48). */
  public int fieldBytes() {
    return (p.bitLength() + 7) / 8;
  }

  private long[] coordinate(BigInteger c, String what) throws InvalidPointException {
    if (c.signum() < 0 || c.compareTo(p) >= 0) {
      throw new InvalidPointException(what + " is not a canonical field element (not below p)");
    }
    return fp.fromCanonical(c);
  }

  /** The G1 point (x, y); (0, 0) is the point at infinity (EIP-196 and ZoKrates convention). */
  public G1Point g1(BigInteger x, BigInteger y) throws InvalidPointException {
    long[] xx = coordinate(x, "G1 x");
    long[] yy = coordinate(y, "G1 y");
    if (fp.isZero(xx) && fp.isZero(yy)) {
      return new G1Point(this, g1.infinity());
    }
    if (!g1.isOnCurve(xx, yy)) {
      throw new InvalidPointException("G1 point is not on the " + name + " curve");
    }
    return new G1Point(this, g1.fromAffine(xx, yy));
  }

  /** The G2 point with x = x0 + x1 u, y = y0 + y1 u; all zero is the point at infinity. */
  public G2Point g2(BigInteger x0, BigInteger x1, BigInteger y0, BigInteger y1)
      throws InvalidPointException {
    Fp2 x = fp2.of(coordinate(x0, "G2 x.c0"), coordinate(x1, "G2 x.c1"));
    Fp2 y = fp2.of(coordinate(y0, "G2 y.c0"), coordinate(y1, "G2 y.c1"));
    if (fp2.isZero(x) && fp2.isZero(y)) {
      return new G2Point(this, g2.infinity());
    }
    if (!g2.isOnCurve(x, y)) {
      throw new InvalidPointException("G2 point is not on the " + name + " twist");
    }
    return new G2Point(this, g2.fromAffine(x, y));
  }

  /**
   * Whether the point lies in the order-r subgroup G1. BN254: always (cofactor 1). BLS12-381:
   * phi(P) == -[x^2] P with phi(x, y) = (beta x, y) (Scott, eprint 2021/1130 section 6; proof
   * corrected in eprint 2022/352).
   */
  public boolean isInSubgroup(G1Point a) {
    own(a.curve);
    if (g1CofactorOne) {
      return true;
    }
    return g1.eq(phi(a.p, beta), g1.neg(g1.mul(a.p, x.multiply(x))));
  }

  /**
   * Whether the point lies in the order-r subgroup G2. BLS12-381: psi(Q) == [x] Q (Scott, eprint
   * 2021/1130 section 4; eprint 2022/352). BN254: [x+1]Q + psi([x]Q) + psi^2([x]Q) ==
   * psi^3([2x]Q) (Dai, Lin, Zhao, Zhou, eprint 2022/348), a 63-bit multiplication instead of [r]Q.
   */
  public boolean isInSubgroup(G2Point a) {
    own(a.curve);
    if (endomorphismChecks) {
      return g2.eq(psi(a.p), g2.mul(a.p, x));
    }
    return bnG2Check(a.p);
  }

  public G1Point add(G1Point a, G1Point b) {
    own(a.curve);
    own(b.curve);
    return new G1Point(this, g1.add(a.p, b.p));
  }

  public G2Point add(G2Point a, G2Point b) {
    own(a.curve);
    own(b.curve);
    return new G2Point(this, g2.add(a.p, b.p));
  }

  public G1Point neg(G1Point a) {
    own(a.curve);
    return new G1Point(this, g1.neg(a.p));
  }

  public G2Point neg(G2Point a) {
    own(a.curve);
    return new G2Point(this, g2.neg(a.p));
  }

  /** [k]P for any k &gt;= 0 (not reduced mod r, so it is exact for points outside the subgroup). */
  public G1Point mul(G1Point a, BigInteger k) {
    own(a.curve);
    return new G1Point(this, g1.mul(a.p, k));
  }

  public G2Point mul(G2Point a, BigInteger k) {
    own(a.curve);
    return new G2Point(this, g2.mul(a.p, k));
  }

  /** sum [k_i] P_i with shared doublings. */
  public G1Point msm(List<G1Point> points, List<BigInteger> scalars) {
    if (points.size() != scalars.size()) {
      throw new IllegalArgumentException("points and scalars differ in number");
    }
    return msm(bases(points), scalars);
  }

  /** The window tables of fixed bases, for repeated {@link #msm(G1Bases, List)}. */
  public G1Bases bases(List<G1Point> points) {
    @SuppressWarnings("unchecked")
    Jacobian.Point<long[]>[] ps = new Jacobian.Point[points.size()];
    for (int i = 0; i < ps.length; i++) {
      own(points.get(i).curve);
      ps[i] = points.get(i).p;
    }
    return new G1Bases(this, g1.windowTables(ps));
  }

  /** sum [k_i] P_i over bases prepared by {@link #bases(List)}. */
  public G1Point msm(G1Bases bases, List<BigInteger> scalars) {
    own(bases.curve);
    if (bases.size() != scalars.size()) {
      throw new IllegalArgumentException("bases and scalars differ in number");
    }
    return new G1Point(this, g1.msm(bases.tables, scalars.toArray(new BigInteger[0])));
  }

  /** Affine [x, y] as integers; [0, 0] for infinity. */
  public BigInteger[] affine(G1Point a) {
    List<long[]> xy = g1.toAffine(a.p);
    if (xy == null) {
      return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO};
    }
    return new BigInteger[] {fp.toBigInteger(xy.get(0)), fp.toBigInteger(xy.get(1))};
  }

  /** Affine [x.c0, x.c1, y.c0, y.c1] as integers; all zero for infinity. */
  public BigInteger[] affine(G2Point a) {
    List<Fp2> xy = g2.toAffine(a.p);
    if (xy == null) {
      return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    }
    return new BigInteger[] {
      fp.toBigInteger(xy.get(0).c0()),
      fp.toBigInteger(xy.get(0).c1()),
      fp.toBigInteger(xy.get(1).c0()),
      fp.toBigInteger(xy.get(1).c1())
    };
  }

  /** Precomputes the Miller-loop lines of a G2 point (which must be in the subgroup). */
  public PreparedG2 prepare(G2Point q) {
    own(q.curve);
    List<Fp2> xy = g2.toAffine(q.p);
    return new PreparedG2(this, q, xy == null ? null : pairing.prepare(xy.get(0), xy.get(1)));
  }

  /**
   * Whether prod e(a_i, b_i) == 1 in GT, with one shared Miller loop and one final
   * exponentiation. Every point must already have passed the subgroup check.
   */
  public boolean pairingProductIsOne(List<G1Point> as, List<G2Point> bs) {
    List<PreparedG2> prepared = new ArrayList<>(bs.size());
    for (G2Point b : bs) {
      prepared.add(prepare(b));
    }
    return pairingProductIsOnePrepared(as, prepared);
  }

  /** As {@link #pairingProductIsOne}, with G2 points prepared in advance. */
  public boolean pairingProductIsOnePrepared(List<G1Point> as, List<PreparedG2> bs) {
    if (as.size() != bs.size()) {
      throw new IllegalArgumentException("G1 and G2 lists differ in length");
    }
    List<long[][]> ps = new ArrayList<>(as.size());
    List<Fp2[][]> qs = new ArrayList<>(as.size());
    for (int i = 0; i < as.size(); i++) {
      own(as.get(i).curve);
      own(bs.get(i).curve);
      List<long[]> a = g1.toAffine(as.get(i).p);
      ps.add(a == null ? null : new long[][] {a.get(0), a.get(1)});
      qs.add(bs.get(i).lines);
    }
    return pairing.productIsOne(ps, qs);
  }

  private void own(PairingCurve c) {
    if (c != this) {
      throw new IllegalArgumentException("point belongs to " + c.name + ", not " + name);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
