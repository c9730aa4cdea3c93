package io.pqzk.cli.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FHIR commands on a demo directory: {@code records import} of the kept Synthea bundles
 * (and the refusal of a broken one, naming the field), {@code audit --format fhir} of a
 * subject's trail, {@code audit --check} accepting it and reporting a changed height and a
 * changed transaction id (exit 1), and {@code audit anomalies}.
 */
class FhirCommandsTest {
  static final Path KEPT = Path.of("../fhir/src/test/resources/io/pqzk/fhir/synthea");

  @Test
  void importBundles_exportTrailAsFhir_checkIt_andAChangedOneIsAMismatch(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("d");
    CliRun demo = CliRun.of("demo", "--data", data.toString(), "--records", "2",
        "--groth16", "off");
    assertEquals(0, demo.exit(), demo.describe());
    String pass = data.resolve("keys/DEMO-PASSPHRASE").toString();

    CliRun imp = CliRun.of("records", "import", "--data", data.toString(), "--in",
        KEPT.toString(), "--passphrase-file", pass);
    assertEquals(0, imp.exit(), imp.describe());
    Matcher m = Pattern.compile("patient-1\\.json -> record [0-9a-f]{64} \\(height [0-9]+\\)"
        + " FHIR transaction bundle, subject ([0-9]+), absent: blood_group, clearance, fitness,"
        + " issuer").matcher(imp.out());
    assertTrue(m.find(), imp.out());
    String subject = m.group(1);
    assertTrue(imp.out().contains("imported 3 documents"), imp.out());

    String broken = Files.readString(KEPT.resolve("patient-2.json")).replaceFirst(
        "\"birthDate\": *\"([0-9]{4})-[0-9]{2}-[0-9]{2}\"", "\"birthDate\": \"$1-13-45\"");
    Path bad = dir.resolve("broken.json");
    Files.writeString(bad, broken);
    CliRun refused = CliRun.of("records", "import", "--data", data.toString(), "--in",
        bad.toString(), "--passphrase-file", pass);
    assertEquals(2, refused.exit(), refused.describe());
    assertTrue(refused.err().contains("broken.json") && refused.err().contains("birthDate")
        && !refused.err().contains("-13-45"), refused.err());

    // a denied read puts an access event on the record's trail
    CliRun read = CliRun.of("records", "read", "--data", data.toString(), "--subject", subject,
        "--as", data.resolve("keys/clinic-bravo").toString(), "--purpose", "TREAT",
        "--passphrase-file", pass);
    assertEquals(1, read.exit(), read.describe());

    Path trail = dir.resolve("trail.json");
    CliRun export = CliRun.of("audit", "--data", data.toString(), "--subject", subject,
        "--format", "fhir", "--out", trail.toString(), "--passphrase-file", pass);
    assertEquals(0, export.exit(), export.describe());
    String json = Files.readString(trail);
    assertTrue(json.contains("\"resourceType\": \"Bundle\"") && json.contains("AuditEvent"),
        json);
    CliRun ok = CliRun.of("audit", "--data", data.toString(), "--check", trail.toString(),
        "--passphrase-file", pass);
    assertEquals(0, ok.exit(), ok.describe());

    Matcher h = Pattern.compile("\"type\": \"ledger-height\",\\s*\"valueString\": \"([0-9]+)\"")
        .matcher(json);
    assertTrue(h.find(), json);
    Path moved = dir.resolve("moved.json");
    Files.writeString(moved, json.substring(0, h.start(1)) + (Long.parseLong(h.group(1)) + 1)
        + json.substring(h.end(1)));
    CliRun mismatch = CliRun.of("audit", "--data", data.toString(), "--check",
        moved.toString(), "--passphrase-file", pass);
    assertEquals(1, mismatch.exit(), mismatch.describe());
    assertTrue(mismatch.out().contains("MISMATCH AuditEvent"), mismatch.out());

    Matcher t = Pattern.compile("\"type\": \"ledger-transaction-id\",\\s*\"valueString\": \""
        + "([0-9a-f])").matcher(json);
    assertTrue(t.find(), json);
    String flipped = t.group(1).equals("0") ? "1" : "0";
    Path retx = dir.resolve("retx.json");
    Files.writeString(retx, json.substring(0, t.start(1)) + flipped + json.substring(t.end(1)));
    CliRun mismatch2 = CliRun.of("audit", "--data", data.toString(), "--check",
        retx.toString(), "--passphrase-file", pass);
    assertEquals(1, mismatch2.exit(), mismatch2.describe());
    assertTrue(mismatch2.out().contains("MISMATCH AuditEvent"), mismatch2.out());

    CliRun anomalies = CliRun.of("audit", "anomalies", "--data", data.toString(),
        "--passphrase-file", pass);
    assertEquals(0, anomalies.exit(), anomalies.describe());
    assertTrue(anomalies.out().startsWith("anomalies since "), anomalies.out());
    CliRun badHours = CliRun.of("audit", "anomalies", "--data", data.toString(),
        "--duty-hours", "19-7", "--passphrase-file", pass);
    assertEquals(2, badHours.exit(), badHours.describe());
  }
}
