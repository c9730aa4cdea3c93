package io.pqzk.replication;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.apache.ratis.grpc.GrpcTlsConfig;

/**
 * Mutual TLS for a network: every peer connection and every client connection presents a
 * certificate issued by the network's CA and checks the other side's against it. A client
 * without such a certificate is refused in the TLS handshake, before any request is read.
 * The TLS keys are classical ECDSA P-256 (what TLS stacks accept today); the ledger's own
 * signatures stay ML-DSA and SLH-DSA.
 */
public record Tls(Path ca, Path certificate, Path privateKey) {

  /** Credentials of the client API server: clients must present a certificate of the CA. */
  public ServerCredentials serverCredentials() throws ConfigException {
    try {
      return TlsServerCredentials.newBuilder().keyManager(certificate.toFile(),
          privateKey.toFile()).trustManager(ca.toFile())
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("cannot load the TLS key " + privateKey + " or certificate "
          + certificate + " (" + e.getMessage() + ")", e);
    }
  }

  /** Credentials of a client of the API: its certificate, and the CA it trusts. */
  public ChannelCredentials channelCredentials() throws ConfigException {
    try {
      return TlsChannelCredentials.newBuilder().keyManager(certificate.toFile(),
          privateKey.toFile()).trustManager(ca.toFile()).build();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("cannot load the TLS key " + privateKey + " or certificate "
          + certificate + " (" + e.getMessage() + ")", e);
    }
  }

  /** The replication endpoint's mutual TLS (Raft between peers, and their clients). */
  GrpcTlsConfig ratis() throws ConfigException {
    try {
      return new GrpcTlsConfig(readKey(privateKey), readCertificate(certificate),
          readCertificate(ca), true);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new ConfigException("cannot load the TLS files " + privateKey + ", " + certificate
          + ", " + ca + " (" + e.getMessage() + ")", e);
    }
  }

  static X509Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(Files.readAllBytes(pem)));
  }

  static PrivateKey readKey(Path pem) throws IOException, GeneralSecurityException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    int from = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int to = text.indexOf("-----END PRIVATE KEY-----");
    if (from < 0 || to < from) {
      throw new GeneralSecurityException(pem + " holds no PEM \"PRIVATE KEY\" (PKCS#8)");
    }
    byte[] der = Base64.getMimeDecoder().decode(text.substring(from + 27, to));
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
