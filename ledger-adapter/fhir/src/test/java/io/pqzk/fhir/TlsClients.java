package io.pqzk.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import io.pqzk.records.service.Pki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/** HAPI generic clients and curl files for the facade, with or without a client certificate. */
public final class TlsClients {
  private static final char[] PW = "test".toCharArray();

  private TlsClients() {}

  /** An SSL context trusting {@code ca}, presenting {@code client} (null: no certificate). */
  public static SSLContext ssl(Pki.Issued ca, Pki.Issued client) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (client != null) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", client.key(), PW, new Certificate[] {client.certificate()});
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, PW);
    }
    SSLContext s = SSLContext.getInstance("TLS");
    s.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return s;
  }

  /**
   * HAPI's generic client for {@code base} with its own context (the server's is shared), over
   * TLS as {@code client}, stating {@code headers} on every request.
   */
  public static IGenericClient fhir(String base, Pki.Issued ca, Pki.Issued client,
      Map<String, String> headers) throws Exception {
    FhirContext ctx = FhirContext.forR4();
    CloseableHttpClient http = HttpClients.custom().setSSLContext(ssl(ca, client)).build();
    ctx.getRestfulClientFactory().setHttpClient(http);
    ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient c = ctx.newRestfulGenericClient(base);
    AdditionalRequestHeadersInterceptor h = new AdditionalRequestHeadersInterceptor();
    headers.forEach(h::addHeaderValue);
    c.registerInterceptor(h);
    return c;
  }

  /** Writes PEM files for curl: {@code name.crt}, {@code name.key} (unencrypted), ca.crt. */
  public static void pem(Path dir, String name, Pki.Issued ca, Pki.Issued client)
      throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("ca.crt"), pem("CERTIFICATE", ca.certificate().getEncoded()));
    if (client != null) {
      Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE",
          client.certificate().getEncoded()));
      Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY",
          client.key().getEncoded()));
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(
        StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
