package io.pqzk.records.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** This module's HPKE suite: round trips, and every mutation refused by name. */
class HpkeTest {
  private static final byte[] INFO = "pqzk/v1/test".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AAD = {9, 8, 7};

  @Test
  void sealThenOpen_roundTrips_withTheDraftsSizes() throws Exception {
    KemPrivateKey sk = Hpke.generate();
    byte[] pt = "a medical record".getBytes(StandardCharsets.UTF_8);
    Hpke.Sealed s = Hpke.seal(sk.publicKey(), INFO, AAD, pt);
    assertEquals(1120, s.enc().length);
    assertEquals(pt.length + 16, s.ciphertext().length);
    assertArrayEquals(pt, Hpke.open(sk, s, INFO, AAD));
  }

  @Test
  void mutations_failToOpen() throws Exception {
    KemPrivateKey sk = Hpke.generate();
    Hpke.Sealed s = Hpke.seal(sk.publicKey(), INFO, AAD, new byte[100]);
    for (int i = 0; i < s.enc().length; i += 37) {
      byte[] enc = s.enc().clone();
      enc[i] ^= 1;
      assertThrows(HpkeOpenException.class,
          () -> Hpke.open(sk, new Hpke.Sealed(enc, s.ciphertext()), INFO, AAD), "enc byte " + i);
    }
    for (int i = 0; i < s.ciphertext().length; i++) {
      byte[] ct = s.ciphertext().clone();
      ct[i] ^= (byte) 0x80;
      assertThrows(HpkeOpenException.class,
          () -> Hpke.open(sk, new Hpke.Sealed(s.enc(), ct), INFO, AAD), "ciphertext byte " + i);
    }
    assertThrows(HpkeOpenException.class, () -> Hpke.open(sk, s, new byte[] {1}, AAD));
    assertThrows(HpkeOpenException.class, () -> Hpke.open(sk, s, INFO, new byte[0]));
    assertThrows(HpkeOpenException.class, () -> Hpke.open(Hpke.generate(), s, INFO, AAD));
  }

  @Test
  void privateKey_isRedacted_comparedByValue_andDestroyed() throws Exception {
    KemPrivateKey sk = Hpke.generate();
    KemPrivateKey same = KemPrivateKey.fromSeed(sk.seed());
    assertEquals(sk, same);
    assertEquals(sk.publicKey(), same.publicKey());
    assertTrue(sk.toString().contains("redacted"));
    assertFalse(sk.toString().contains(java.util.HexFormat.of().formatHex(sk.seed())));
    same.destroy();
    assertTrue(same.isDestroyed());
    assertThrows(IllegalStateException.class, same::seed);
  }

  @Test
  void aPublicKeyFailingMlKemsCheck_isRefusedAtSeal() throws Exception {
    // all-ones coefficients are >= q: FIPS 203 section 7.2's encapsulation key check fails
    byte[] raw = new byte[XWing.PUBLIC_KEY_BYTES];
    java.util.Arrays.fill(raw, 0, 1152, (byte) 0xff);
    KemPublicKey bad;
    try {
      bad = KemPublicKey.of(raw);
    } catch (KemException refusedAtParse) {
      return;
    }
    assertThrows(KemException.class, () -> Hpke.seal(bad, INFO, AAD, new byte[1]));
  }
}
