package io.pqzk.sig.internal.jdk;

import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.internal.Oids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The minimal DER the JDK's KeyFactory accepts for ML-DSA keys (RFC 9881 §4 and §6). */
final class JdkEncoding {
  private JdkEncoding() {}

  static ASN1ObjectIdentifier oid(SignatureAlgorithm alg) {
    return Oids.of(alg);
  }

  /**
   * Raw keys from the JDK's encodings: SPKI's BIT STRING, and PKCS#8 whose privateKey holds the
   * RFC 9881 expandedKey OCTET STRING (the only form JDK 25 writes).
   */
  static PqKeyPair toPair(SignatureAlgorithm alg, byte[] spki, byte[] pkcs8)
      throws PqSignatureException {
    byte[] raw = SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getBytes();
    PqPublicKey pk = PqPublicKey.fromRaw(alg, raw);
    byte[] inner = PrivateKeyInfo.getInstance(pkcs8).getPrivateKey().getOctets();
    byte[] expanded = null;
    try {
      ASN1Primitive p = ASN1Primitive.fromByteArray(inner);
      if (!(p instanceof ASN1OctetString)) {
        throw new MalformedKeyException(alg.displayName()
            + " JDK private key is not in RFC 9881 expanded form");
      }
      expanded = ((ASN1OctetString) p).getOctets();
      return new PqKeyPair(pk, PqPrivateKey.fromPartsUnchecked(alg, null, expanded, pk));
    } catch (IOException e) {
      throw new MalformedKeyException(alg.displayName() + " JDK private key does not parse", e);
    } finally {
      Arrays.fill(inner, (byte) 0);
      if (expanded != null) {
        Arrays.fill(expanded, (byte) 0);
      }
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
