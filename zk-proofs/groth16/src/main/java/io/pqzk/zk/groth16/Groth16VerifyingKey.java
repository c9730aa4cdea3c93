package io.pqzk.zk.groth16;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.curves.G1Bases;
import io.pqzk.zk.curves.G1Point;
import io.pqzk.zk.curves.G2Point;
import io.pqzk.zk.curves.PairingCurve;
import io.pqzk.zk.curves.PreparedG2;
import java.util.ArrayList;
import java.util.List;

/**
 * A Groth16 verification key in ZoKrates' {@code verification.key.json} format: alpha (G1), beta,
 * gamma, delta (G2), gamma_abc (G1, one more than the number of public inputs). Parsing checks
 * every coordinate is canonical and every point is on its curve and in its order-r subgroup, so a
 * key, once built, can verify many proofs without re-checking. Immutable and thread-safe.
 */
public final class Groth16VerifyingKey {
  final ZokratesCurve curve;
  final G1Point alpha;
  final G2Point beta;
  final G2Point gamma;
  final G2Point delta;
  final List<G1Point> gammaAbc;
  final G1Bases gammaAbcBases; // window tables of gamma_abc, for vk_x in every verification
  final G1Point negAlpha;
  final PreparedG2 betaLines;
  final PreparedG2 gammaLines;
  final PreparedG2 deltaLines;

  private Groth16VerifyingKey(
      ZokratesCurve curve,
      G1Point alpha,
      G2Point beta,
      G2Point gamma,
      G2Point delta,
      List<G1Point> gammaAbc) {
    this.curve = curve;
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.delta = delta;
    this.gammaAbc = List.copyOf(gammaAbc);
    PairingCurve c = curve.curve();
    this.negAlpha = c.neg(alpha);
    this.betaLines = c.prepare(beta);
    this.gammaLines = c.prepare(gamma);
    this.deltaLines = c.prepare(delta);
    this.gammaAbcBases = c.bases(this.gammaAbc);
  }

  /** Parses and checks ZoKrates' JSON; throws naming the first problem found. */
  public static Groth16VerifyingKey fromJson(String json) throws MalformedProofException {
    String what = "verification key";
    JsonObject o = Json.parseObject(json, what);
    ZokratesCurve zc = Json.schemeAndCurve(o, what);
    PairingCurve c = zc.curve();
    G1Point alpha = Json.g1(Json.member(o, "alpha", what), c, "vk.alpha");
    G2Point beta = Json.g2(Json.member(o, "beta", what), c, "vk.beta");
    G2Point gamma = Json.g2(Json.member(o, "gamma", what), c, "vk.gamma");
    G2Point delta = Json.g2(Json.member(o, "delta", what), c, "vk.delta");
    if (alpha.isInfinity() || beta.isInfinity() || gamma.isInfinity() || delta.isInfinity()) {
      throw new MalformedProofException("verification key has a point at infinity (degenerate setup)");
    }
    JsonArray abc = Json.array(Json.member(o, "gamma_abc", what), -1, "vk.gamma_abc");
    if (abc.size() == 0) {
      throw new MalformedProofException("vk.gamma_abc is empty");
    }
    List<G1Point> gammaAbc = new ArrayList<>(abc.size());
    for (int i = 0; i < abc.size(); i++) {
      gammaAbc.add(Json.g1(abc.get(i), c, "vk.gamma_abc[" + i + "]"));
    }
    return new Groth16VerifyingKey(zc, alpha, beta, gamma, delta, gammaAbc);
  }

  public ZokratesCurve curve() {
    return curve;
  }

  /** The number of public inputs a proof for this key must carry. */
  public int publicInputCount() {
    return gammaAbc.size() - 1;
  }

  @Override
  public String toString() {
    return "Groth16VerifyingKey[" + curve.id() + ", " + publicInputCount() + " public inputs]";
  }
}
