package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pqzk zokrates verify} against the zokrates-js fixtures of the zk-proofs module. */
class ZokratesCommandTest {
  private static final Path FIXTURES = Path.of("..", "..", "zk-proofs", "groth16", "src", "test", "resources", "zokrates");

  private static final Path NODE_DIR = Path.of("..", "..", "zk-proofs", "groth16", "node");

  /** The worker commands need the pinned zokrates-js: install it from the lockfile if missing. */
  @org.junit.jupiter.api.BeforeAll
  static void installZokratesJs() throws IOException, InterruptedException {
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/zokrates-js"))) {
      Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
          .directory(NODE_DIR.toFile()).inheritIO().start();
      assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES), "npm ci timed out");
      assertEquals(0, p.exitValue(), "npm ci failed in " + NODE_DIR.toAbsolutePath());
    }
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static Path fx(String circuit, String curve, String file) {
    return FIXTURES.resolve(circuit).resolve(curve).resolve(file);
  }

  @Test
  void verify_genuineProof_exits0AndWarnsOnce() {
    for (String curve : new String[] {"bn128", "bls12_381"}) {
      int code =
          run("zokrates", "verify", "--vk", fx("merkle", curve, "verification.key.json").toString(),
              "--proof", fx("merkle", curve, "proof.json").toString());
      assertEquals(Main.OK, code, err.toString());
    }
    assertTrue(out.toString().contains("accepted: Groth16 proof on bn128"), out.toString());
    assertTrue(out.toString().contains("accepted: Groth16 proof on bls12_381"), out.toString());
    assertEquals(2, err.toString().split("not post-quantum sound", -1).length - 1, err.toString());
  }

  @Test
  void verify_tamperedInput_exits1(@TempDir Path dir) throws IOException {
    String proof = Files.readString(fx("cubic", "bn128", "proof.json"));
    // public input y = 35 = 0x23 -> 36
    String tampered = proof.replace("0000000000000000000000000000000000000000000000000000000000000023\"",
        "0000000000000000000000000000000000000000000000000000000000000024\"");
    assertTrue(!tampered.equals(proof));
    Path p = Files.writeString(dir.resolve("proof.json"), tampered);
    int code = run("zokrates", "verify", "--vk", fx("cubic", "bn128", "verification.key.json").toString(),
        "--proof", p.toString());
    assertEquals(Main.VERIFICATION_FAILED, code);
    assertTrue(err.toString().contains("rejected"), err.toString());
  }

  @Test
  void verify_malformedProof_exits2(@TempDir Path dir) throws IOException {
    Path p = Files.writeString(dir.resolve("proof.json"), "{\"scheme\":\"g16\"");
    int code = run("zokrates", "verify", "--vk", fx("cubic", "bn128", "verification.key.json").toString(),
        "--proof", p.toString());
    assertEquals(Main.BAD_INPUT, code);
    assertTrue(err.toString().contains("malformed"), err.toString());
    assertTrue(!err.toString().contains("at io.pqzk"), "no stack trace: " + err);
  }

  /** What the former lenient reader accepted: each is exit 2 with one line naming the problem. */
  @Test
  void verify_lenientOrOversizedInput_exits2WithOneLine(@TempDir Path dir) throws IOException {
    Path vk = fx("cubic", "bn128", "verification.key.json");
    String proof = Files.readString(fx("cubic", "bn128", "proof.json"));
    String key = Files.readString(vk);
    Path huge = dir.resolve("huge.json");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(60L << 20); // the audit's proof size: read no further than the cap
    }
    String[][] cases = {
      {"proof", "/* c */" + proof, "comments are not allowed"},
      {"proof", proof.replace("\"g16\",", "\"g16\",\n  \"scheme\": \"g16\","), "duplicate member \"scheme\""},
      {"proof", proof.replace("\"0x0000", "\"0x\u0660000"), "non-ASCII character U+0660"},
      {"proof", proof.replace("\"inputs\"", "\"extra\": [],\n  \"inputs\""), "unknown member \"extra\""},
      {"vk", atInfinity(key, "0x1507003a"), "vk.gamma_abc[1] is the point at infinity"},
      {"huge", null, "proof is 62914560 bytes, over the 16384-byte cap"},
    };
    for (String[] c : cases) {
      Path p = c[0].equals("huge") ? huge : Files.writeString(dir.resolve("in.json"), c[1]);
      Path vkFile = c[0].equals("vk") ? p : vk;
      Path proofFile = c[0].equals("vk") ? fx("cubic", "bn128", "proof.json") : p;
      err.getBuffer().setLength(0);
      int code = run("zokrates", "verify", "--vk", vkFile.toString(), "--proof", proofFile.toString());
      String[] lines = err.toString().split("\n");
      assertEquals(Main.BAD_INPUT, code, err.toString());
      assertEquals(2, lines.length, "the warning and one line: " + err);
      assertTrue(lines[1].startsWith("pqzk: malformed: ") && lines[1].contains(c[2]), lines[1]);
    }
  }

  /** The key, compact, with the G1 point whose x starts with {@code xPrefix} set to (0, 0). */
  private static String atInfinity(String key, String xPrefix) {
    String compact = key.replaceAll("\\s", ""); // ZoKrates' strings hold no whitespace
    int x = compact.indexOf("\"" + xPrefix);
    int open = compact.lastIndexOf('[', x);
    int close = compact.indexOf(']', x);
    String zero = "\"0x" + "0".repeat(64) + "\"";
    return compact.substring(0, open) + "[" + zero + "," + zero + "]" + compact.substring(close + 1);
  }

  @Test
  void verify_keyForAnotherCircuit_exits2or1() {
    // cubic has 1 public input, multi has 6: a wrong key is refused as malformed
    int code = run("zokrates", "verify", "--vk", fx("multi", "bn128", "verification.key.json").toString(),
        "--proof", fx("cubic", "bn128", "proof.json").toString());
    assertEquals(Main.BAD_INPUT, code);
    // merkle and cubic both have 1 input: the pairing check rejects
    code = run("zokrates", "verify", "--vk", fx("merkle", "bn128", "verification.key.json").toString(),
        "--proof", fx("cubic", "bn128", "proof.json").toString());
    assertEquals(Main.VERIFICATION_FAILED, code);
  }

  @Test
  void verify_missingFile_exits2() {
    int code = run("zokrates", "verify", "--vk", "/nonexistent/vk.json", "--proof", "/nonexistent/p.json");
    assertEquals(Main.BAD_INPUT, code);
    assertTrue(err.toString().contains("cannot read"), err.toString());
  }

  @Test
  void help_mentionsTrustedSetup() {
    assertEquals(Main.OK, run("zokrates", "verify", "--help"));
    assertTrue(out.toString().contains("Exit codes"), out.toString());
  }

  @Test
  void compileSetupProveVerify_endToEnd(@TempDir Path dir) throws IOException {
    Path src = Files.writeString(dir.resolve("main.zok"),
        "def main(private field x, field y) {\n    assert(x * x == y);\n    return;\n}\n");
    assertEquals(Main.OK, run("zokrates", "compile", "--input", src.toString(), "--out", dir.toString()), err.toString());
    assertEquals(Main.OK, run("zokrates", "setup", "--program", dir.resolve("out").toString(), "--out", dir.toString()), err.toString());
    assertEquals(Main.OK, run("zokrates", "prove", "--program", dir.resolve("out").toString(),
        "--proving-key", dir.resolve("proving.key").toString(), "--args", "[\"5\", \"25\"]",
        "--out", dir.resolve("proof.json").toString()), err.toString());
    assertEquals(Main.OK, run("zokrates", "verify", "--vk", dir.resolve("verification.key.json").toString(),
        "--proof", dir.resolve("proof.json").toString()), err.toString());
    // a false statement cannot be proved: exit 1 with ZoKrates' reason
    assertEquals(Main.VERIFICATION_FAILED, run("zokrates", "prove", "--program", dir.resolve("out").toString(),
        "--proving-key", dir.resolve("proving.key").toString(), "--args", "[\"5\", \"26\"]",
        "--out", dir.resolve("bad.json").toString()));
    assertTrue(!Files.exists(dir.resolve("bad.json")));
    assertEquals(Main.OK, run("zokrates", "export-verifier", "--vk", dir.resolve("verification.key.json").toString(),
        "--out", dir.resolve("verifier.sol").toString()), err.toString());
    assertTrue(Files.readString(dir.resolve("verifier.sol")).contains("pragma solidity"));
  }

  @Test
  void compile_syntaxError_exits2WithLocationOnOneLine(@TempDir Path dir) throws IOException {
    Path src = Files.writeString(dir.resolve("bad.zok"), "def main() {\n  field x = ;\n}\n");
    assertEquals(Main.BAD_INPUT, run("zokrates", "compile", "--input", src.toString(), "--out", dir.toString()));
    String e = err.toString();
    assertTrue(e.contains("compile error") && e.contains("2:"), e);
    assertEquals(1, e.lines().filter(l -> l.startsWith("pqzk:")).count(), e);
  }
}
