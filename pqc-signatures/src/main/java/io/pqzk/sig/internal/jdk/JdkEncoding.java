package io.pqzk.sig.internal.jdk;

import io.pqzk.sig.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The minimal DER the JDK's KeyFactory accepts for ML-DSA keys (RFC 9881 §4 and §6). */
final class JdkEncoding {
  private JdkEncoding() {}

  static ASN1ObjectIdentifier oid(SignatureAlgorithm alg) {
    switch (alg) {
      case ML_DSA_44: return new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.17");
      case ML_DSA_65: return new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.18");
      case ML_DSA_87: return new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.19");
      default: throw new IllegalArgumentException("not ML-DSA: " + alg);
    }
  }

  static byte[] spki(SignatureAlgorithm alg, byte[] raw) {
    try {
      return new SubjectPublicKeyInfo(new AlgorithmIdentifier(oid(alg)), raw).getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PKCS#8 whose privateKey OCTET STRING holds the expandedKey CHOICE (an OCTET STRING). */
  static byte[] pkcs8Expanded(SignatureAlgorithm alg, byte[] expanded) {
    try {
      return new PrivateKeyInfo(new AlgorithmIdentifier(oid(alg)), new DEROctetString(expanded))
          .getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
