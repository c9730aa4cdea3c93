package io.pqzk.records.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMExtractor;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMGenerator;
import org.bouncycastle.pqc.crypto.xwing.XWingPrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BouncyCastle 1.87's X-Wing (the KEM under this module's HPKE) against the three vectors of
 * draft-connolly-cfrg-xwing-kem, appendix C: the public key expanded from the seed, decapsulation,
 * and encapsulation with the vector's randomness (ML-KEM's 32 bytes first, then the X25519
 * ephemeral secret, which is the order BouncyCastle draws them in). Then mutations: a flipped bit
 * anywhere in the ciphertext changes the shared secret (ML-KEM's implicit rejection, and the
 * combiner hashing the X25519 part).
 */
class XWingVectorsTest {
  static Stream<Arguments> vectors() {
    List<JsonObject> v = KemVectors.read(KemVectors.XWING);
    return IntStream.range(0, v.size()).mapToObj(i -> Arguments.of("xwing-" + i, v.get(i)));
  }

  @Test
  void threeVectorsArePublished() {
    assertEquals(3, KemVectors.read(KemVectors.XWING).size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void publicKey_isExpandedFromTheSeed(String id, JsonObject v) throws Exception {
    assertArrayEquals(KemVectors.hex(v, "seed"), KemVectors.hex(v, "sk"), id);
    KemPrivateKey sk = KemPrivateKey.fromSeed(KemVectors.hex(v, "sk"));
    assertArrayEquals(KemVectors.hex(v, "pk"), sk.publicKey().raw(), id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decapsulation_givesTheSharedSecret(String id, JsonObject v) {
    XWingPrivateKeyParameters sk = new XWingPrivateKeyParameters(KemVectors.hex(v, "sk"));
    assertArrayEquals(KemVectors.hex(v, "ss"),
        new XWingKEMExtractor(sk).extractSecret(KemVectors.hex(v, "ct")), id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void encapsulationWithTheVectorsRandomness_givesItsCiphertext(String id, JsonObject v)
      throws Exception {
    KemVectors.FixedRandom eseed = new KemVectors.FixedRandom(KemVectors.hex(v, "eseed"));
    SecretWithEncapsulation s = new XWingKEMGenerator(eseed)
        .generateEncapsulated(KemPublicKey.of(KemVectors.hex(v, "pk")).parameters());
    assertArrayEquals(KemVectors.hex(v, "ct"), s.getEncapsulation(), id);
    assertArrayEquals(KemVectors.hex(v, "ss"), s.getSecret(), id);
    assertTrue(eseed.usedUp(), "all 64 bytes of eseed are used");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyFlippedCiphertextBit_changesTheSecret(String id, JsonObject v) {
    XWingKEMExtractor x = new XWingKEMExtractor(
        new XWingPrivateKeyParameters(KemVectors.hex(v, "sk")));
    byte[] ss = KemVectors.hex(v, "ss");
    byte[] ct = KemVectors.hex(v, "ct");
    int same = 0;
    // every byte of the ML-KEM part at one bit, and every bit of the X25519 part
    for (int i = 0; i < ct.length; i++) {
      for (int bit = 0; bit < (i < 1088 ? 1 : 8); bit++) {
        byte[] m = ct.clone();
        m[i] ^= (byte) (1 << bit);
        if (java.util.Arrays.equals(ss, x.extractSecret(m))) {
          same++;
        }
      }
    }
    assertEquals(0, same, id + ": flipped ciphertexts that kept the shared secret");
  }

  @Test
  void wrongLengths_areRefused() {
    assertThrows(KemException.class, () -> KemPrivateKey.fromSeed(new byte[31]));
    assertThrows(KemException.class, () -> KemPublicKey.of(new byte[1215]));
  }
}
