package io.pqzk.zk.groth16claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.UnavailableProofSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digests a genesis pins beside the claim key: SHA-256 of exact file bytes, recomputable. */
class ClaimCircuitDigestTest {
  private static final Path SOURCE = Path.of("src", "main", "resources", "circuits", "claim.zok");

  private static byte[] sha256(byte[] b) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  @Test
  void sourceDigest_isSha256OfTheRepositoryFileBytes() throws Exception {
    byte[] expected = sha256(Files.readAllBytes(SOURCE));
    ClaimCircuit c = ClaimCircuit.load();
    assertArrayEquals(expected, c.sourceDigest());
    assertArrayEquals(expected, ClaimCircuit.fileDigest(SOURCE)); // what sha256sum prints
    // the default artifact directory is named by the same digest
    assertEquals(HexFormat.of().formatHex(expected, 0, 8), ClaimCircuit.id(c.source()));
  }

  @Test
  void sourceDigest_returnsAFreshArray() {
    ClaimCircuit c = ClaimCircuit.load();
    byte[] d = c.sourceDigest();
    byte[] copy = d.clone();
    d[0] ^= 1;
    assertArrayEquals(copy, c.sourceDigest());
  }

  @Test
  void programDigest_isSha256OfOut(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("out"), "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    // FIPS 180-2, appendix B.1
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(ClaimCircuit.in(dir).programDigest()));
    byte[] big = new byte[200_000]; // longer than one read buffer
    new Random(1).nextBytes(big);
    Files.write(dir.resolve("out"), big);
    byte[] d = ClaimCircuit.in(dir).programDigest();
    assertArrayEquals(sha256(big), d);
    big[123_456] ^= 1;
    Files.write(dir.resolve("out"), big);
    assertFalse(Arrays.equals(d, ClaimCircuit.in(dir).programDigest()), "one bit changes it");
  }

  @Test
  void programDigest_noProgram_throwsUnavailableNamingThePath(@TempDir Path dir) {
    UnavailableProofSystemException e = assertThrows(UnavailableProofSystemException.class,
        () -> ClaimCircuit.in(dir).programDigest());
    assertTrue(e.getMessage().contains(dir.resolve("out").toString()), e.getMessage());
  }
}
