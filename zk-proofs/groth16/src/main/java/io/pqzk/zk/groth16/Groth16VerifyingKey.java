package io.pqzk.zk.groth16;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.curves.G1Bases;
import io.pqzk.zk.curves.G1Point;
import io.pqzk.zk.curves.G2Point;
import io.pqzk.zk.curves.PairingCurve;
import io.pqzk.zk.curves.PreparedG2;
import io.pqzk.zk.groth16.StrictJson.Obj;
import io.pqzk.zk.groth16.StrictJson.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A Groth16 verification key in ZoKrates' {@code verification.key.json} format: {@code
 * {"scheme":"g16","curve":...,"alpha":G1,"beta":G2,"gamma":G2,"delta":G2,"gamma_abc":[G1,...]}},
 * gamma_abc one longer than the number of public inputs. Immutable and thread-safe.
 *
 * <p>Read as strictly as {@link Groth16Proof} (at most {@link #MAX_JSON_BYTES} bytes, checked
 * before parsing; strict JSON in one of ZoKrates' layouts; exactly these members in this order;
 * exact-width lowercase hex below p), and every point is checked to be on its curve, in its
 * order-r subgroup and not the point at infinity, so a key, once built, verifies many proofs
 * without re-checking. A point at infinity in gamma_abc would drop its public input from vk_x:
 * every value of that input would verify.
 *
 * <p>What parsing cannot check: that the key belongs to a given circuit. Any key with the right
 * curve and number of inputs has this shape; only the setup's transcript ties a key to a circuit
 * (see GROTH16.md, "What a pinned key proves").
 */
public final class Groth16VerifyingKey {
  /**
   * The cap on a key's JSON, in bytes: a claim key (26 public inputs) is about 6 KiB
   * pretty-printed; 64 KiB holds about 390 public inputs on BN254 and 270 on BLS12-381, and
   * bounds what parsing a key costs (one subgroup check per point).
   */
  public static final int MAX_JSON_BYTES = 64 * 1024;

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

  /**
   * Reads {@code verification.key.json} bytes: the length is checked first, then the bytes must be
   * UTF-8 and the text what {@link #fromJson(String)} accepts.
   *
   * @throws InputTooLargeException when longer than {@link #MAX_JSON_BYTES}
   * @throws MalformedProofException for anything else that is not a well-formed key
   */
  public static Groth16VerifyingKey fromJson(byte[] json) throws MalformedProofException {
    return fromJson(Json.decode(json, MAX_JSON_BYTES, "verification key"));
  }

  /**
   * Reads and checks {@code verification.key.json} text, as described above; throws naming the
   * first problem found.
   *
   * @throws InputTooLargeException when longer than {@link #MAX_JSON_BYTES}
   * @throws MalformedProofException for anything else that is not a well-formed key
   */
  public static Groth16VerifyingKey fromJson(String json) throws MalformedProofException {
    Obj o = Json.document(json, MAX_JSON_BYTES, "verification key", "vk");
    ZokratesCurve zc = Json.schemeAndCurve(o);
    Json.members(o, "scheme", "curve", "alpha", "beta", "gamma", "delta", "gamma_abc");
    PairingCurve c = zc.curve();
    G1Point alpha = Json.g1(Json.member(o, "alpha"), c);
    G2Point beta = Json.g2(Json.member(o, "beta"), c);
    G2Point gamma = Json.g2(Json.member(o, "gamma"), c);
    G2Point delta = Json.g2(Json.member(o, "delta"), c);
    List<Value> abc = Json.array(Json.member(o, "gamma_abc"), -1).items();
    if (abc.isEmpty()) {
      throw new MalformedProofException("vk.gamma_abc is empty");
    }
    List<G1Point> gammaAbc = new ArrayList<>(abc.size());
    for (Value v : abc) {
      gammaAbc.add(Json.g1(v, c));
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
