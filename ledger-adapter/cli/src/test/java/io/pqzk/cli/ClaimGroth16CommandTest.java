package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk registry build} and {@code pqzk claim prove|verify} with {@code --system
 * zokrates-groth16}, end to end: real zokrates-js worker (Node; zk-proofs' tests install it with
 * {@code npm ci}), one compile and setup in a temporary key directory, pure-Java verification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimGroth16CommandTest {
  static final String SYS = "zokrates-groth16";
  static final String POLICY = "fitness>=70 && vax_date>=20260101 && birth_year<=2008";
  static final String CONTEXT = "00000001" + "0000000000000064" + "abcdef";

  Path dir;
  Path reg;
  Path proof;
  String root;
  String previousDir;

  @BeforeAll
  void proveOnce(@TempDir Path tmp) throws Exception {
    dir = tmp;
    previousDir = System.getProperty("pqzk.zokrates.dir");
    System.setProperty("pqzk.zokrates.dir", dir.resolve("keys").toString());
    Path csv = dir.resolve("records.csv");
    Files.writeString(csv, RegistryCommandTest.HEADER
        + "1,1990,2,80,20260115,3,7\n2,2001,1,60,20250101,1,7\n3,1985,4,95,20260301,5,7\n");
    reg = dir.resolve("reg");
    CliRun b = CliRun.of("registry", "build", "--system", SYS, "--records", csv.toString(),
        "--out", reg.toString());
    assertEquals(Main.OK, b.exit(), b.toString());
    root = b.out().trim();
    proof = dir.resolve("claim.json");
    CliRun p = CliRun.of("claim", "prove", "--system", SYS, "--registry", reg.toString(),
        "--subject", "3", "--policy", POLICY, "--context", CONTEXT, "--out", proof.toString());
    assertEquals(Main.OK, p.exit(), p.toString());
    assertEquals(1, p.err().split("NOT post-quantum", -1).length - 1, p.err());
  }

  @AfterAll
  void restore() {
    if (previousDir == null) {
      System.clearProperty("pqzk.zokrates.dir");
    } else {
      System.setProperty("pqzk.zokrates.dir", previousDir);
    }
  }

  private CliRun verify(String rootHex, String policy, String context) {
    return CliRun.of("claim", "verify", "--system", SYS, "--root", rootHex, "--policy", policy,
        "--context", context, "--proof", proof.toString());
  }

  @Test
  void verify_rightInputs_exits0() {
    CliRun v = verify(root, POLICY, CONTEXT);
    assertEquals(Main.OK, v.exit(), v.toString());
    assertTrue(v.out().startsWith("accepted: system zokrates-groth16"), v.out());
  }

  @Test
  void verify_wrongRootPolicyOrContext_exits1() {
    String other = (root.charAt(0) == '0' ? "1" : "0") + root.substring(1);
    assertEquals(Main.VERIFICATION_FAILED, verify(other, POLICY, CONTEXT).exit());
    assertEquals(Main.VERIFICATION_FAILED,
        verify(root, POLICY.replace("fitness>=70", "fitness>=71"), CONTEXT).exit());
    assertEquals(Main.VERIFICATION_FAILED, verify(root, POLICY, CONTEXT + "00").exit());
  }

  @Test
  void prove_policyNotMet_exits1() {
    CliRun p = CliRun.of("claim", "prove", "--system", SYS, "--registry", reg.toString(),
        "--subject", "2", "--policy", POLICY, "--context", CONTEXT, "--out",
        dir.resolve("no.json").toString());
    assertEquals(Main.VERIFICATION_FAILED, p.exit(), p.toString());
    assertTrue(p.err().contains("fitness>=70"), p.err());
  }

  /**
   * An integrity claim with Groth16: a schema-2 registry (document_sha256 column), the honest
   * document verifies, the same document with one byte changed and another subject's exit 1.
   */
  @Test
  void integrity_honestDocumentExits0_changedOrOtherExits1() throws Exception {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Files.writeString(a, "report 1");
    Files.writeString(b, "report 2");
    Path csv = dir.resolve("records2.csv");
    Files.writeString(csv, RegistryCommandTest.HEADER.trim() + ",document_sha256\n"
        + "1,1990,2,80,20260115,3,7," + ClaimIntegrityCommandTest.sha256(a) + "\n"
        + "2,2001,1,60,20250101,1,7," + ClaimIntegrityCommandTest.sha256(b) + "\n");
    Path reg2 = dir.resolve("reg2");
    CliRun build = CliRun.of("registry", "build", "--system", SYS, "--records", csv.toString(),
        "--out", reg2.toString());
    assertEquals(Main.OK, build.exit(), build.toString());
    String root2 = build.out().trim();
    Path p = dir.resolve("integrity.json");
    CliRun prove = CliRun.of("claim", "prove", "--system", SYS, "--integrity", "--document",
        a.toString(), "--registry", reg2.toString(), "--subject", "1", "--context", CONTEXT,
        "--out", p.toString());
    assertEquals(Main.OK, prove.exit(), prove.toString());
    Path changed = dir.resolve("a2.txt");
    Files.writeString(changed, "report 0");
    for (Path doc : new Path[] {a, changed, b}) {
      CliRun v = CliRun.of("claim", "verify", "--system", SYS, "--integrity", "--document",
          doc.toString(), "--root", root2, "--context", CONTEXT, "--proof", p.toString());
      assertEquals(doc == a ? Main.OK : Main.VERIFICATION_FAILED, v.exit(), v.toString());
      if (doc == a) {
        assertTrue(v.out().contains("none claimed"), v.out());
      }
    }
  }

  @Test
  void verify_garbageProof_exits2() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"scheme\":\"g16\"");
    CliRun v = CliRun.of("claim", "verify", "--system", SYS, "--root", root, "--policy", POLICY,
        "--context", CONTEXT, "--proof", bad.toString());
    assertEquals(Main.BAD_INPUT, v.exit(), v.toString());
  }
}
