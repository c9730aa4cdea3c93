package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk claim prove|verify --integrity --document FILE} with the STARK, end to end: a
 * records file with a {@code document_sha256} column makes a schema-2 registry; the honest
 * document verifies; one byte changed, another subject's document and the same document under
 * another registry's root exit 1; the options' misuse exits 2; the existing options and exit codes
 * are unchanged (a schema-1 claim needs no new option).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimIntegrityCommandTest {
  static final String CONTEXT = "0a0b0c";
  Path dir;
  Path reg;
  Path other;
  Path docA;
  Path docB;
  Path proof;
  String root;
  String otherRoot;
  String previousCache;

  @BeforeAll
  void proveOnce(@TempDir Path tmp) throws Exception {
    dir = tmp;
    previousCache = System.getProperty("pqzk.registry.cache");
    System.setProperty("pqzk.registry.cache", dir.resolve("cache").toString());
    docA = dir.resolve("a.pdf");
    docB = dir.resolve("b.pdf");
    Files.write(docA, "%PDF-1.7 subject 1: fit for deployment\n".getBytes(StandardCharsets.UTF_8));
    Files.write(docB, "%PDF-1.7 subject 2: not fit\n".getBytes(StandardCharsets.UTF_8));
    Path csv = dir.resolve("records.csv");
    Files.writeString(csv, RegistryCommandTest.HEADER.trim() + ",document_sha256\n"
        + "1,1990,2,80,20260115,3,7," + sha256(docA) + "\n"
        + "2,2001,1,60,20250101,1,7," + sha256(docB) + "\n");
    reg = dir.resolve("reg");
    CliRun b = CliRun.of("registry", "build", "--records", csv.toString(), "--out",
        reg.toString());
    assertEquals(Main.OK, b.exit(), b.toString());
    assertTrue(b.err().contains("record schema pqzk-record/2"), b.err());
    root = b.out().trim();
    other = dir.resolve("other");
    CliRun b2 = CliRun.of("registry", "build", "--records", csv.toString(), "--out",
        other.toString());
    otherRoot = b2.out().trim();
    proof = dir.resolve("integrity.proof");
    CliRun p = CliRun.of("claim", "prove", "--integrity", "--document", docA.toString(),
        "--registry", reg.toString(), "--subject", "1", "--context", CONTEXT, "--out",
        proof.toString());
    assertEquals(Main.OK, p.exit(), p.toString());
  }

  @AfterAll
  void restore() {
    if (previousCache == null) {
      System.clearProperty("pqzk.registry.cache");
    } else {
      System.setProperty("pqzk.registry.cache", previousCache);
    }
  }

  static String sha256(Path f) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(f)));
  }

  CliRun verify(String rootHex, Path document, String... policy) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("claim", "verify",
        "--integrity", "--document", document.toString(), "--root", rootHex, "--context",
        CONTEXT, "--proof", proof.toString()));
    if (policy.length > 0) {
      args.add("--policy");
      args.add(policy[0]);
    }
    return CliRun.of(args.toArray(new String[0]));
  }

  @Test
  void verify_honestDocument_exits0_andStatesThePostQuantumEstimate() {
    CliRun v = verify(root, docA);
    assertEquals(Main.OK, v.exit(), v.toString());
    assertTrue(v.out().startsWith("accepted: system stark, security 128 bits conjectured / 100"
        + " bits proven"), v.out());
    assertTrue(v.out().contains("post-quantum estimate 85 bits conjectured / 50 bits proven"),
        v.out());
  }

  @Test
  void verify_documentWithOneByteChanged_exits1() throws Exception {
    byte[] d = Files.readAllBytes(docA);
    d[d.length / 2] ^= 1;
    Path changed = dir.resolve("changed.pdf");
    Files.write(changed, d);
    assertEquals(Main.VERIFICATION_FAILED, verify(root, changed).exit());
  }

  @Test
  void verify_anotherSubjectsDocument_exits1_andProvingItExits1() {
    assertEquals(Main.VERIFICATION_FAILED, verify(root, docB).exit());
    Path out = dir.resolve("never.proof");
    CliRun p = CliRun.of("claim", "prove", "--integrity", "--document", docB.toString(),
        "--registry", reg.toString(), "--subject", "1", "--context", CONTEXT, "--out",
        out.toString());
    assertEquals(Main.VERIFICATION_FAILED, p.exit(), p.toString());
    assertTrue(p.err().contains("committed document is not"), p.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void verify_documentUnderAnotherRoot_exits1() {
    assertEquals(Main.VERIFICATION_FAILED, verify(otherRoot, docA).exit());
  }

  @Test
  void verify_policyNotProven_exits1_policyProven_exits0() {
    assertEquals(Main.VERIFICATION_FAILED, verify(root, docA, "subject_id==1").exit());
    Path named = dir.resolve("named.proof");
    CliRun p = CliRun.of("claim", "prove", "--integrity", "--document", docA.toString(),
        "--registry", reg.toString(), "--subject", "1", "--policy", "subject_id==1",
        "--context", CONTEXT, "--out", named.toString());
    assertEquals(Main.OK, p.exit(), p.toString());
    CliRun v = CliRun.of("claim", "verify", "--integrity", "--document", docA.toString(),
        "--root", root, "--policy", "subject_id==1", "--context", CONTEXT, "--proof",
        named.toString());
    assertEquals(Main.OK, v.exit(), v.toString());
    CliRun w = CliRun.of("claim", "verify", "--integrity", "--document", docA.toString(),
        "--root", root, "--policy", "subject_id==2", "--context", CONTEXT, "--proof",
        named.toString());
    assertEquals(Main.VERIFICATION_FAILED, w.exit(), w.toString());
  }

  /** A schema-2 eligibility claim: proven from the registry, verified with --schema 2. */
  @Test
  void schema2EligibilityClaim_needsSchema2AtVerify() {
    Path p2 = dir.resolve("eligibility.proof");
    assertEquals(Main.OK, CliRun.of("claim", "prove", "--registry", reg.toString(), "--subject",
        "1", "--policy", "fitness>=70", "--context", CONTEXT, "--out", p2.toString()).exit());
    CliRun v1 = CliRun.of("claim", "verify", "--root", root, "--policy", "fitness>=70",
        "--context", CONTEXT, "--proof", p2.toString());
    assertEquals(Main.VERIFICATION_FAILED, v1.exit(), v1.toString());
    CliRun v2 = CliRun.of("claim", "verify", "--schema", "2", "--root", root, "--policy",
        "fitness>=70", "--context", CONTEXT, "--proof", p2.toString());
    assertEquals(Main.OK, v2.exit(), v2.toString());
  }

  @Test
  void misuse_exits2() throws Exception {
    assertEquals(Main.BAD_INPUT, CliRun.of("claim", "verify", "--integrity", "--root", root,
        "--context", CONTEXT, "--proof", proof.toString()).exit());
    assertEquals(Main.BAD_INPUT, CliRun.of("claim", "verify", "--document", docA.toString(),
        "--root", root, "--policy", "fitness>=70", "--context", CONTEXT, "--proof",
        proof.toString()).exit());
    assertEquals(Main.BAD_INPUT, verify(root, dir.resolve("missing.pdf")).exit());
    assertEquals(Main.BAD_INPUT, CliRun.of("claim", "verify", "--integrity", "--document",
        docA.toString(), "--schema", "1", "--root", root, "--context", CONTEXT, "--proof",
        proof.toString()).exit());
    CliRun noPolicy = CliRun.of("claim", "verify", "--root", root, "--context", CONTEXT,
        "--proof", proof.toString());
    assertEquals(Main.BAD_INPUT, noPolicy.exit(), noPolicy.toString());
    assertTrue(noPolicy.err().contains("--policy"), noPolicy.err());
    Path v1csv = dir.resolve("v1.csv");
    Files.writeString(v1csv, RegistryCommandTest.HEADER + "1,1990,2,80,20260115,3,7\n");
    Path v1 = dir.resolve("v1");
    assertEquals(Main.OK, CliRun.of("registry", "build", "--records", v1csv.toString(), "--out",
        v1.toString()).exit());
    CliRun p = CliRun.of("claim", "prove", "--integrity", "--document", docA.toString(),
        "--registry", v1.toString(), "--subject", "1", "--context", CONTEXT, "--out",
        dir.resolve("x").toString());
    assertEquals(Main.BAD_INPUT, p.exit(), p.toString());
    assertTrue(p.err().contains("pqzk-record/1"), p.err());
  }

  /** The checked-roots cache: a second `registry root` is served from it, a tampered file not. */
  @Test
  void registryRoot_cachedThenTampered_exits1() throws Exception {
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    Files.copy(reg.resolve("registry.json"), copy.resolve("registry.json"));
    for (int i = 0; i < 2; i++) {
      CliRun r = CliRun.of("registry", "root", "--registry", copy.toString());
      assertEquals(Main.OK, r.exit(), r.toString());
      assertEquals(root, r.out().trim());
    }
    String json = Files.readString(copy.resolve("registry.json"));
    int at = json.indexOf("\"commitments\"") + 30;
    char c = json.charAt(at);
    Files.writeString(copy.resolve("registry.json"), json.substring(0, at)
        + (c == '0' ? '1' : '0') + json.substring(at + 1));
    CliRun r = CliRun.of("registry", "root", "--registry", copy.toString());
    assertEquals(Main.VERIFICATION_FAILED, r.exit(), r.toString());
  }
}
