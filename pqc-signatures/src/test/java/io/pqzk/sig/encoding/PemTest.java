package io.pqzk.sig.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.MalformedKeyException;
import org.junit.jupiter.api.Test;

/** PEM blocks, including the malformed ones a fuzzer wrote. */
class PemTest {
  @Test
  void endMarkerSharingTheBeginMarkersDashes_isMalformed() {
    // found by KeyCodecFuzzTest: the end marker was searched from the start of the begin
    // marker, found inside its dashes, and the base64 substring had a negative length
    MalformedKeyException e = assertThrows(MalformedKeyException.class, () -> Pem.decode(
        "-----BEGIN PUBLIC KEY------END PUBLIC KEY-----", "PUBLIC KEY"));
    assertTrue(e.getMessage().contains("expected a PEM block 'PUBLIC KEY'"), e.getMessage());
    assertThrows(MalformedKeyException.class, () -> KeyCodec.privateKeyFromPem(
        "-----BEGIN PRIVATE KEY------END PRIVATE KEY-----\n", null));
  }

  @Test
  void encodeThenDecode_givesTheBytes() throws Exception {
    byte[] der = {0x30, 3, 2, 1, 7};
    assertArrayEquals(der, Pem.decode(Pem.encode("PUBLIC KEY", der), "PUBLIC KEY"));
  }

  /**
   * Found by SigBridgeFuzzTest: a begin marker whose closing dashes came two lines later made a
   * "label" of base64 lines, which pqzk sign printed in its refusal (three lines, not one).
   */
  @Test
  void label_isOnePrintableLine_orNone() {
    assertNull(Pem.label("-----BEGIN tNxhwlSJtv\n0ExsAgMAgAACAQgC\nmX4GALI09Y==\n-----"));
    assertNull(Pem.label("-----BEGIN PRIVATE\tKEY-----"));
    assertNull(Pem.label("-----BEGIN " + "A".repeat(Pem.MAX_LABEL + 1) + "-----"));
    assertNull(Pem.label("-----BEGIN PUBLIC  KEY-----"));
    assertNull(Pem.label("-----BEGIN  PUBLIC KEY-----"));
    assertEquals("A".repeat(Pem.MAX_LABEL),
        Pem.label("-----BEGIN " + "A".repeat(Pem.MAX_LABEL) + "-----"));
    for (String ok : new String[] {"PUBLIC KEY", "ENCRYPTED PRIVATE KEY", "X509 CRL",
        "ML-KEM-768 PRIVATE KEY", ""}) {
      assertEquals(ok, Pem.label("junk\n-----BEGIN " + ok + "-----\nAAAA\n-----END " + ok
          + "-----\n"));
    }
  }
}
