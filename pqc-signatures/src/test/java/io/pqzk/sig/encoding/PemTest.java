package io.pqzk.sig.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
