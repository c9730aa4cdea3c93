package io.pqzk.zk.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every leniency of the former reader (Gson in lenient mode, {@code Character.digit}, no size cap)
 * reproduced on an honest zokrates-js proof and key, and refused with a {@link
 * MalformedProofException} whose message names the problem; the honest files still verify in
 * each of ZoKrates' layouts.
 */
class Groth16StrictReadingTest {
  private static final String FX = "multi/bn128";
  private static final String PROOF = Fixtures.read(FX, "proof.json");
  private static final String VK = Fixtures.read(FX, "verification.key.json");
  private static final String PROOF_C = JsonParser.parseString(PROOF).toString();
  private static final String VK_C = JsonParser.parseString(VK).toString();
  private static final String IN0 = "\"0x" + "0".repeat(63) + "7\"";
  private static final String ZERO = "\"0x" + "0".repeat(64) + "\"";
  private static final String G1_ZERO = "[" + ZERO + "," + ZERO + "]";
  private static final String G2_ZERO = "[" + G1_ZERO + "," + G1_ZERO + "]";

  /** {@code text} with the first {@code target} replaced; fails when there is none. */
  private static String edit(String text, String target, String replacement) {
    int i = text.indexOf(target);
    assertTrue(i >= 0, "fixture has no " + target);
    return text.substring(0, i) + replacement + text.substring(i + target.length());
  }

  /** The compact form of {@code json} after {@code change}. */
  private static String compact(String json, Consumer<JsonObject> change) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    change.accept(o);
    return o.toString();
  }

  static Stream<Arguments> badProofs() {
    String first = "\"0x1465bc6b";
    return Stream.of(
        Arguments.of("block comment before", "/* x */" + PROOF, "comments are not allowed"),
        Arguments.of("line comment inside", edit(PROOF, "\"g16\",", "\"g16\", // g16"),
            "comments are not allowed"),
        Arguments.of("duplicate member, the last would win",
            edit(PROOF, "\"scheme\": \"g16\",", "\"scheme\": \"gm17\",\n  \"scheme\": \"g16\","),
            "duplicate member \"scheme\""),
        Arguments.of("duplicate inputs",
            edit(PROOF_C, "\"inputs\":", "\"inputs\":[],\"inputs\":"), "duplicate member \"inputs\""),
        Arguments.of("unknown top-level member", edit(PROOF, "\"g16\",", "\"g16\",\n  \"note\": \"x\","),
            "proof has an unknown member \"note\""),
        Arguments.of("unknown member in proof.proof",
            edit(PROOF_C, "\"proof\":{", "\"proof\":{\"d\":\"x\","),
            "proof.proof has an unknown member \"d\""),
        Arguments.of("missing member", compact(PROOF, o -> o.getAsJsonObject("proof").remove("c")),
            "proof.proof has no \"c\""),
        Arguments.of("members out of order", compact(PROOF, o -> o.add("proof", o.remove("proof"))),
            "ZoKrates' order"),
        Arguments.of("Arabic-Indic digit U+0660", edit(PROOF, IN0, IN0.replace("0x0", "0x\u0660")),
            "non-ASCII character U+0660"),
        Arguments.of("fullwidth digit U+FF10", edit(PROOF, IN0, IN0.replace("0x0", "0x\uff10")),
            "U+FF10"),
        Arguments.of("byte-order mark", "\ufeff" + PROOF, "U+FEFF"),
        Arguments.of("uppercase hex", edit(PROOF, first, "\"0x1465BC6B"), "found 'B'"),
        Arguments.of("0X prefix", edit(PROOF, first, "\"0X1465bc6b"), "not starting with \"0x\""),
        Arguments.of("leading zeros dropped", edit(PROOF, IN0, "\"0x7\""),
            "proof.inputs[0] must be \"0x\" and exactly 64 lowercase hex digits, found a string of length 3"),
        Arguments.of("one leading zero more", edit(PROOF, IN0, IN0.replace("0x", "0x0")), "length 67"),
        Arguments.of("decimal string", edit(PROOF, IN0, "\"7\""), "length 1 not starting with \"0x\""),
        Arguments.of("number for a string", edit(PROOF, IN0, "7"),
            "proof.inputs[0] must be a string, found a number"),
        Arguments.of("true for a string", edit(PROOF, "\"g16\"", "true"),
            "proof.scheme must be a string, found true"),
        Arguments.of("array for a string", edit(PROOF_C, "\"g16\"", "[\"g16\"]"),
            "proof.scheme must be a string, found an array"),
        Arguments.of("string for a point", compact(PROOF, o -> o.getAsJsonObject("proof")
            .add("a", o.getAsJsonObject("proof").getAsJsonArray("a").get(0))),
            "proof.proof.a must be an array, found a string"),
        Arguments.of("string for the inputs", compact(PROOF, o -> o.add("inputs",
            o.getAsJsonArray("inputs").get(0))), "proof.inputs must be an array, found a string"),
        Arguments.of("escape sequence", edit(PROOF, first, "\"\\u0030x1465bc6b"),
            "escape sequences are not allowed"),
        Arguments.of("tab in a string", edit(PROOF, first, "\"0x\t1465bc6b"), "control character U+0009"),
        Arguments.of("trailing garbage", PROOF + "garbage", "unexpected 'g' after the end of the document"),
        Arguments.of("a second document", PROOF + "{}", "unexpected '{' after the end of the document"),
        Arguments.of("leading garbage", "x" + PROOF, "unexpected 'x' where a value was expected"),
        Arguments.of("trailing comma", edit(PROOF_C, "]}", ",]}"), "where a value was expected"),
        Arguments.of("single quotes", edit(PROOF_C, "\"scheme\"", "'scheme'"),
            "expected a member name in double quotes, found '''"),
        Arguments.of("NaN", edit(PROOF_C, IN0, "NaN"), "unexpected 'N' where a value was expected"),
        Arguments.of("unterminated", PROOF.substring(0, 35), "unterminated string"),
        Arguments.of("nested arrays", edit(PROOF_C, IN0, "[[[[[[" + IN0 + "]]]]]]"),
            "nested deeper than 6 levels"),
        Arguments.of("four-space indentation", PROOF.replace("  ", "    "), "not laid out as ZoKrates writes it"),
        Arguments.of("CRLF line ends", PROOF.replace("\n", "\r\n"), "it differs at line 1, column 2"),
        Arguments.of("two final line feeds", PROOF + "\n", "not laid out"),
        Arguments.of("space in compact form", PROOF_C.replace(",", ", "), "not laid out"),
        Arguments.of("A at infinity", compact(PROOF, o -> o.getAsJsonObject("proof")
            .add("a", JsonParser.parseString(G1_ZERO))), "proof.proof.a is the point at infinity"),
        Arguments.of("B at infinity", compact(PROOF, o -> o.getAsJsonObject("proof")
            .add("b", JsonParser.parseString(G2_ZERO))), "proof.proof.b is the point at infinity"),
        Arguments.of("scheme gm17", edit(PROOF, "\"g16\"", "\"gm17\""), "scheme \"gm17\""));
  }

  static Stream<Arguments> badKeys() {
    return Stream.of(
        Arguments.of("gamma_abc[1] at infinity", compact(VK, o -> o.getAsJsonArray("gamma_abc")
            .set(1, JsonParser.parseString(G1_ZERO))), "vk.gamma_abc[1] is the point at infinity"),
        Arguments.of("gamma_abc[0] at infinity", compact(VK, o -> o.getAsJsonArray("gamma_abc")
            .set(0, JsonParser.parseString(G1_ZERO))), "vk.gamma_abc[0] is the point at infinity"),
        Arguments.of("alpha at infinity", compact(VK, o -> o.add("alpha", JsonParser.parseString(G1_ZERO))),
            "vk.alpha is the point at infinity"),
        Arguments.of("delta at infinity", compact(VK, o -> o.add("delta", JsonParser.parseString(G2_ZERO))),
            "vk.delta is the point at infinity"),
        Arguments.of("duplicate gamma_abc, the last would win",
            edit(VK_C, "\"gamma_abc\":", "\"gamma_abc\":[],\"gamma_abc\":"),
            "duplicate member \"gamma_abc\""),
        Arguments.of("unknown member", edit(VK_C, "\"alpha\":", "\"h\":[],\"alpha\":"),
            "vk has an unknown member \"h\""),
        Arguments.of("missing gamma_abc", compact(VK, o -> o.remove("gamma_abc")), "vk has no \"gamma_abc\""),
        Arguments.of("empty gamma_abc", compact(VK, o -> o.add("gamma_abc", new JsonArray())),
            "vk.gamma_abc is empty"),
        Arguments.of("uppercase hex", edit(VK, "\"0x1819a269", "\"0x1819A269"), "found 'A'"),
        Arguments.of("Arabic-Indic digit U+0660", edit(VK, "\"0x1819a269", "\"0x\u0660819a269"), "U+0660"),
        Arguments.of("comment", edit(VK, "\"gamma_abc\":", "/* setup 1 */ \"gamma_abc\":"), "comments"),
        Arguments.of("trailing garbage", VK + "}", "after the end of the document"),
        Arguments.of("number for a string", edit(VK, "\"bn128\"", "128"), "vk.curve must be a string, found a number"));
  }

  @ParameterizedTest(name = "proof: {0}")
  @MethodSource("badProofs")
  void verify_lenientProof_throwsMalformed(String id, String proof, String fragment) {
    assertNotEquals(PROOF, proof);
    refused(() -> Groth16Verifier.verify(VK, proof), fragment);
    refused(() -> Groth16Proof.fromJson(proof.getBytes(StandardCharsets.UTF_8)), fragment);
  }

  @ParameterizedTest(name = "key: {0}")
  @MethodSource("badKeys")
  void verify_lenientKey_throwsMalformed(String id, String vk, String fragment) {
    assertNotEquals(VK, vk);
    refused(() -> Groth16Verifier.verify(vk, PROOF), fragment);
    refused(() -> Groth16VerifyingKey.fromJson(vk.getBytes(StandardCharsets.UTF_8)), fragment);
  }

  private interface Read {
    void run() throws ProofException;
  }

  private static void refused(Read r, String fragment) {
    MalformedProofException e = assertThrows(MalformedProofException.class, r::run);
    assertTrue(e.getMessage().contains(fragment), "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "one printable line");
  }

  @Test
  void fromJson_60MiBProof_refusedBeforeParsing() {
    byte[] huge = new byte[60 << 20]; // the audit's proof exhausted a 1 GB heap
    Arrays.fill(huge, (byte) '[');
    InputTooLargeException e =
        assertThrows(InputTooLargeException.class, () -> Groth16Proof.fromJson(huge));
    assertEquals(60 << 20, e.size());
    assertEquals(16384, e.limit());
    assertEquals("proof is 62914560 bytes, over the 16384-byte cap (refused before parsing)",
        e.getMessage());
    assertThrows(InputTooLargeException.class,
        () -> Groth16Proof.fromJson(new String(huge, StandardCharsets.US_ASCII)));
  }

  @Test
  void fromJson_atAndOverTheCap_onlyOverIsTooLarge() {
    String at = PROOF_C + " ".repeat(Groth16Proof.MAX_JSON_BYTES - PROOF_C.length());
    MalformedProofException e = assertThrows(MalformedProofException.class, () -> Groth16Proof.fromJson(at));
    assertTrue(!(e instanceof InputTooLargeException) && e.getMessage().contains("not laid out"), e.getMessage());
    InputTooLargeException over = assertThrows(InputTooLargeException.class,
        () -> Groth16Proof.fromJson((at + " ").getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Groth16Proof.MAX_JSON_BYTES + 1, over.size());
    // a multi-byte character counts by its UTF-8 bytes
    InputTooLargeException wide = assertThrows(InputTooLargeException.class,
        () -> Groth16Proof.fromJson("\u0660".repeat(Groth16Proof.MAX_JSON_BYTES + 1)));
    assertEquals(2L * (Groth16Proof.MAX_JSON_BYTES + 1), wide.size());
  }

  @Test
  void fromJson_keyOverItsCap_tooLarge() {
    String over = VK_C + " ".repeat(Groth16VerifyingKey.MAX_JSON_BYTES + 1 - VK_C.length());
    InputTooLargeException e = assertThrows(InputTooLargeException.class,
        () -> Groth16VerifyingKey.fromJson(over.getBytes(StandardCharsets.US_ASCII)));
    assertTrue(e.getMessage().startsWith("verification key is 65537 bytes, over the 65536-byte cap"),
        e.getMessage());
  }

  @Test
  void fromJson_invalidUtf8_throwsMalformed() {
    byte[] b = PROOF.getBytes(StandardCharsets.US_ASCII);
    b[10] = (byte) 0xc0; // an overlong-encoding lead byte: never valid UTF-8
    refused(() -> Groth16Proof.fromJson(b), "proof is not UTF-8 text");
  }

  static List<String> fixtures() {
    return Fixtures.all();
  }

  /** zokrates-js files (indented, final line feed), the ZoKrates CLI's (no line feed), compact. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void verify_honestFixtureInEachZoKratesLayout_accepts(String fx) throws ProofException {
    String vk = Fixtures.read(fx, "verification.key.json");
    String proof = Fixtures.read(fx, "proof.json");
    assertTrue(vk.endsWith("}\n") && proof.endsWith("}\n"));
    for (String[] pair : new String[][] {
        {vk, proof},
        {vk.substring(0, vk.length() - 1), proof.substring(0, proof.length() - 1)},
        {JsonParser.parseString(vk).toString(), JsonParser.parseString(proof).toString()}}) {
      Groth16Verifier.verify(Groth16VerifyingKey.fromJson(pair[0].getBytes(StandardCharsets.UTF_8)),
          Groth16Proof.fromJson(pair[1].getBytes(StandardCharsets.UTF_8)));
      Groth16Verifier.verify(pair[0], pair[1]);
    }
  }
}
