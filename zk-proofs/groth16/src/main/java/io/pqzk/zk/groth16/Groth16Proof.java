package io.pqzk.zk.groth16;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.curves.G1Point;
import io.pqzk.zk.curves.G2Point;
import io.pqzk.zk.curves.PairingCurve;
import io.pqzk.zk.groth16.StrictJson.Obj;
import io.pqzk.zk.groth16.StrictJson.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Groth16 proof in ZoKrates' {@code proof.json} format: {@code {"scheme":"g16","curve":...,
 * "proof":{"a":G1,"b":G2,"c":G1},"inputs":[...]}}. Immutable.
 *
 * <p>Read strictly, so one proof has one encoding per layout and nothing but the proof is read: at
 * most {@link #MAX_JSON_BYTES} bytes, checked before parsing; ASCII JSON without comments,
 * escapes, duplicate members or anything around the document; laid out compact or as ZoKrates
 * pretty-prints it; exactly the members above, in that order, strings where strings are expected;
 * every number "0x" and exactly as many lowercase hex digits as its field has (64 for BN254
 * coordinates and for every public input, 96 for BLS12-381 coordinates), below its modulus; A, B,
 * C on their curves, in the order-r subgroup and not the point at infinity (an honest prover
 * writes one with probability about 2^-254). Anything else is a {@link MalformedProofException}
 * naming the member.
 */
public final class Groth16Proof {
  /**
   * The cap on a proof's JSON, in bytes: a claim proof (26 public inputs) is about 2.6 KiB
   * pretty-printed, so 16 KiB leaves room for about 200 public inputs.
   */
  public static final int MAX_JSON_BYTES = 16 * 1024;

  final ZokratesCurve curve;
  final G1Point a;
  final G2Point b;
  final G1Point c;
  final List<BigInteger> inputs;

  Groth16Proof(ZokratesCurve curve, G1Point a, G2Point b, G1Point c, List<BigInteger> inputs) {
    this.curve = curve;
    this.a = a;
    this.b = b;
    this.c = c;
    this.inputs = List.copyOf(inputs);
  }

  /**
   * Reads {@code proof.json} bytes: the length is checked first, then the bytes must be UTF-8 and
   * the text what {@link #fromJson(String)} accepts.
   *
   * @throws InputTooLargeException when longer than {@link #MAX_JSON_BYTES}
   * @throws MalformedProofException for anything else that is not a well-formed proof
   */
  public static Groth16Proof fromJson(byte[] json) throws MalformedProofException {
    return fromJson(Json.decode(json, MAX_JSON_BYTES, "proof"));
  }

  /**
   * Reads {@code proof.json} text, as described above.
   *
   * @throws InputTooLargeException when longer than {@link #MAX_JSON_BYTES}
   * @throws MalformedProofException for anything else that is not a well-formed proof
   */
  public static Groth16Proof fromJson(String json) throws MalformedProofException {
    Obj o = Json.document(json, MAX_JSON_BYTES, "proof", "proof");
    ZokratesCurve zc = Json.schemeAndCurve(o);
    Json.members(o, "scheme", "curve", "proof", "inputs");
    PairingCurve pc = zc.curve();
    Obj p = Json.object(Json.member(o, "proof"));
    Json.members(p, "a", "b", "c");
    G1Point a = Json.g1(Json.member(p, "a"), pc);
    G2Point b = Json.g2(Json.member(p, "b"), pc);
    G1Point c = Json.g1(Json.member(p, "c"), pc);
    List<Value> in = Json.array(Json.member(o, "inputs"), -1).items();
    List<BigInteger> inputs = new ArrayList<>(in.size());
    for (Value v : in) {
      inputs.add(Json.hex(v, Json.INPUT_HEX_DIGITS, pc.r(), "r"));
    }
    return new Groth16Proof(zc, a, b, c, inputs);
  }

  public ZokratesCurve curve() {
    return curve;
  }

  /** The public inputs, in ABI order (circuit outputs last). */
  public List<BigInteger> inputs() {
    return inputs;
  }

  @Override
  public String toString() {
    return "Groth16Proof[" + curve.id() + ", " + inputs.size() + " public inputs]";
  }
}
