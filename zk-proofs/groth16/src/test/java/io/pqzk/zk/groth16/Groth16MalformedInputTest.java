package io.pqzk.zk.groth16;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad keys and proofs are refused with {@link MalformedProofException} naming the problem. */
class Groth16MalformedInputTest {
  private static final String BN_VK = Fixtures.read("multi/bn128", "verification.key.json");
  private static final String BN_PROOF = Fixtures.read("multi/bn128", "proof.json");
  private static final String BLS_VK = Fixtures.read("multi/bls12_381", "verification.key.json");
  private static final String BLS_PROOF = Fixtures.read("multi/bls12_381", "proof.json");

  private static void malformed(String vk, String proof, String expectedInMessage) {
    Executable e = () -> Groth16Verifier.verify(vk, proof);
    MalformedProofException ex = assertThrows(MalformedProofException.class, e);
    assertTrue(
        ex.getMessage().contains(expectedInMessage),
        "message \"" + ex.getMessage() + "\" should mention \"" + expectedInMessage + "\"");
  }

  private static String set(String json, String member, JsonElement value) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    o.add(member, value);
    return o.toString();
  }

  @Test
  void verify_notJson_throwsMalformed() {
    malformed(BN_VK, "{\"scheme\": \"g16\",", "not strict JSON");
    malformed(BN_VK, "[1, 2]", "must be an object");
    malformed("", BN_PROOF, "verification key");
  }

  @Test
  void verify_wrongScheme_throwsMalformed() {
    malformed(BN_VK, set(BN_PROOF, "scheme", new JsonPrimitive("gm17")), "gm17");
  }

  @Test
  void verify_unknownCurve_throwsMalformed() {
    malformed(BN_VK, set(BN_PROOF, "curve", new JsonPrimitive("bw6_761")), "bw6_761");
  }

  @Test
  void verify_proofAndKeyOnDifferentCurves_throwsMalformed() {
    malformed(BN_VK, BLS_PROOF, "bls12_381");
  }

  @Test
  void verify_missingMember_throwsMalformed() {
    JsonObject o = JsonParser.parseString(BN_PROOF).getAsJsonObject();
    o.remove("inputs");
    malformed(BN_VK, o.toString(), "inputs");
  }

  @Test
  void verify_tooFewOrTooManyInputs_throwsMalformed() {
    JsonObject o = JsonParser.parseString(BN_PROOF).getAsJsonObject();
    JsonArray in = o.getAsJsonArray("inputs");
    in.remove(in.size() - 1);
    malformed(BN_VK, o.toString(), "public inputs");
    in.add(new JsonPrimitive(Fixtures.hex(BigInteger.ONE, 32)));
    in.add(new JsonPrimitive(Fixtures.hex(BigInteger.ONE, 32)));
    malformed(BN_VK, o.toString(), "public inputs");
  }

  @Test
  void verify_inputNotBelowR_throwsMalformed() {
    for (String[] kv : new String[][] {{BN_VK, BN_PROOF}, {BLS_VK, BLS_PROOF}}) {
      BigInteger r = Groth16.keyCurve(kv[0]).r();
      JsonObject o = JsonParser.parseString(kv[1]).getAsJsonObject();
      o.getAsJsonArray("inputs").set(0, new JsonPrimitive(Fixtures.hex(r, 32)));
      malformed(kv[0], o.toString(), "inputs[0]");
    }
  }

  @Test
  void verify_coordinateNotBelowP_throwsMalformed() {
    for (String[] kv : new String[][] {{BN_VK, BN_PROOF}, {BLS_VK, BLS_PROOF}}) {
      var c = Groth16.keyCurve(kv[0]);
      for (int[] path : Fixtures.coordinatePaths()) {
        // x + p encodes the same residue, but is not canonical
        String m = Fixtures.withCoordinate(kv[1], path, v -> v.add(c.p()), c.fieldBytes());
        malformed(kv[0], m, "not canonical");
      }
    }
  }

  @Test
  void verify_badHex_throwsMalformed() {
    JsonObject o = JsonParser.parseString(BN_PROOF).getAsJsonObject();
    o.getAsJsonArray("inputs").set(0, new JsonPrimitive("12"));
    malformed(BN_VK, o.toString(), "0x");
    o.getAsJsonArray("inputs").set(0, new JsonPrimitive("0xzz"));
    malformed(BN_VK, o.toString(), "hex");
    o.getAsJsonArray("inputs").set(0, new JsonPrimitive(7));
    malformed(BN_VK, o.toString(), "string");
  }

  @Test
  void verify_bn254G2OutsideSubgroup_throwsMalformed() throws IOException {
    // an on-twist point of the wrong order, from ethereum/tests ecpairing_inputs (EIP-197 layout)
    String hex = caseInput("/vectors/curves/bn254/ethtests_ecpairing.json.gz", "ecpairing_inputs_invalid_g2_subgroup_d65");
    String[] w = new String[6];
    for (int i = 0; i < 6; i++) {
      w[i] = "0x" + hex.substring(64 * i, 64 * i + 64);
    }
    JsonObject o = JsonParser.parseString(BN_PROOF).getAsJsonObject();
    o.getAsJsonObject("proof").add("b", g2(w[3], w[2], w[5], w[4]));
    malformed(BN_VK, o.toString(), "subgroup");
  }

  @Test
  void verify_bls12381PointsOutsideSubgroup_throwsMalformed() throws IOException {
    String res = "/vectors/curves/bls12_381/fail-pairing_check_bls.json.gz";
    String g1 = caseInput(res, "bls_pairing_e(G1_not_in_correct_subgroup,G2)");
    JsonObject o = JsonParser.parseString(BLS_PROOF).getAsJsonObject();
    JsonArray a = new JsonArray();
    a.add("0x" + g1.substring(32, 128));
    a.add("0x" + g1.substring(160, 256));
    o.getAsJsonObject("proof").add("a", a);
    malformed(BLS_VK, o.toString(), "subgroup");

    String g2 = caseInput(res, "bls_pairing_e(G1,G2_not_in_correct_subgroup)").substring(256);
    String[] c = new String[4];
    for (int i = 0; i < 4; i++) {
      c[i] = "0x" + g2.substring(128 * i + 32, 128 * i + 128);
    }
    JsonObject o2 = JsonParser.parseString(BLS_PROOF).getAsJsonObject();
    o2.getAsJsonObject("proof").add("b", g2(c[0], c[1], c[2], c[3]));
    malformed(BLS_VK, o2.toString(), "subgroup");
  }

  @Test
  void verify_keyPointOffCurve_throwsMalformed() throws ProofException {
    JsonObject o = JsonParser.parseString(BN_VK).getAsJsonObject();
    JsonArray alpha = o.getAsJsonArray("alpha");
    alpha.set(1, new JsonPrimitive(Fixtures.hex(Fixtures.value(alpha.get(1)).add(BigInteger.ONE), 32)));
    malformed(o.toString(), BN_PROOF, "vk.alpha");
  }

  private static JsonArray g2(String x0, String x1, String y0, String y1) {
    JsonArray x = new JsonArray();
    x.add(x0);
    x.add(x1);
    JsonArray y = new JsonArray();
    y.add(y0);
    y.add(y1);
    JsonArray b = new JsonArray();
    b.add(x);
    b.add(y);
    return b;
  }

  private static String caseInput(String resource, String name) throws IOException {
    try (Reader r =
        new InputStreamReader(
            new GZIPInputStream(Groth16MalformedInputTest.class.getResourceAsStream(resource)),
            StandardCharsets.UTF_8)) {
      for (JsonElement e : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("cases")) {
        if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
          return e.getAsJsonObject().get("input").getAsString();
        }
      }
    }
    throw new IllegalStateException(name + " not in " + resource);
  }

  /** Small helper: the curve named in a key. */
  static final class Groth16 {
    static io.pqzk.zk.curves.PairingCurve keyCurve(String vk) {
      try {
        return Groth16VerifyingKey.fromJson(vk).curve().curve();
      } catch (MalformedProofException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
