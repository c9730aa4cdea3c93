package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk records} and {@code pqzk audit} on a demo directory: the three commands the demo
 * prints work exactly as printed (exit 0 with the document, 1 refused, 0 audit); import of a
 * document, refused residency and malformed documents; an exported opening proves a claim; a
 * purge; {@code pqzk records serve} as a process of its own, read over mutual TLS; {@code pqzk
 * keygen --alg X-Wing}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordsCommandTest {
  private Path dir;
  private Path data;
  private String pass;
  private List<List<String>> printed;

  @BeforeAll
  void demo(@TempDir Path tmp) {
    dir = tmp;
    data = dir.resolve("demo");
    CliRun demo = CliRun.of("demo", "--data", data.toString(), "--records", "12",
        "--validators", "1", "--slh-every", "16", "--groth16", "off");
    assertEquals(0, demo.exit(), demo.describe());
    assertTrue(demo.out().contains("records: 12 documents encrypted in the vault"), demo.out());
    assertTrue(demo.out().contains("refused and recorded {CONSENT_DENIED=1, NO_GRANT=1,"
        + " RESIDENCY=1}, 1 break-glass (1 unreviewed)"), demo.out());
    printed = new ArrayList<>();
    for (String line : demo.out().lines().toList()) {
      if (line.startsWith("  ./pqzk ")) {
        printed.add(List.of(line.strip().substring("./pqzk ".length()).split(" ")));
      }
    }
    assertEquals(3, printed.size(), demo.out());
    pass = data.resolve("keys/DEMO-PASSPHRASE").toString();
  }

  private CliRun run(List<String> args) {
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void theThreePrintedCommands_workAsPrinted() {
    CliRun ok = run(printed.get(0));
    assertEquals(0, ok.exit(), ok.describe());
    assertTrue(ok.out().startsWith("{") && ok.out().contains("\"subject_id\": 1000002"),
        ok.out());
    assertTrue(ok.err().contains("released under access event"), ok.err());
    CliRun refused = run(printed.get(1));
    assertEquals(1, refused.exit(), refused.describe());
    assertTrue(refused.err().contains("refused: NO_GRANT") && refused.err().contains(
        "denied event"), refused.err());
    CliRun audit = run(printed.get(2));
    assertEquals(0, audit.exit(), audit.describe());
    assertTrue(audit.out().contains("released to 'clinic-alpha' for TREAT"), audit.out());
    assertTrue(audit.out().contains("denied to 'clinic-bravo' for TREAT: NO_GRANT"), audit.out());
    assertTrue(audit.out().contains("every entry checked against the chain"), audit.out());
    CliRun open = CliRun.of("audit", "--data", data.toString(), "--unreviewed",
        "--passphrase-file", pass);
    assertEquals(0, open.exit(), open.describe());
    assertTrue(open.out().contains("1 unreviewed break-glass read") && open.out()
        .contains("BREAK-GLASS release to 'field-hospital' for ETREAT"), open.out());
  }

  @Test
  void import_thenRead_refusesWithoutAGrant_andBadDocumentsAreExit2() throws Exception {
    Path doc = dir.resolve("new.json");
    Files.writeString(doc, "{\"subject_id\": 4242, \"name\": \"Test Person\", \"birth_year\": 1990,"
        + " \"blood_group\": 1, \"fitness\": 77, \"vax_date\": 20250601, \"clearance\": 1,"
        + " \"issuer\": 1}\n");
    CliRun imp = CliRun.of("records", "import", "--in", doc.toString(), "--data",
        data.toString(), "--passphrase-file", pass);
    assertEquals(0, imp.exit(), imp.describe());
    assertTrue(imp.out().contains("imported 1 document"), imp.out());
    CliRun read = CliRun.of("records", "read", "--data", data.toString(), "--subject", "4242",
        "--as", data.resolve("keys/clinic-alpha").toString(), "--purpose", "TREAT",
        "--passphrase-file", pass);
    assertEquals(1, read.exit(), read.describe());
    assertTrue(read.err().contains("NO_GRANT"), read.err());
    CliRun de = CliRun.of("records", "import", "--in", doc.toString(), "--data", data.toString(),
        "--residency", "DE", "--passphrase-file", pass);
    assertEquals(1, de.exit(), de.describe());
    assertTrue(de.err().contains("keeps records resident in US only"), de.err());
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"subject_id\": 4243, \"name\": \"No Attributes\"}");
    CliRun b = CliRun.of("records", "import", "--in", bad.toString(), "--data", data.toString(),
        "--passphrase-file", pass);
    assertEquals(2, b.exit(), b.describe());
    assertTrue(b.err().contains("the attribute \"birth_year\" is missing"), b.err());
  }

  @Test
  void anExportedOpening_provesAClaim_thatVerifiesAgainstTheChainsRoot() throws Exception {
    Path opening = dir.resolve("opening.json");
    CliRun o = CliRun.of("records", "opening", "--data", data.toString(), "--subject", "1000003",
        "--out", opening.toString(), "--passphrase-file", pass);
    assertEquals(0, o.exit(), o.describe());
    JsonObject j = JsonParser.parseString(Files.readString(opening)).getAsJsonObject();
    long fitness = j.getAsJsonObject("attributes").get("fitness").getAsLong();
    String root = HexFormat.of().formatHex(Base64.getDecoder().decode(j.getAsJsonArray("paths")
        .get(0).getAsJsonObject().get("root").getAsString()));
    Path proof = dir.resolve("claim.proof");
    String policy = "fitness>=" + fitness;
    CliRun prove = CliRun.of("claim", "prove", "--opening", opening.toString(), "--policy",
        policy, "--context", "0a0b0c", "--out", proof.toString());
    assertEquals(0, prove.exit(), prove.describe());
    CliRun verify = CliRun.of("claim", "verify", "--root", root, "--policy", policy,
        "--context", "0a0b0c", "--proof", proof.toString());
    assertEquals(0, verify.exit(), verify.describe());
    CliRun notOwner = CliRun.of("records", "opening", "--data", data.toString(), "--subject",
        "1000003", "--as", data.resolve("keys/clinic-alpha").toString(), "--out",
        dir.resolve("x.json").toString(), "--passphrase-file", pass);
    assertEquals(1, notOwner.exit(), notOwner.describe());
    assertTrue(notOwner.err().contains("refused"), notOwner.err());
  }

  @Test
  void purge_thenTheRecordIsRefused_theAuditShowsIt_andTheChainVerifies() {
    CliRun p = CliRun.of("records", "purge", "--data", data.toString(), "--subject", "1000007",
        "--passphrase-file", pass);
    assertEquals(0, p.exit(), p.describe());
    assertTrue(p.out().contains("purged record") && p.out().contains("the commitment stays"),
        p.out());
    CliRun read = CliRun.of("records", "read", "--data", data.toString(), "--subject", "1000007",
        "--as", data.resolve("keys/clinic-alpha").toString(), "--purpose", "TREAT",
        "--passphrase-file", pass);
    assertEquals(1, read.exit(), read.describe());
    assertTrue(read.err().contains("PURGED"), read.err());
    CliRun audit = CliRun.of("audit", "--data", data.toString(), "--subject", "1000007",
        "--passphrase-file", pass);
    assertEquals(0, audit.exit(), audit.describe());
    assertTrue(audit.out().contains("purge: purged by its owner 'medical-authority'"), audit.out());
    CliRun again = CliRun.of("records", "purge", "--data", data.toString(), "--subject",
        "1000007", "--passphrase-file", pass);
    assertEquals(1, again.exit(), again.describe());
    CliRun verify = CliRun.of("chain", "verify", "--quiet", "--data", data.toString());
    assertEquals(0, verify.exit(), verify.describe());
  }

  @Test
  void serve_isAProcess_readOverMutualTls() throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "io.pqzk.cli.Main", "records", "serve", "--data", data.toString(), "--port", "0",
        "--passphrase-file", pass);
    Process serve = new ProcessBuilder(cmd).redirectError(dir.resolve("serve.log").toFile())
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("listening on 127.0.0.1:"), line + " / "
          + Files.readString(dir.resolve("serve.log")));
      String server = line.substring("listening on ".length());
      CliRun ok = CliRun.of("records", "read", "--data", data.toString(), "--server", server,
          "--subject", "1000004", "--as", data.resolve("keys/clinic-alpha").toString(),
          "--purpose", "TREAT", "--passphrase-file", pass);
      assertEquals(0, ok.exit(), ok.describe());
      assertTrue(ok.out().contains("\"subject_id\": 1000004"), ok.out());
      CliRun no = CliRun.of("records", "read", "--data", data.toString(), "--server", server,
          "--subject", "1000004", "--as", data.resolve("keys/clinic-bravo").toString(),
          "--purpose", "TREAT", "--passphrase-file", pass);
      assertEquals(1, no.exit(), no.describe());
      assertTrue(no.err().contains("NO_GRANT"), no.err());
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.readString(dir.resolve("serve.log")).contains("Read TLS client"));
  }

  @Test
  void keygen_xWing_writesTheDraftsKeyFormats() throws Exception {
    Path key = dir.resolve("reader.key");
    CliRun k = CliRun.of("keygen", "--alg", "X-Wing", "--out", key.toString(),
        "--passphrase-file", pass);
    assertEquals(0, k.exit(), k.describe());
    assertTrue(Files.readString(key).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertTrue(Files.readString(Path.of(key + ".pub")).startsWith("-----BEGIN PUBLIC KEY-----"));
    assertEquals(1216, io.pqzk.records.kem.KemKeyFiles.publicFromPem(Files.readString(
        Path.of(key + ".pub"))).raw().length);
    assertTrue(CliRun.of("keygen", "--alg", "list").out().contains("X-Wing"));
  }
}
