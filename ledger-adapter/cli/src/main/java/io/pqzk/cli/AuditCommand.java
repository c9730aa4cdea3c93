package io.pqzk.cli;

import io.pqzk.ledger.LedgerException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.custodian.Audit;
import io.pqzk.records.service.CustodianNode;
import io.pqzk.records.service.NodeLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pqzk audit --subject ID | --unreviewed}: the audit trail of a kept record, or the
 * break-glass reads no review has closed, each event checked against the chain (its block is
 * final and holds a transaction with its id). Opens the data directory's custodian in this
 * process: the subject is found through the custodian's keyed subject index, never stored in
 * clear.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {"Every access, denied access, break-glass, review and purge event of a"
        + " record (with its consent directives and custody), or the break-glass reads still"
        + " unreviewed; each is checked against the chain (height, transaction id).",
        "--format fhir writes the record's trail as a FHIR R4 Bundle of AuditEvents (IHE Basic"
        + " Audit Log Patterns), each carrying its ledger height and transaction id; --check"
        + " FILE holds such a Bundle (or one AuditEvent) against the chain, field by field.",
        "Exit 0 listed, every entry confirmed by the chain; 1 an entry the chain does not"
        + " confirm; 2 bad input (a subject the custodian has no record of)."},
    subcommands = {AnomaliesCommand.class})
final class AuditCommand implements Callable<Integer> {
  @Mixin RecordsCommand.Node node;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  What what;

  static final class What {
    @Option(names = "--subject", paramLabel = "ID", description = "The record's subject id.")
    String subject;

    @Option(names = "--unreviewed", description = "The break-glass reads no review closed.")
    boolean unreviewed;

    @Option(names = "--check", paramLabel = "FILE",
        description = "A FHIR Bundle of AuditEvents (or one AuditEvent) to check against the"
            + " chain.")
    Path check;
  }

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|fhir",
      description = "With --subject: text lines (default) or a FHIR R4 Bundle of AuditEvents.")
  String format;

  @Option(names = "--base", defaultValue = "https://localhost:8443/fhir", paramLabel = "URL",
      description = "With --format fhir: the FHIR base of the entries' full URLs (default:"
          + " ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--out", paramLabel = "FILE",
      description = "With --format fhir: write the Bundle to FILE instead of standard output.")
  Path out;

  @Override
  public Integer call() {
    if (what == null) {
      throw CliException.badInput("give --subject ID, --unreviewed or --check FILE (or the"
          + " anomalies command)");
    }
    if (!format.equals("text") && !format.equals("fhir")) {
      throw CliException.badInput("--format must be text or fhir, not '" + format + "'");
    }
    if (format.equals("fhir") && what.subject == null) {
      throw CliException.badInput("--format fhir goes with --subject");
    }
    char[] pass = node.passphrase(NodeLayout.keys(node.data.dir));
    try (CustodianNode n = RecordsAccess.open(node.data.dir, node.custodian, pass)) {
      if (what.check != null) {
        return FhirAudit.check(n, what.check);
      }
      if (format.equals("fhir")) {
        return FhirAudit.export(n, what.subject, base, out);
      }
      Audit audit = new Audit(n.custodian());
      List<Audit.Entry> entries;
      if (what.unreviewed) {
        entries = audit.unreviewed();
        System.out.println(entries.size() + " unreviewed break-glass read"
            + (entries.size() == 1 ? "" : "s") + " (custodian '" + n.custodian().info().name()
            + "', finalized height " + n.ledger().finalizedHeight() + ")");
      } else {
        Optional<List<Audit.Entry>> found = audit.subject(what.subject);
        if (found.isEmpty()) {
          throw CliException.badInput("custodian '" + n.custodian().info().name()
              + "' has no record of subject " + what.subject);
        }
        entries = found.get();
        System.out.println("subject " + what.subject + ": " + entries.size() + " event"
            + (entries.size() == 1 ? "" : "s") + " on the chain (finalized height "
            + n.ledger().finalizedHeight() + ")");
      }
      int unconfirmed = 0;
      for (Audit.Entry e : entries) {
        System.out.println("  height " + e.height() + "  tx " + e.transactionHex().substring(0, 16)
            + "  " + e.kind() + ": " + e.summary() + (e.checked() ? "" : "  [NOT CONFIRMED]"));
        if (!e.checked()) {
          unconfirmed++;
        }
      }
      if (unconfirmed > 0) {
        throw CliException.rejected(unconfirmed + " audit entr" + (unconfirmed == 1 ? "y is" : "ies"
            + " are") + " not confirmed by the chain");
      }
      System.out.println("every entry checked against the chain: its block is final and holds"
          + " a transaction with its id");
      return Main.OK;
    } catch (RecordsException e) {
      throw RecordsAccess.failure(e);
    } catch (LedgerException e) {
      throw ChainCommand.failure(e);
    } catch (IOException e) {
      throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
    } finally {
      Arrays.fill(pass, '\0');
    }
  }
}
