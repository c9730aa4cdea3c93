package io.pqzk.cli;

import io.pqzk.fhir.FhirException;
import io.pqzk.fhir.server.FhirFacade;
import io.pqzk.records.RecordsException;
import io.pqzk.records.service.CustodianNode;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.service.Pki;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pqzk fhir serve}: the custodian's records as a read-only FHIR R4 server. */
@Command(
    name = "fhir",
    mixinStandardHelpOptions = true,
    description = "Serve the custodian's records as FHIR R4 (read-only, every read audited).",
    subcommands = {FhirCommand.Serve.class})
final class FhirCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {"Serve the data directory's custodian as a read-only FHIR R4 server (HAPI's"
          + " RestfulServer in embedded Jetty) at https://HOST:PORT/fhir over mutual TLS, with"
          + " the custodian's certificate and CA in DIR/keys/tls/: /metadata, Patient/{id},"
          + " Patient/{id}/$everything, and Immunization, Observation, Condition and AuditEvent"
          + " searches by patient. The reader is the registered reader whose TLS certificate"
          + " the client presented; the purpose of use comes from the X-Purpose-Of-Use header;"
          + " each request is one custodian read whose access event is final before the"
          + " response. Refusals are OperationOutcomes (401, 403, 404, 410). The request log"
          + " holds method, resource type, status and time, never an id. Loopback only. Runs"
          + " until stopped.",
          "Exit 0 stopped; 2 bad input."})
  static final class Serve implements Callable<Integer> {
    @Mixin RecordsCommand.Node node;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
        description = "Loopback address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8443", paramLabel = "PORT",
        description = "Port to listen on, 0 for any (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--request-log", paramLabel = "FILE",
        description = "The request log (default: DIR/fhir-requests.log).")
    Path requestLog;

    @Override
    public Integer call() throws InterruptedException {
      char[] pass = node.passphrase(NodeLayout.keys(node.data.dir));
      try (CustodianNode n = RecordsAccess.open(node.data.dir, node.custodian, pass)) {
        Path tls = NodeLayout.tls(node.data.dir);
        Pki.Issued cert = Pki.read(tls, n.custodian().info().name(), pass);
        Arrays.fill(pass, '\0');
        Path log = requestLog != null ? requestLog : node.data.dir.resolve("fhir-requests.log");
        try (FhirFacade f = FhirFacade.start(n.custodian(), new FhirFacade.Options(host, port,
            cert, Pki.readCertificate(Pki.certificateFile(tls, NodeLayout.CA)), log))) {
          System.out.println("FHIR R4 facade on https://" + host + ":" + f.port() + "/fhir"
              + " (mutual TLS; request log " + log + ")");
          System.out.flush();
          f.join();
        }
        return Main.OK;
      } catch (FhirException e) {
        throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
      } catch (RecordsException e) {
        throw RecordsAccess.failure(e);
      } catch (IOException e) {
        throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
      } finally {
        Arrays.fill(pass, '\0');
      }
    }
  }
}
