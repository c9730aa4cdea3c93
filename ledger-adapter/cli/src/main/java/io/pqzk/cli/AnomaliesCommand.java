package io.pqzk.cli;

import io.pqzk.fhir.anomaly.Access;
import io.pqzk.fhir.anomaly.AccessLog;
import io.pqzk.fhir.anomaly.AnomalyDetector;
import io.pqzk.fhir.audit.AuditEvents;
import io.pqzk.fhir.audit.AuditTrail;
import io.pqzk.ledger.LedgerException;
import io.pqzk.records.service.CustodianNode;
import io.pqzk.records.service.NodeLayout;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pqzk audit anomalies [--since T]}: readers whose activity leaves their own history. */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
    description = {"Score each reader's days since T against that reader's own earlier days on"
        + " the chain (reads, distinct patients, the busiest hour, reads outside duty hours,"
        + " denied attempts, break-glass reads, reads of one patient, long-known patients new to"
        + " the reader, readers converging on one patient) with the median and MAD of each, and"
        + " flag break-glass reads unreviewed after 24 h; list the flagged readers with every"
        + " reason. Reads only the chain's access events: no record is opened.",
        "Exit 0 listed (flagged or not); 2 bad input."})
final class AnomaliesCommand implements Callable<Integer> {
  @Mixin RecordsCommand.Node node;

  @Option(names = "--since", paramLabel = "T",
      description = "First day scored: YYYY-MM-DD or an ISO instant (default: yesterday).")
  String since;

  @Option(names = "--duty-hours", defaultValue = "7-19", paramLabel = "H-H",
      description = "Duty hours, start inclusive, end exclusive (default: ${DEFAULT-VALUE}).")
  String duty;

  @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
      description = "The zone of days and duty hours (default: ${DEFAULT-VALUE}).")
  String zone;

  @Override
  public Integer call() {
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw CliException.badInput("--zone: unknown zone '" + zone + "'");
    }
    String[] h = duty.split("-", -1);
    AnomalyDetector.Settings d = AnomalyDetector.Settings.defaults();
    AnomalyDetector.Settings settings;
    try {
      settings = new AnomalyDetector.Settings(z, Integer.parseInt(h[0]),
          Integer.parseInt(h.length == 2 ? h[1] : "x"), d.k(), d.minHistoryDays(),
          d.reviewGraceMillis(), d.convergingReaders());
    } catch (NumberFormatException e) {
      throw CliException.badInput("--duty-hours must be H-H, e.g. 7-19, not '" + duty + "'");
    } catch (IllegalArgumentException e) {
      throw CliException.badInput("--duty-hours: " + e.getMessage());
    }
    long now = System.currentTimeMillis();
    long from = sinceMillis(z, now);
    char[] pass = node.passphrase(NodeLayout.keys(node.data.dir));
    try (CustodianNode n = RecordsAccess.open(node.data.dir, node.custodian, pass)) {
      AuditTrail trail = new AuditTrail(n.custodian());
      List<Access> events = AccessLog.read(trail.chain());
      List<AnomalyDetector.Finding> found = new AnomalyDetector(settings).detect(events, from,
          now);
      AuditEvents.Names names = AuditTrail.names(n.custodian());
      System.out.println("anomalies since " + Instant.ofEpochMilli(from).atZone(z).toLocalDate()
          + " (" + z + " days, duty " + settings.dutyStartHour() + "-" + settings.dutyEndHour()
          + "): " + events.size() + " custodian decision" + (events.size() == 1 ? "" : "s")
          + " on the chain, " + found.size() + " reader-day" + (found.size() == 1 ? "" : "s")
          + " flagged");
      for (AnomalyDetector.Finding f : found) {
        byte[] key = HexFormat.of().parseHex(f.reader());
        String name = names.name(key).orElse("unregistered");
        System.out.println("  " + name + " (key " + f.reader().substring(0, 16) + ") " + f.day()
            + ": " + String.join("; ", f.reasons().stream().map(AnomalyDetector.Reason::text)
                .toList()));
      }
      return Main.OK;
    } catch (LedgerException e) {
      throw ChainCommand.failure(e);
    } catch (IOException e) {
      throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
    } finally {
      Arrays.fill(pass, '\0');
    }
  }

  private long sinceMillis(ZoneId z, long now) {
    if (since == null) {
      return Instant.ofEpochMilli(now).atZone(z).toLocalDate().minusDays(1).atStartOfDay(z)
          .toInstant().toEpochMilli();
    }
    try {
      return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(z).toInstant()
          .toEpochMilli() : Instant.parse(since).toEpochMilli();
    } catch (DateTimeException e) {
      throw CliException.badInput("--since must be YYYY-MM-DD or an ISO instant, not '" + since
          + "'");
    }
  }
}
