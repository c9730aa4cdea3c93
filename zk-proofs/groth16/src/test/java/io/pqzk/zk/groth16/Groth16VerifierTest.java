package io.pqzk.zk.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.curves.PairingCurve;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Genuine zokrates-js proofs verify; every single-coordinate mutation of A, B, C and every
 * single-public-input mutation is rejected, on both curves.
 */
class Groth16VerifierTest {

  static List<String> fixtures() {
    return Fixtures.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void verify_genuineZokratesProof_accepts(String fx) throws ProofException {
    Groth16VerifyingKey vk = Groth16VerifyingKey.fromJson(Fixtures.read(fx, "verification.key.json"));
    Groth16Proof proof = Groth16Proof.fromJson(Fixtures.read(fx, "proof.json"));
    Groth16Verifier.verify(vk, proof);
    assertEquals(vk.publicInputCount(), proof.inputs().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void verify_everyCoordinatePlusOne_throws(String fx) throws ProofException {
    Groth16VerifyingKey vk = Groth16VerifyingKey.fromJson(Fixtures.read(fx, "verification.key.json"));
    String proof = Fixtures.read(fx, "proof.json");
    PairingCurve c = vk.curve().curve();
    List<String> accepted = new ArrayList<>();
    for (int[] path : Fixtures.coordinatePaths()) {
      String mutated = Fixtures.withCoordinate(proof, path, v -> v.add(BigInteger.ONE).mod(c.p()), c.fieldBytes());
      try {
        Groth16Verifier.verify(vk, Groth16Proof.fromJson(mutated));
        accepted.add(Fixtures.describe(path));
      } catch (ProofException expected) {
        // a point off the curve (malformed) or, rarely, on it but wrong (rejected)
      }
    }
    assertEquals(List.of(), accepted, "mutations accepted");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void verify_pointReplacedByAnotherValidPoint_rejected(String fx) throws ProofException {
    Groth16VerifyingKey vk = Groth16VerifyingKey.fromJson(Fixtures.read(fx, "verification.key.json"));
    Groth16Proof p = Groth16Proof.fromJson(Fixtures.read(fx, "proof.json"));
    PairingCurve c = vk.curve().curve();
    BigInteger two = BigInteger.TWO;
    List<Groth16Proof> forged =
        List.of(
            new Groth16Proof(p.curve, c.mul(p.a, two), p.b, p.c, p.inputs),
            new Groth16Proof(p.curve, p.a, c.mul(p.b, two), p.c, p.inputs),
            new Groth16Proof(p.curve, p.a, p.b, c.mul(p.c, two), p.inputs),
            new Groth16Proof(p.curve, c.neg(p.a), p.b, p.c, p.inputs),
            new Groth16Proof(p.curve, p.c, p.b, p.a, p.inputs));
    for (Groth16Proof f : forged) {
      assertThrows(ProofRejectedException.class, () -> Groth16Verifier.verify(vk, f));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void verify_everyPublicInputChanged_rejected(String fx) throws ProofException {
    Groth16VerifyingKey vk = Groth16VerifyingKey.fromJson(Fixtures.read(fx, "verification.key.json"));
    String proof = Fixtures.read(fx, "proof.json");
    BigInteger r = vk.curve().curve().r();
    int n = vk.publicInputCount();
    assertTrue(n > 0);
    for (int i = 0; i < n; i++) {
      for (BigInteger delta : List.of(BigInteger.ONE, r.subtract(BigInteger.ONE))) {
        JsonObject o = Fixtures.json(proof);
        JsonArray in = o.getAsJsonArray("inputs");
        BigInteger v = Fixtures.value(in.get(i)).add(delta).mod(r);
        in.set(i, new JsonPrimitive(Fixtures.hex(v, 32)));
        Groth16Proof mutated = Groth16Proof.fromJson(o.toString());
        int idx = i;
        assertThrows(
            ProofRejectedException.class, () -> Groth16Verifier.verify(vk, mutated), "input " + idx);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void parse_g2CoordinatesSwapped_throwsMalformed(String fx) {
    // ZoKrates writes b as [[x.c0, x.c1], [y.c0, y.c1]]; the EIP-197 order (c1 first) is off the twist.
    JsonObject o = Fixtures.json(Fixtures.read(fx, "proof.json"));
    JsonArray b = o.getAsJsonObject("proof").getAsJsonArray("b");
    for (int i = 0; i < 2; i++) {
      JsonArray xy = b.get(i).getAsJsonArray();
      var c0 = xy.get(0);
      xy.set(0, xy.get(1));
      xy.set(1, c0);
    }
    MalformedProofException e =
        assertThrows(MalformedProofException.class, () -> Groth16Proof.fromJson(o.toString()));
    assertTrue(e.getMessage().contains("proof.b"), e.getMessage());
  }
}
