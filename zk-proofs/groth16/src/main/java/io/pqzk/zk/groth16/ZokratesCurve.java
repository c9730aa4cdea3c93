package io.pqzk.zk.groth16;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.curves.PairingCurve;

/** The curves ZoKrates names in its JSON ("curve" field) that this verifier supports. */
public enum ZokratesCurve {
  BN128("bn128", PairingCurve.BN254),
  BLS12_381("bls12_381", PairingCurve.BLS12_381);

  private final String id;
  private final PairingCurve curve;

  ZokratesCurve(String id, PairingCurve curve) {
    this.id = id;
    this.curve = curve;
  }

  /** The name ZoKrates writes ("bn128", "bls12_381"). */
  public String id() {
    return id;
  }

  public PairingCurve curve() {
    return curve;
  }

  static ZokratesCurve of(String id) throws MalformedProofException {
    for (ZokratesCurve c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    throw new MalformedProofException(
        "unsupported curve \"" + StrictJson.shorten(id) + "\" (supported: bn128, bls12_381)");
  }
}
