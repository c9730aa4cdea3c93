package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {
  static final String HEADER =
      "subject_id,birth_year,blood_group,fitness,vax_date,clearance,issuer\n";

  @TempDir Path dir;

  private Path csv(String body) throws Exception {
    Path f = dir.resolve("records.csv");
    Files.writeString(f, HEADER + body);
    return f;
  }

  @Test
  void build_thenRoot_printSameHexRoot() throws Exception {
    Path reg = dir.resolve("reg");
    CliRun b = CliRun.of("registry", "build", "--records",
        csv("1,1990,2,80,20260115,3,7\n2,2001,1,60,20250101,1,7\n").toString(),
        "--out", reg.toString());
    assertEquals(Main.OK, b.exit(), b.toString());
    String root = b.out().trim();
    assertTrue(root.matches("[0-9a-f]{64}"), b.toString());
    CliRun r = CliRun.of("registry", "root", "--system", "stark", "--registry", reg.toString());
    assertEquals(Main.OK, r.exit(), r.toString());
    assertEquals(root, r.out().trim());
    // the secret openings are never printed
    assertFalse((b.out() + b.err() + r.out() + r.err()).contains("salt"));
  }

  @Test
  void build_badCsv_exits2NamingLineAndColumn() throws Exception {
    CliRun b = CliRun.of("registry", "build", "--records",
        csv("1,1990,2,80,20260115,3,7\n2,2001,1,sixty,20250101,1,7\n").toString(),
        "--out", dir.resolve("reg").toString());
    assertEquals(Main.BAD_INPUT, b.exit(), b.toString());
    assertTrue(b.err().contains("line 3, column 4"), b.err());
    assertFalse(Files.exists(dir.resolve("reg").resolve("registry.json")));
  }

  @Test
  void build_existingRegistry_exits2UnlessForced() throws Exception {
    Path reg = dir.resolve("reg");
    String records = csv("1,1990,2,80,20260115,3,7\n").toString();
    assertEquals(Main.OK, CliRun.of("registry", "build", "--records", records, "--out",
        reg.toString()).exit());
    CliRun again = CliRun.of("registry", "build", "--records", records, "--out", reg.toString());
    assertEquals(Main.BAD_INPUT, again.exit(), again.toString());
    assertEquals(Main.OK, CliRun.of("registry", "build", "--records", records, "--out",
        reg.toString(), "--force").exit());
  }

  @Test
  void root_tamperedCommitment_exits1() throws Exception {
    Path reg = dir.resolve("reg");
    CliRun b = CliRun.of("registry", "build", "--records",
        csv("1,1990,2,80,20260115,3,7\n2,2001,1,60,20250101,1,7\n").toString(),
        "--out", reg.toString());
    Path f = reg.resolve("registry.json");
    String json = Files.readString(f);
    int at = json.indexOf("\"commitments\"");
    int q = json.indexOf('"', json.indexOf('[', at)) + 1;
    char c = json.charAt(q);
    Files.writeString(f, json.substring(0, q) + (c == '0' ? '1' : '0') + json.substring(q + 1));
    CliRun r = CliRun.of("registry", "root", "--registry", reg.toString());
    assertEquals(Main.VERIFICATION_FAILED, r.exit(), r.toString());
    assertTrue(r.err().contains("recompute"), r.err());
    assertFalse(r.out().contains(b.out().trim()));
  }

  @Test
  void root_missingRegistry_exits2() {
    CliRun r = CliRun.of("registry", "root", "--registry", dir.resolve("none").toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.toString());
  }

  @Test
  void groth16_warnsOnceAndBuilds() throws Exception {
    CliRun r = CliRun.of("registry", "build", "--system", "zokrates-groth16", "--records",
        csv("1,1990,2,80,20260115,3,7\n").toString(), "--out", dir.resolve("g").toString());
    assertEquals(Main.OK, r.exit(), r.toString());
    assertEquals(1, r.err().split("NOT post-quantum", -1).length - 1, r.err());
    assertTrue(r.err().contains("trusted setup"), r.err());
  }

  @Test
  void unknownSystem_exits2() throws Exception {
    CliRun r = CliRun.of("registry", "root", "--system", "plonk", "--registry", dir.toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.toString());
    assertTrue(r.err().contains("unknown proof system 'plonk'"), r.err());
  }
}
