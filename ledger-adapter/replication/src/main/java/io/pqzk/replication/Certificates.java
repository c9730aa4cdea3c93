package io.pqzk.replication;

import io.pqzk.common.DurableFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority for a test or small network, and the certificates it issues:
 * ECDSA P-256 keys, each node's certificate valid for both server and client use with the
 * host names and addresses it listens on, each client's for client use only. A production
 * network would use its own PKI; these files are what {@link Tls} reads.
 */
public final class Certificates {
  /** The CA's certificate and key in a folder: {@code ca.pem}, {@code ca.key}. */
  public record Authority(X509Certificate certificate, PrivateKey key) {}

  private static final long YEAR_MILLIS = 365L * 24 * 3600 * 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  /** A new CA, written as {@code dir/ca.pem} and {@code dir/ca.key} (0600). */
  public static Authority newAuthority(Path dir, String name) throws IOException {
    try {
      KeyPair kp = keyPair();
      X500Name subject = new X500Name("CN=" + name);
      X509v3CertificateBuilder b = builder(subject, subject, kp);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign
          | KeyUsage.cRLSign));
      X509Certificate cert = sign(b, kp.getPrivate());
      write(dir.resolve("ca.pem"), "CERTIFICATE", cert.getEncoded(), false);
      write(dir.resolve("ca.key"), "PRIVATE KEY", kp.getPrivate().getEncoded(), true);
      return new Authority(cert, kp.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make a CA: " + e.getMessage(), e);
    }
  }

  /** Reads a CA written by {@link #newAuthority}. */
  public static Authority readAuthority(Path dir) throws IOException, GeneralSecurityException {
    return new Authority(Tls.readCertificate(dir.resolve("ca.pem")),
        Tls.readKey(dir.resolve("ca.key")));
  }

  /**
   * Issues a certificate for {@code name}, written to {@code dir/NAME.pem} and {@code
   * dir/NAME.key} (0600), with the CA's certificate copied to {@code dir/ca.pem}.
   *
   * @param hosts DNS names and IP addresses it is valid for (a node's); empty for a client
   */
  public static Tls issue(Authority ca, Path dir, String name, List<String> hosts)
      throws IOException {
    try {
      KeyPair kp = keyPair();
      X509v3CertificateBuilder b = builder(
          new X500Name(ca.certificate().getSubjectX500Principal().getName()),
          new X500Name("CN=" + name), kp);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      List<KeyPurposeId> purposes = new ArrayList<>(List.of(KeyPurposeId.id_kp_clientAuth));
      if (!hosts.isEmpty()) {
        purposes.add(KeyPurposeId.id_kp_serverAuth);
        List<GeneralName> names = new ArrayList<>();
        for (String h : hosts) {
          names.add(isAddress(h) ? new GeneralName(GeneralName.iPAddress, h)
              : new GeneralName(GeneralName.dNSName, h));
        }
        b.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(new GeneralName[0])));
      }
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
      X509Certificate cert = sign(b, ca.key());
      Path certFile = dir.resolve(name + ".pem");
      Path keyFile = dir.resolve(name + ".key");
      write(certFile, "CERTIFICATE", cert.getEncoded(), false);
      write(keyFile, "PRIVATE KEY", kp.getPrivate().getEncoded(), true);
      write(dir.resolve("ca.pem"), "CERTIFICATE", ca.certificate().getEncoded(), false);
      return new Tls(dir.resolve("ca.pem"), certFile, keyFile);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot issue a certificate: " + e.getMessage(), e);
    }
  }

  private static boolean isAddress(String h) {
    if (h.contains(":")) {
      return true;
    }
    return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") && validIp(h);
  }

  private static boolean validIp(String h) {
    try {
      return InetAddress.getByName(h) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
    long now = System.currentTimeMillis();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
        new Date(now - 3_600_000L), new Date(now + 10 * YEAR_MILLIS), subject, kp.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
  }

  private static void write(Path file, String type, byte[] der, boolean secret)
      throws IOException {
    String pem = "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
    java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
    DurableFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII),
        secret ? DurableFiles.Access.SECRET : DurableFiles.Access.PUBLIC,
        DurableFiles.Existing.REPLACE);
  }
}
