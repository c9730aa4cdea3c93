package io.pqzk.sig.internal;

import io.pqzk.sig.PreHash;
import io.pqzk.sig.SignatureOptions;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Xof;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SHA512tDigest;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * The message formatting shared by FIPS 204 and FIPS 205, done once here so that every provider
 * and mode (pure, pre-hash, internal, external mu) signs exactly the same bytes.
 */
public final class MessageFormat {
  /** Length of ML-DSA's mu and tr (FIPS 204 Alg. 7 line 6, Alg. 6 line 6). */
  public static final int MU_LENGTH = 64;

  private MessageFormat() {}

  /**
   * The bytes of M' before the message part: 0 || |ctx| || ctx (pure) or 1 || |ctx| || ctx ||
   * OID(PH) (pre-hash); {@code null} for the internal interface, where the input is M' itself.
   * Kept apart from the message so that large messages are never copied. (FIPS 204 Alg. 2
   * line 10 and Alg. 4 line 23; FIPS 205 Alg. 22 line 8 and Alg. 23 line 24.)
   */
  public static byte[] prefix(SignatureOptions options) {
    if (options.input() != SignatureOptions.Input.MESSAGE) {
      return null;
    }
    byte[] ctx = options.context();
    PreHash ph = options.preHash();
    byte[] oid = ph == null ? new byte[0] : ph.oidDer();
    byte[] out = new byte[2 + ctx.length + oid.length];
    out[0] = (byte) (ph == null ? 0 : 1);
    out[1] = (byte) ctx.length;
    System.arraycopy(ctx, 0, out, 2, ctx.length);
    System.arraycopy(oid, 0, out, 2 + ctx.length, oid.length);
    return out;
  }

  /** The message part of M': M itself, or PH(M) for pre-hash signing. */
  public static byte[] body(byte[] message, SignatureOptions options) {
    return options.input() == SignatureOptions.Input.MESSAGE && options.isPreHash()
        ? preHash(options.preHash(), message) : message;
  }

  /** mu = H(tr || M', 64) with M' = prefix || body, hashed in place. */
  public static byte[] mu(byte[] tr, byte[] message, SignatureOptions options) {
    byte[] prefix = prefix(options);
    byte[] body = body(message, options);
    return prefix == null ? shake256(MU_LENGTH, tr, body) : shake256(MU_LENGTH, tr, prefix, body);
  }

  /** PH(M): the digest with the output length FIPS 204 Alg. 4 fixes (SHAKE128 256 bits, SHAKE256 512). */
  public static byte[] preHash(PreHash ph, byte[] message) {
    Digest d = newDigest(ph);
    d.update(message, 0, message.length);
    byte[] out = new byte[ph.outputLength()];
    if (d instanceof Xof) {
      ((Xof) d).doFinal(out, 0, out.length);
    } else {
      d.doFinal(out, 0);
    }
    return out;
  }

  private static Digest newDigest(PreHash ph) {
    switch (ph) {
      case SHA2_224: return new SHA224Digest();
      case SHA2_256: return new SHA256Digest();
      case SHA2_384: return new SHA384Digest();
      case SHA2_512: return new SHA512Digest();
      case SHA2_512_224: return new SHA512tDigest(224);
      case SHA2_512_256: return new SHA512tDigest(256);
      case SHA3_224: return new SHA3Digest(224);
      case SHA3_256: return new SHA3Digest(256);
      case SHA3_384: return new SHA3Digest(384);
      case SHA3_512: return new SHA3Digest(512);
      case SHAKE_128: return new SHAKEDigest(128);
      case SHAKE_256: return new SHAKEDigest(256);
      default: throw new IllegalStateException("no digest for " + ph);
    }
  }

  /** tr = H(pk, 64) (FIPS 204 Alg. 6 line 6, Alg. 8 line 6). */
  public static byte[] tr(byte[] publicKey) {
    return shake256(MU_LENGTH, publicKey);
  }

  /** mu = H(tr || M', 64) (FIPS 204 Alg. 7 line 6). */
  public static byte[] mu(byte[] tr, byte[] messagePrime) {
    return shake256(MU_LENGTH, tr, messagePrime);
  }

  private static byte[] shake256(int outLen, byte[]... parts) {
    SHAKEDigest d = new SHAKEDigest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[outLen];
    d.doFinal(out, 0, outLen);
    return out;
  }
}
