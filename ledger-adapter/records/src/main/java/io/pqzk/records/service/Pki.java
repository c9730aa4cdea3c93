package io.pqzk.records.service;

import io.pqzk.common.DurableFiles;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.encoding.Pem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority for the custodian's mutual TLS: a CA, a server certificate
 * (names and loopback addresses in its subjectAltName) and client certificates, all ECDSA P-256
 * with SHA-256 (TLS in the JDK has no post-quantum certificates; the transport is classical, and
 * documents travel HPKE-sealed inside it). Private keys are written in the project's encrypted
 * PKCS#8 ("ENCRYPTED PRIVATE KEY", PBES2 with PBKDF2 and AES-256-CBC), mode 0600; certificates as
 * PEM. A reader's client certificate is bound to the reader on the ledger by its SHA-256 ({@link
 * #fingerprint}).
 */
public final class Pki {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A certificate and its private key. */
  public record Issued(X509Certificate certificate, PrivateKey key) {
    @Override
    public String toString() {
      return "Issued[" + certificate.getSubjectX500Principal() + ", key redacted]";
    }
  }

  private Pki() {}

  private static KeyPair p256() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  /** A new CA, valid for ten years. */
  public static Issued newAuthority(String name) throws GeneralSecurityException {
    KeyPair kp = p256();
    X500Name dn = new X500Name("CN=" + name);
    X509v3CertificateBuilder b = builder(dn, dn, kp);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return new Issued(sign(b, kp.getPrivate()), kp.getPrivate());
  }

  /**
   * A certificate for {@code name} issued by {@code ca}: a server's (with {@code hosts} as DNS
   * names or IP addresses) or a client's.
   */
  public static Issued issue(Issued ca, String name, boolean server, List<String> hosts)
      throws GeneralSecurityException {
    KeyPair kp = p256();
    X509v3CertificateBuilder b = builder(new X500Name(
        ca.certificate().getSubjectX500Principal().getName()), new X500Name("CN=" + name), kp);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
      if (!hosts.isEmpty()) {
        List<GeneralName> names = new ArrayList<>();
        for (String h : hosts) {
          names.add(h.matches("[0-9.]+|[0-9a-fA-F:]+:[0-9a-fA-F:]*")
              ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h));
        }
        b.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(GeneralName[]::new)));
      }
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return new Issued(sign(b, ca.key()), kp.getPrivate());
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))),
        subject, kp.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer)));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** SHA-256 of the certificate's DER: what the ledger binds to a reader. */
  public static byte[] fingerprint(X509Certificate c) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path certificateFile(Path dir, String name) {
    return dir.resolve(name + ".crt.pem");
  }

  public static Path keyFile(Path dir, String name) {
    return dir.resolve(name + ".tls.key");
  }

  /** Writes {@code name.crt.pem} and {@code name.tls.key} (encrypted, mode 0600). */
  public static void write(Path dir, String name, Issued issued, char[] passphrase)
      throws IOException {
    Files.createDirectories(dir);
    byte[] clear = issued.key().getEncoded();
    try {
      DurableFiles.write(certificateFile(dir, name), Pem.encode("CERTIFICATE",
          issued.certificate().getEncoded()).getBytes(StandardCharsets.US_ASCII),
          DurableFiles.Access.PUBLIC, DurableFiles.Existing.REPLACE);
      DurableFiles.write(keyFile(dir, name), Pem.encode(KeyCodec.PEM_ENCRYPTED,
          KeyCodec.encryptPkcs8(clear, passphrase)).getBytes(StandardCharsets.US_ASCII),
          DurableFiles.Access.SECRET, DurableFiles.Existing.REPLACE);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write the TLS key of " + name + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** Reads a PEM certificate. */
  public static X509Certificate readCertificate(Path file) throws InvalidRecordInputException {
    try {
      byte[] der = Pem.decode(Files.readString(file, StandardCharsets.US_ASCII), "CERTIFICATE");
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidRecordInputException(file + ": not a PEM certificate ("
          + e.getMessage() + ")", e);
    }
  }

  /** Reads an encrypted PKCS#8 ECDSA key written by {@link #write}. */
  public static PrivateKey readKey(Path file, char[] passphrase)
      throws InvalidRecordInputException {
    byte[] clear = null;
    try {
      clear = KeyCodec.decryptPkcs8(Pem.decode(Files.readString(file, StandardCharsets.US_ASCII),
          KeyCodec.PEM_ENCRYPTED), passphrase);
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(clear));
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidRecordInputException(file + ": cannot read the TLS key ("
          + e.getMessage() + ")", e);
    } finally {
      if (clear != null) {
        Arrays.fill(clear, (byte) 0);
      }
    }
  }

  /** Reads {@code name.crt.pem} and {@code name.tls.key} from {@code dir}. */
  public static Issued read(Path dir, String name, char[] passphrase)
      throws InvalidRecordInputException {
    return new Issued(readCertificate(certificateFile(dir, name)),
        readKey(keyFile(dir, name), passphrase));
  }
}
