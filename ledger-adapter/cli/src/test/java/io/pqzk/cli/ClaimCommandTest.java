package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk claim prove|verify} end to end with the real STARK: one proof is made once (about
 * two seconds) and then checked under the right and wrong public inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimCommandTest {
  static final String POLICY =
      "fitness>=70 && vax_date>=20260101 && birth_year<=2008 && clearance>=2";
  static final String CONTEXT = "00000001" + "0000000000000064" + "abcdef";

  Path dir;
  Path reg;
  Path proof;
  String root;

  @BeforeAll
  void proveOnce(@TempDir Path tmp) throws Exception {
    dir = tmp;
    Path csv = dir.resolve("records.csv");
    Files.writeString(csv, RegistryCommandTest.HEADER
        + "1,1990,2,80,20260115,3,7\n2,2001,1,60,20250101,1,7\n3,1985,4,95,20260301,5,7\n");
    reg = dir.resolve("reg");
    CliRun b = CliRun.of("registry", "build", "--records", csv.toString(), "--out",
        reg.toString());
    assertEquals(Main.OK, b.exit(), b.toString());
    root = b.out().trim();
    proof = dir.resolve("claim.proof");
    CliRun p = CliRun.of("claim", "prove", "--system", "stark", "--registry", reg.toString(),
        "--subject", "3", "--policy", POLICY, "--context", CONTEXT, "--out", proof.toString());
    assertEquals(Main.OK, p.exit(), p.toString());
    assertTrue(Files.size(proof) > 0);
  }

  private CliRun verify(String rootHex, String policy, String context, Path file) {
    return CliRun.of("claim", "verify", "--root", rootHex, "--policy", policy, "--context",
        context, "--proof", file.toString());
  }

  @Test
  void verify_rightInputs_exits0AndPrintsSecurityAndTime() {
    CliRun v = verify(root, POLICY, CONTEXT, proof);
    assertEquals(Main.OK, v.exit(), v.toString());
    assertTrue(v.out().matches("(?s)accepted: system stark, security \\d+ bits conjectured / \\d+"
        + " bits proven, verified in [0-9.]+ ms.*"), v.out());
  }

  @Test
  void verify_hexWith0xPrefixAndUpperCase_accepted() {
    CliRun v = verify("0x" + root.toUpperCase(java.util.Locale.ROOT), POLICY,
        "0x" + CONTEXT, proof);
    assertEquals(Main.OK, v.exit(), v.toString());
  }

  @Test
  void verify_wrongRoot_exits1() {
    String other = (root.charAt(0) == '0' ? "1" : "0") + root.substring(1);
    assertEquals(Main.VERIFICATION_FAILED, verify(other, POLICY, CONTEXT, proof).exit());
  }

  @Test
  void verify_wrongPolicyConstant_exits1() {
    assertEquals(Main.VERIFICATION_FAILED,
        verify(root, POLICY.replace("fitness>=70", "fitness>=71"), CONTEXT, proof).exit());
  }

  @Test
  void verify_wrongPolicyOperator_exits1() {
    assertEquals(Main.VERIFICATION_FAILED,
        verify(root, POLICY.replace("clearance>=2", "clearance<=2"), CONTEXT, proof).exit());
  }

  @Test
  void verify_wrongContext_exits1() {
    assertEquals(Main.VERIFICATION_FAILED,
        verify(root, POLICY, CONTEXT.replace("abcdef", "abcdee"), proof).exit());
  }

  @Test
  void verify_corruptedProofBytes_exit1or2() throws Exception {
    byte[] good = Files.readAllBytes(proof);
    for (int at : List.of(0, 7, good.length / 3, good.length / 2, good.length - 1)) {
      byte[] bad = good.clone();
      bad[at] ^= 0x01;
      Path f = dir.resolve("bad-" + at);
      Files.write(f, bad);
      int exit = verify(root, POLICY, CONTEXT, f).exit();
      assertTrue(exit == Main.VERIFICATION_FAILED || exit == Main.BAD_INPUT,
          "byte " + at + " flipped: exit " + exit);
    }
  }

  @Test
  void verify_truncatedOrEmptyProof_exits2() throws Exception {
    byte[] good = Files.readAllBytes(proof);
    Path t = dir.resolve("truncated");
    Files.write(t, java.util.Arrays.copyOf(good, good.length / 2));
    assertEquals(Main.BAD_INPUT, verify(root, POLICY, CONTEXT, t).exit());
    Path e = dir.resolve("empty");
    Files.write(e, new byte[0]);
    assertEquals(Main.BAD_INPUT, verify(root, POLICY, CONTEXT, e).exit());
  }

  @Test
  void verify_badInputs_exit2() {
    assertEquals(Main.BAD_INPUT, verify("xyz", POLICY, CONTEXT, proof).exit());
    assertEquals(Main.BAD_INPUT, verify(root.substring(2), POLICY, CONTEXT, proof).exit());
    assertEquals(Main.BAD_INPUT, verify(root, "fitness>>70", CONTEXT, proof).exit());
    assertEquals(Main.BAD_INPUT, verify(root, POLICY, "", proof).exit());
    assertEquals(Main.BAD_INPUT, verify(root, POLICY, CONTEXT, dir.resolve("none")).exit());
  }

  @Test
  void prove_unsatisfiedPolicy_exits1NamingPredicate() {
    Path out = dir.resolve("never.proof");
    CliRun p = CliRun.of("claim", "prove", "--registry", reg.toString(), "--subject", "2",
        "--policy", POLICY, "--context", CONTEXT, "--out", out.toString());
    assertEquals(Main.VERIFICATION_FAILED, p.exit(), p.toString());
    assertTrue(p.err().contains("fitness>=70"), p.err());
    assertFalse(p.err().contains("60"), "the record's value must not be printed: " + p.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void prove_unknownSubject_exits2() {
    CliRun p = CliRun.of("claim", "prove", "--registry", reg.toString(), "--subject", "99",
        "--policy", POLICY, "--context", CONTEXT, "--out", dir.resolve("x").toString());
    assertEquals(Main.BAD_INPUT, p.exit(), p.toString());
    assertTrue(p.err().contains("subject 99"), p.err());
  }

  @Test
  void prove_tamperedOpening_exits1() throws Exception {
    Path copy = dir.resolve("reg-copy");
    Files.createDirectories(copy);
    Files.copy(reg.resolve("registry.json"), copy.resolve("registry.json"));
    String o = Files.readString(reg.resolve("openings.json"));
    Files.writeString(copy.resolve("openings.json"),
        o.replace("\"fitness\": 60", "\"fitness\": 90"));
    CliRun p = CliRun.of("claim", "prove", "--registry", copy.toString(), "--subject", "2",
        "--policy", POLICY, "--context", CONTEXT, "--out", dir.resolve("y").toString());
    assertEquals(Main.VERIFICATION_FAILED, p.exit(), p.toString());
    assertTrue(p.err().contains("does not hash to its commitment"), p.err());
  }

  @Test
  void groth16_warnsAndExits2() {
    CliRun v = CliRun.of("claim", "verify", "--system", "zokrates-groth16", "--root", root,
        "--policy", POLICY, "--context", CONTEXT, "--proof", proof.toString());
    assertEquals(Main.BAD_INPUT, v.exit(), v.toString());
    assertTrue(v.err().contains("NOT post-quantum"), v.err());
  }

  @Test
  void help_isTruthful() {
    CliRun h = CliRun.of("claim", "verify", "--help");
    assertEquals(Main.OK, h.exit());
    assertTrue(h.out().contains("Exit 0 accepted; 1 rejected; 2 malformed"), h.out());
  }
}
