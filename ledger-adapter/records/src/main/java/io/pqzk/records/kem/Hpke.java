package io.pqzk.records.kem;

import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.pqc.crypto.xwing.XWingKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.xwing.XWingKeyPairGenerator;
import org.bouncycastle.pqc.crypto.xwing.XWingPrivateKeyParameters;

/**
 * HPKE (RFC 9180) in base mode with the one suite this project uses: KEM X-Wing (0x647a,
 * draft-ietf-hpke-pq), KDF HKDF-SHA256 (0x0001), AEAD AES-256-GCM (0x0002). Single-shot: one
 * encapsulation per message (RFC 9180 section 6.1), so the AEAD nonce is the base nonce and never
 * repeats under a key. BouncyCastle 1.87 does the work ({@code org.bouncycastle.crypto.hpke.HPKE});
 * its X-Wing and its HPKE key schedule agree with the X-Wing draft's and the HPKE-PQ draft's
 * published vectors (see the module's tests). Thread-safe (stateless).
 */
public final class Hpke {
  /** {@code enc} is an X-Wing ciphertext: 1120 bytes. */
  public static final int ENC_BYTES = XWing.CIPHERTEXT_BYTES;
  /** AES-256-GCM's tag: a sealed message is 16 bytes longer than its plaintext. */
  public static final int TAG_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** An HPKE single-shot output: the encapsulation and the AEAD ciphertext. Public data. */
  public record Sealed(byte[] enc, byte[] ciphertext) {}

  private Hpke() {}

  private static HPKE suite() {
    return new HPKE(HPKE.mode_base, HPKE.kem_X_WING, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }

  /** A fresh X-Wing key pair (a 32-byte seed from the system's strong random source). */
  public static KemPrivateKey generate() {
    XWingKeyPairGenerator g = new XWingKeyPairGenerator();
    g.init(new XWingKeyGenerationParameters(RANDOM));
    AsymmetricCipherKeyPair kp = g.generateKeyPair();
    byte[] seed = ((XWingPrivateKeyParameters) kp.getPrivate()).getSeed();
    try {
      return KemPrivateKey.fromSeed(seed);
    } catch (KemException e) {
      throw new IllegalStateException("BouncyCastle made an X-Wing key it cannot read", e);
    } finally {
      java.util.Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Seals {@code plaintext} to {@code recipient} under {@code info} (bound into the key schedule)
   * and {@code aad} (authenticated, not encrypted).
   *
   * @throws KemException when the recipient's key fails ML-KEM's encapsulation-key check
   */
  public static Sealed seal(KemPublicKey recipient, byte[] info, byte[] aad, byte[] plaintext)
      throws KemException {
    HPKE h = suite();
    try {
      HPKEContextWithEncapsulation ctx = h.setupBaseS(recipient.parameters(), info);
      byte[] ct = ctx.seal(aad, plaintext);
      return new Sealed(ctx.getEncapsulation(), ct);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new KemException("HPKE seal to " + recipient + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Opens what {@link #seal} made for {@code recipient}.
   *
   * @throws HpkeOpenException when the AEAD tag does not verify (anything changed, or another key)
   */
  public static byte[] open(KemPrivateKey recipient, Sealed sealed, byte[] info, byte[] aad)
      throws KemException {
    if (sealed.enc().length != ENC_BYTES) {
      throw new HpkeOpenException("HPKE encapsulation is " + sealed.enc().length + " bytes, an"
          + " X-Wing ciphertext is " + ENC_BYTES, null);
    }
    HPKE h = suite();
    XWingPrivateKeyParameters sk = recipient.parameters();
    AsymmetricCipherKeyPair kp = new AsymmetricCipherKeyPair(sk.getPublicKeyParameters(), sk);
    try {
      HPKEContext ctx = h.setupBaseR(sealed.enc(), kp, info);
      return ctx.open(aad, sealed.ciphertext());
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new HpkeOpenException("HPKE open failed: the AES-256-GCM tag does not verify (the"
          + " ciphertext, encapsulation, info or associated data changed, or it was sealed to"
          + " another key)", e);
    }
  }
}
