package io.pqzk.zk.groth16;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.curves.G1Point;
import io.pqzk.zk.curves.PairingCurve;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Groth16 verification (Groth, "On the size of pairing-based non-interactive arguments",
 * EUROCRYPT 2016, section 3.2) for ZoKrates proofs, in pure Java, without Node:
 *
 * <pre>e(A, B) == e(alpha, beta) * e(vk_x, gamma) * e(C, delta),
 *   vk_x = gamma_abc[0] + sum_i inputs[i] * gamma_abc[i+1]</pre>
 *
 * checked as ONE product of four pairings e(A,B) e(-alpha,beta) e(-vk_x,gamma) e(-C,delta) == 1
 * (one shared Miller loop, one final exponentiation). Points were checked for canonical encoding,
 * curve and subgroup membership when the key and proof were parsed.
 *
 * <p>Security: Groth16 relies on pairings (discrete logarithms) and is NOT post-quantum sound; it
 * also needs a trusted setup, whose toxic waste would allow forging proofs.
 */
public final class Groth16Verifier {
  private Groth16Verifier() {}

  /**
   * Returns normally when the proof verifies.
   *
   * @throws MalformedProofException when the proof does not fit the key (curve, input count)
   * @throws ProofRejectedException when the pairing equation does not hold
   */
  public static void verify(Groth16VerifyingKey vk, Groth16Proof proof) throws ProofException {
    if (vk.curve != proof.curve) {
      throw new MalformedProofException(
          "proof is on " + proof.curve.id() + " but the verification key on " + vk.curve.id());
    }
    if (proof.inputs.size() != vk.publicInputCount()) {
      throw new MalformedProofException(
          "proof has "
              + proof.inputs.size()
              + " public inputs, the verification key expects "
              + vk.publicInputCount());
    }
    PairingCurve c = vk.curve.curve();
    List<BigInteger> scalars = new ArrayList<>(vk.gammaAbc.size());
    scalars.add(BigInteger.ONE);
    scalars.addAll(proof.inputs);
    G1Point vkX = c.msm(vk.gammaAbcBases, scalars);
    // beta, gamma, delta are fixed: their Miller-loop lines were computed when the key was parsed.
    boolean ok =
        c.pairingProductIsOnePrepared(
            List.of(proof.a, vk.negAlpha, c.neg(vkX), c.neg(proof.c)),
            List.of(c.prepare(proof.b), vk.betaLines, vk.gammaLines, vk.deltaLines));
    if (!ok) {
      throw new ProofRejectedException("Groth16 pairing check failed: the proof does not verify");
    }
  }

  /** Parses both JSON documents (ZoKrates formats) and verifies. */
  public static void verify(String verificationKeyJson, String proofJson) throws ProofException {
    verify(Groth16VerifyingKey.fromJson(verificationKeyJson), Groth16Proof.fromJson(proofJson));
  }
}
