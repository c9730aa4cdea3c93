package io.pqzk.records.vault;

import io.pqzk.records.TamperedRecordException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) with 96-bit random nonces and a 128-bit tag, and the associated
 * data of every vault ciphertext: a domain label and length-prefixed fields, so that a ciphertext
 * moved to another record, another chain, another key version or another residency no longer
 * authenticates. Each key encrypts few messages (a data key two, a record key one per version;
 * the key store key one per record), far below the 2^32 random-nonce bound.
 */
final class Aead {
  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Aead() {}

  static byte[] randomKey() {
    byte[] k = new byte[KEY_BYTES];
    RANDOM.nextBytes(k);
    return k;
  }

  static byte[] nonce() {
    byte[] n = new byte[NONCE_BYTES];
    RANDOM.nextBytes(n);
    return n;
  }

  static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(aad);
      return c.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is required by every Java 17 platform", e);
    }
  }

  /**
   * Decrypts; a tag that does not verify is a {@link TamperedRecordException} naming {@code part}
   * and {@code record}.
   */
  static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext, String part,
      String record) throws TamperedRecordException {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(aad);
      return c.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new TamperedRecordException(part, "record " + record + ": the " + part
          + " fails AES-256-GCM authentication (tag mismatch): the stored bytes or their"
          + " associated data were changed", e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new TamperedRecordException(part, "record " + record + ": the " + part
          + " cannot be decrypted (" + e.getMessage() + ")", e);
    }
  }

  /** Associated data: the label, then each field with a 2-byte length. */
  static byte[] aad(String label, byte[]... fields) {
    byte[] l = label.getBytes(StandardCharsets.US_ASCII);
    int n = 2 + l.length;
    for (byte[] f : fields) {
      n += 2 + f.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n).putShort((short) l.length).put(l);
    for (byte[] f : fields) {
      if (f.length > 0xffff) {
        throw new IllegalArgumentException("associated data field too long");
      }
      b.putShort((short) f.length).put(f);
    }
    return b.array();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] u32(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }

  static void wipe(byte[]... secrets) {
    for (byte[] s : secrets) {
      if (s != null) {
        java.util.Arrays.fill(s, (byte) 0);
      }
    }
  }
}
