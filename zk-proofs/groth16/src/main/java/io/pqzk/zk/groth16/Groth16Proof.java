package io.pqzk.zk.groth16;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.curves.G1Point;
import io.pqzk.zk.curves.G2Point;
import io.pqzk.zk.curves.PairingCurve;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Groth16 proof in ZoKrates' {@code proof.json} format: {@code {"scheme":"g16","curve":...,
 * "proof":{"a":G1,"b":G2,"c":G1},"inputs":[...]}}. Parsing checks canonical coordinates, curve and
 * subgroup membership of A, B, C, and that every public input is below r. Immutable.
 */
public final class Groth16Proof {
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

  public static Groth16Proof fromJson(String json) throws MalformedProofException {
    String what = "proof";
    JsonObject o = Json.parseObject(json, what);
    ZokratesCurve zc = Json.schemeAndCurve(o, what);
    PairingCurve pc = zc.curve();
    JsonElementReader r = new JsonElementReader(o, what);
    JsonObject p = r.object("proof");
    G1Point a = Json.g1(Json.member(p, "a", "proof.proof"), pc, "proof.a");
    G2Point b = Json.g2(Json.member(p, "b", "proof.proof"), pc, "proof.b");
    G1Point c = Json.g1(Json.member(p, "c", "proof.proof"), pc, "proof.c");
    JsonArray in = Json.array(Json.member(o, "inputs", what), -1, "proof.inputs");
    List<BigInteger> inputs = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      inputs.add(Json.hex(in.get(i), pc.r(), 32, "proof.inputs[" + i + "] (must be below r)"));
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

  private record JsonElementReader(JsonObject o, String what) {
    JsonObject object(String name) throws MalformedProofException {
      var e = Json.member(o, name, what);
      if (!e.isJsonObject()) {
        throw new MalformedProofException(what + "." + name + " must be an object");
      }
      return e.getAsJsonObject();
    }
  }

  @Override
  public String toString() {
    return "Groth16Proof[" + curve.id() + ", " + inputs.size() + " public inputs]";
  }
}
