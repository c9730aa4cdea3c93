package io.pqzk.fhir.server;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.pqzk.fhir.Fhir;
import io.pqzk.fhir.FhirException;
import io.pqzk.fhir.server.internal.AuditEventProvider;
import io.pqzk.fhir.server.internal.ClinicalProvider;
import io.pqzk.fhir.server.internal.FacadeReads;
import io.pqzk.fhir.server.internal.PatientProvider;
import io.pqzk.fhir.server.internal.RedactedRequestLog;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.service.Pki;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;

/**
 * A read-only FHIR R4 server in the custodian's process: HAPI's {@link RestfulServer} in
 * embedded Jetty, over mutual TLS (a client without a certificate from the trusted CA is refused
 * at the handshake), at {@code /fhir}: the CapabilityStatement ({@code /fhir/metadata}), {@code
 * Patient/{id}} and its {@code $everything}, {@code Immunization}, {@code Observation}, {@code
 * Condition} and {@code AuditEvent} searches by {@code patient}. Every request that touches a
 * record is one custodian read, its access event final before the response (see {@code
 * FacadeReads}). Listens on a loopback address only.
 */
public final class FhirFacade implements Closeable {
  /** How the facade listens. {@code requestLog} may be null (no log). */
  public record Options(String host, int port, Pki.Issued certificate, X509Certificate trustedCa,
      Path requestLog) {}

  private final Server server;
  private final ServerConnector connector;
  private final RedactedRequestLog log;

  private FhirFacade(Server server, ServerConnector connector, RedactedRequestLog log) {
    this.server = server;
    this.connector = connector;
    this.log = log;
  }

  /** Starts serving {@code custodian}; returns once the port accepts connections. */
  public static FhirFacade start(Custodian custodian, Options o) throws FhirException {
    try {
      if (!InetAddress.getByName(o.host()).isLoopbackAddress()) {
        throw new FhirException("the FHIR facade listens on a loopback address only, not "
            + o.host());
      }
    } catch (java.net.UnknownHostException e) {
      throw new FhirException("unknown host " + o.host(), e);
    }
    RestfulServer fhir = new RestfulServer(Fhir.r4());
    FacadeReads reads = new FacadeReads(custodian);
    fhir.setResourceProviders(List.of(new PatientProvider(reads),
        new ClinicalProvider<>(reads, Observation.class),
        new ClinicalProvider<>(reads, Immunization.class),
        new ClinicalProvider<>(reads, Condition.class),
        new AuditEventProvider(reads)));
    fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
    fhir.setImplementationDescription("pqzk custodian " + custodian.info().name()
        + ": read-only FHIR facade");

    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    http.addCustomizer(secure);
    ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl(o), "http/1.1"),
        new HttpConnectionFactory(http));
    c.setHost(o.host());
    c.setPort(o.port());
    server.addConnector(c);
    ServletContextHandler ctx = new ServletContextHandler();
    ctx.setContextPath("/");
    ctx.addServlet(new ServletHolder(fhir), "/fhir/*");
    server.setHandler(ctx);
    RedactedRequestLog log = null;
    try {
      if (o.requestLog() != null) {
        log = new RedactedRequestLog(o.requestLog());
        server.setRequestLog(log);
      }
      server.start();
      return new FhirFacade(server, c, log);
    } catch (Exception e) {
      // Jetty's start() throws Exception: whatever failed, nothing keeps running
      try {
        server.stop();
        if (log != null) {
          log.close();
        }
      } catch (Exception ignored) {
        // already failing
      }
      throw new FhirException("the FHIR facade did not start on " + o.host() + ":" + o.port()
          + ": " + e.getMessage(), e);
    }
  }

  private static SslContextFactory.Server ssl(Options o) throws FhirException {
    try {
      char[] pw = new char[24];
      byte[] r = new byte[18];
      new SecureRandom().nextBytes(r);
      Base64.getEncoder().encodeToString(r).getChars(0, 24, pw, 0);
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("facade", o.certificate().key(), pw,
          new Certificate[] {o.certificate().certificate(), o.trustedCa()});
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", o.trustedCa());
      SslContextFactory.Server s = new SslContextFactory.Server();
      s.setKeyStore(keys);
      s.setKeyStorePassword(new String(pw));
      s.setTrustStore(trust);
      s.setNeedClientAuth(true);
      s.setIncludeProtocols("TLSv1.3", "TLSv1.2");
      java.util.Arrays.fill(pw, '\0');
      return s;
    } catch (GeneralSecurityException | IOException e) {
      throw new FhirException("the facade's TLS keys: " + e.getMessage(), e);
    }
  }

  /** The port it listens on (the one chosen when the options said 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Blocks until the facade is stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IOException("the FHIR facade did not stop cleanly: " + e.getMessage(), e);
    } finally {
      if (log != null) {
        log.close();
      }
    }
  }
}
