package io.pqzk.cli;

import io.pqzk.fhir.FhirException;
import io.pqzk.fhir.audit.AuditCheck;
import io.pqzk.fhir.audit.AuditTrail;
import io.pqzk.ledger.LedgerException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.service.CustodianNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code pqzk audit --format fhir} and {@code pqzk audit --check FILE}. */
final class FhirAudit {
  private FhirAudit() {}

  /** Writes the subject's trail as a FHIR Bundle of AuditEvents. */
  static int export(CustodianNode n, String subject, String base, Path out)
      throws RecordsException, LedgerException, IOException {
    Optional<String> json;
    try {
      json = new AuditTrail(n.custodian()).subjectBundleJson(subject, base);
    } catch (FhirException e) {
      throw CliException.rejected(ChainCommand.oneLine(e.getMessage()));
    }
    if (json.isEmpty()) {
      throw CliException.badInput("custodian '" + n.custodian().info().name()
          + "' has no record of subject " + subject);
    }
    byte[] bytes = (json.get() + "\n").getBytes(StandardCharsets.UTF_8);
    if (out != null) {
      CliFiles.write("--out", out, bytes, CliFiles.PRIVATE, true);
      System.err.println("pqzk: wrote the audit trail of subject " + subject + " to " + out
          + " (a FHIR R4 Bundle of AuditEvents, each read back from its final block)");
    } else {
      System.out.write(bytes);
      System.out.flush();
    }
    return Main.OK;
  }

  /** Checks a Bundle (or an AuditEvent) against the chain; exit 1 on any mismatch. */
  static int check(CustodianNode n, Path file) throws LedgerException, IOException {
    String text = new String(CliFiles.read("--check", file), StandardCharsets.UTF_8);
    List<AuditCheck.Mismatch> bad;
    try {
      bad = new AuditTrail(n.custodian()).check(text, file.toString());
    } catch (FhirException e) {
      throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
    }
    if (!bad.isEmpty()) {
      for (AuditCheck.Mismatch m : bad) {
        System.out.println("MISMATCH " + m);
      }
      throw CliException.rejected(bad.size() + " AuditEvent" + (bad.size() == 1 ? " does" : "s"
          + " do") + " not match the chain (" + file + ")");
    }
    System.out.println(file + ": every AuditEvent matches a final event on the chain (height,"
        + " transaction id and every mapped field)");
    return Main.OK;
  }
}
