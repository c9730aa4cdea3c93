package io.pqzk.ledger.crypto;

import io.pqzk.sig.SignatureAlgorithm;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * X.509 SubjectPublicKeyInfo for ML-DSA (RFC 9881) and SLH-DSA (RFC 9909): {@code SEQUENCE {
 * SEQUENCE { OID }, BIT STRING raw-key }}, parameters absent. The OIDs are NIST's
 * (csor.nist.gov, sigAlgs arc 2.16.840.1.101.3.4.3): ML-DSA-44/65/87 = .17/.18/.19, SLH-DSA
 * SHA2-128s..256f = .20..25, SHAKE-128s..256f = .26..31. Decoding accepts exactly the DER this
 * class writes, nothing else, so one key has one key id.
 *
 * <p>TODO(sig): replace by the signature module's encodings once they are merged.
 */
final class Spki {
  private Spki() {}

  static int oidArc(SignatureAlgorithm a) {
    return switch (a) {
      case ML_DSA_44 -> 17;
      case ML_DSA_65 -> 18;
      case ML_DSA_87 -> 19;
      case SLH_DSA_SHA2_128S -> 20;
      case SLH_DSA_SHA2_128F -> 21;
      case SLH_DSA_SHA2_192S -> 22;
      case SLH_DSA_SHA2_192F -> 23;
      case SLH_DSA_SHA2_256S -> 24;
      case SLH_DSA_SHA2_256F -> 25;
      case SLH_DSA_SHAKE_128S -> 26;
      case SLH_DSA_SHAKE_128F -> 27;
      case SLH_DSA_SHAKE_192S -> 28;
      case SLH_DSA_SHAKE_192F -> 29;
      case SLH_DSA_SHAKE_256S -> 30;
      case SLH_DSA_SHAKE_256F -> 31;
      default -> throw new IllegalArgumentException("no SPKI encoding for " + a.displayName());
    };
  }

  static byte[] encode(SignatureAlgorithm a, byte[] raw) {
    byte[] algId = {0x30, 0x0b, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03,
        (byte) oidArc(a)};
    ByteArrayOutputStream bits = new ByteArrayOutputStream();
    bits.write(0x03);
    writeLength(bits, raw.length + 1);
    bits.write(0x00);
    bits.writeBytes(raw);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    writeLength(out, algId.length + bits.size());
    out.writeBytes(algId);
    out.writeBytes(bits.toByteArray());
    return out.toByteArray();
  }

  /** The raw key inside {@code spki}; throws when it is not exactly our encoding for {@code a}. */
  static byte[] decode(SignatureAlgorithm a, byte[] spki) throws java.security.spec.InvalidKeySpecException {
    int rawLength = a.publicKeyLength();
    byte[] expectedPrefix = Arrays.copyOf(encode(a, new byte[rawLength]),
        encode(a, new byte[rawLength]).length - rawLength);
    if (spki.length != expectedPrefix.length + rawLength
        || !Arrays.equals(Arrays.copyOf(spki, expectedPrefix.length), expectedPrefix)) {
      throw new java.security.spec.InvalidKeySpecException("not a DER SubjectPublicKeyInfo of an "
          + a.displayName() + " key (" + spki.length + " bytes)");
    }
    return Arrays.copyOfRange(spki, expectedPrefix.length, spki.length);
  }

  private static void writeLength(ByteArrayOutputStream out, int n) {
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    }
  }
}
