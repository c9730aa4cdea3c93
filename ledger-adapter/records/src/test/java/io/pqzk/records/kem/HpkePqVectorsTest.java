package io.pqzk.records.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMExtractor;
import org.bouncycastle.pqc.crypto.xwing.XWingPrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BouncyCastle 1.87's HPKE against the published vectors of draft-ietf-hpke-pq: every suite whose
 * KDF is HKDF (RFC 9180's two-stage KDFs, which BouncyCastle has) is run whole: DeriveKeyPair from
 * ikmR, encapsulation from ikmE, all ten seals and opens, all exports. The suites with the draft's
 * single-stage KDFs (SHAKE128, SHAKE256: 0x0010, 0x0011) are listed and left out, because
 * BouncyCastle 1.87 has none of them; this module does not use them.
 *
 * <p>No published vector uses this module's exact suite (X-Wing, HKDF-SHA256, AES-256-GCM). Its
 * three parts are each covered above (X-Wing with HKDF-SHA256 under ChaCha20Poly1305; AES-256-GCM
 * under ML-KEM-1024 and MLKEM1024-P384 with HKDF-SHA384), and {@link #ourSuite_matchesAnRfc9180KeyScheduleWrittenOut}
 * checks the combination against the key schedule of RFC 9180 section 5.1 written out here over
 * the JDK's HMAC and AES-GCM, first reproducing the X-Wing vector's key, base nonce and exporter
 * secret with it.
 */
class HpkePqVectorsTest {
  /** KEM ids BouncyCastle 1.87 implements in HPKE. */
  private static final Set<Integer> KEMS = Set.of(0x10, 0x11, 0x12, 0x20, 0x21, 0x40, 0x41, 0x42,
      0x50, 0x51, 0x647a);
  private static final Set<Integer> HKDFS = Set.of(1, 2, 3);

  static String id(JsonObject v) {
    return String.format("kem 0x%04x kdf 0x%04x aead 0x%04x", v.get("kem_id").getAsInt(),
        v.get("kdf_id").getAsInt(), v.get("aead_id").getAsInt());
  }

  static boolean runnable(JsonObject v) {
    return KEMS.contains(v.get("kem_id").getAsInt()) && HKDFS.contains(v.get("kdf_id").getAsInt());
  }

  static Stream<Arguments> runnableSuites() {
    return KemVectors.read(KemVectors.HPKE_PQ).stream().filter(HpkePqVectorsTest::runnable)
        .map(v -> Arguments.of(id(v), v));
  }

  @Test
  void whatRunsAndWhatIsLeftOut() {
    List<String> run = new ArrayList<>();
    List<String> out = new ArrayList<>();
    for (JsonObject v : KemVectors.read(KemVectors.HPKE_PQ)) {
      (runnable(v) ? run : out).add(id(v));
    }
    System.out.println("HPKE-PQ suites run: " + run);
    System.out.println("HPKE-PQ suites left out (single-stage KDF, not in BouncyCastle 1.87): "
        + out);
    assertEquals(6, run.size(), run.toString());
    assertTrue(run.contains("kem 0x647a kdf 0x0001 aead 0x0003"), run.toString());
    for (String s : out) {
      assertTrue(s.contains("kdf 0x001"), s);
    }
  }

  private static HPKE hpke(JsonObject v) {
    return new HPKE(HPKE.mode_base, (short) v.get("kem_id").getAsInt(),
        (short) v.get("kdf_id").getAsInt(), (short) v.get("aead_id").getAsInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runnableSuites")
  void deriveKeyPair_fromIkmR(String id, JsonObject v) {
    HPKE h = hpke(v);
    AsymmetricCipherKeyPair kp = h.deriveKeyPair(KemVectors.hex(v, "ikmR"));
    assertArrayEquals(KemVectors.hex(v, "skRm"), h.serializePrivateKey(kp.getPrivate()), id);
    assertArrayEquals(KemVectors.hex(v, "pkRm"), h.serializePublicKey(kp.getPublic()), id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runnableSuites")
  void sender_encapsulatesFromIkmE_andSealsEveryMessage(String id, JsonObject v)
      throws Exception {
    HPKE h = hpke(v);
    if (v.get("kem_id").getAsInt() == 0x50) {
      // A disagreement, not in this module's suite: for MLKEM768-P256 the draft's ikmE is 128
      // bytes, and BouncyCastle 1.87's deterministic encapsulation demands 160. Its key
      // derivation and opening agree with the vector (the other two tests).
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> h.setupBaseS(h.deserializePublicKey(KemVectors.hex(v, "pkRm")),
              KemVectors.hex(v, "info"), KemVectors.hex(v, "ikmE")));
      assertTrue(e.getMessage().contains("160"), e.getMessage());
      assertEquals(128, KemVectors.hex(v, "ikmE").length);
      return;
    }
    HPKEContextWithEncapsulation s = h.setupBaseS(h.deserializePublicKey(KemVectors.hex(v,
        "pkRm")), KemVectors.hex(v, "info"), KemVectors.hex(v, "ikmE"));
    assertArrayEquals(KemVectors.hex(v, "enc"), s.getEncapsulation(), id);
    int n = 0;
    for (JsonElement e : v.getAsJsonArray("encryptions")) {
      JsonObject c = e.getAsJsonObject();
      assertArrayEquals(KemVectors.hex(c, "ct"), s.seal(KemVectors.hex(c, "aad"),
          KemVectors.hex(c, "pt")), id + " encryption " + n++);
    }
    assertEquals(10, n);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runnableSuites")
  void recipient_opensEveryMessage_andExports(String id, JsonObject v) throws Exception {
    HPKE h = hpke(v);
    AsymmetricCipherKeyPair kp = h.deserializePrivateKey(KemVectors.hex(v, "skRm"),
        KemVectors.hex(v, "pkRm"));
    HPKEContext r = h.setupBaseR(KemVectors.hex(v, "enc"), kp, KemVectors.hex(v, "info"));
    int n = 0;
    for (JsonElement e : v.getAsJsonArray("encryptions")) {
      JsonObject c = e.getAsJsonObject();
      assertArrayEquals(KemVectors.hex(c, "pt"), r.open(KemVectors.hex(c, "aad"),
          KemVectors.hex(c, "ct")), id + " encryption " + n++);
    }
    for (JsonElement e : v.getAsJsonArray("exports")) {
      JsonObject x = e.getAsJsonObject();
      assertArrayEquals(KemVectors.hex(x, "exported_value"), r.export(
          KemVectors.hex(x, "exporter_context"), x.get("L").getAsInt()), id + " export");
    }
  }

  @Test
  void xwingVector_openedByThisModulesKeyClasses() throws Exception {
    JsonObject v = xwingVector();
    KemPrivateKey sk = KemPrivateKey.fromSeed(KemVectors.hex(v, "skRm"));
    assertArrayEquals(KemVectors.hex(v, "pkRm"), sk.publicKey().raw());
    assertArrayEquals(KemVectors.hex(v, "shared_secret"), new XWingKEMExtractor(
        new XWingPrivateKeyParameters(sk.seed())).extractSecret(KemVectors.hex(v, "enc")));
  }

  private static JsonObject xwingVector() {
    return KemVectors.read(KemVectors.HPKE_PQ).stream()
        .filter(x -> x.get("kem_id").getAsInt() == 0x647a && x.get("kdf_id").getAsInt() == 1)
        .findFirst().orElseThrow();
  }

  @Test
  void ourSuite_matchesAnRfc9180KeyScheduleWrittenOut() throws Exception {
    JsonObject v = xwingVector();
    byte[] ss = KemVectors.hex(v, "shared_secret");
    byte[] info = KemVectors.hex(v, "info");
    // the schedule written out reproduces the published X-Wing/HKDF-SHA256/ChaCha20Poly1305 keys
    byte[][] chacha = keySchedule(0x647a, 1, 3, ss, info);
    assertArrayEquals(KemVectors.hex(v, "key"), chacha[0]);
    assertArrayEquals(KemVectors.hex(v, "base_nonce"), chacha[1]);
    assertArrayEquals(KemVectors.hex(v, "exporter_secret"), chacha[2]);
    // and, for AES-256-GCM, gives what BouncyCastle's HPKE seals with the vector's ikmE
    byte[][] aes = keySchedule(0x647a, 1, 2, ss, info);
    HPKE h = new HPKE(HPKE.mode_base, HPKE.kem_X_WING, HPKE.kdf_HKDF_SHA256,
        HPKE.aead_AES_GCM256);
    HPKEContextWithEncapsulation s = h.setupBaseS(h.deserializePublicKey(KemVectors.hex(v,
        "pkRm")), info, KemVectors.hex(v, "ikmE"));
    assertArrayEquals(KemVectors.hex(v, "enc"), s.getEncapsulation());
    int seq = 0;
    for (JsonElement e : v.getAsJsonArray("encryptions")) {
      JsonObject c = e.getAsJsonObject();
      byte[] nonce = aes[1].clone();
      byte[] counter = ByteBuffer.allocate(12).putLong(4, seq).array();
      for (int i = 0; i < 12; i++) {
        nonce[i] ^= counter[i];
      }
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes[0], "AES"),
          new GCMParameterSpec(128, nonce));
      gcm.updateAAD(KemVectors.hex(c, "aad"));
      byte[] expected = gcm.doFinal(KemVectors.hex(c, "pt"));
      assertArrayEquals(expected, s.seal(KemVectors.hex(c, "aad"), KemVectors.hex(c, "pt")),
          "AES-256-GCM message " + seq);
      seq++;
    }
    // and this module's Hpke opens what that schedule sealed
    KemPrivateKey sk = KemPrivateKey.fromSeed(KemVectors.hex(v, "skRm"));
    byte[] pt = "a release".getBytes(StandardCharsets.US_ASCII);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes[0], "AES"),
        new GCMParameterSpec(128, aes[1]));
    gcm.updateAAD(new byte[] {1, 2});
    byte[] ct = gcm.doFinal(pt);
    assertArrayEquals(pt, Hpke.open(sk, new Hpke.Sealed(KemVectors.hex(v, "enc"), ct), info,
        new byte[] {1, 2}));
    ct[3] ^= 1;
    assertThrows(HpkeOpenException.class, () -> Hpke.open(sk,
        new Hpke.Sealed(KemVectors.hex(v, "enc"), ct), info, new byte[] {1, 2}));
  }

  /** RFC 9180 section 5.1, base mode, a two-stage KDF: {key, base_nonce, exporter_secret}. */
  static byte[][] keySchedule(int kem, int kdf, int aead, byte[] sharedSecret, byte[] info)
      throws Exception {
    byte[] suite = ByteBuffer.allocate(10).put("HPKE".getBytes(StandardCharsets.US_ASCII))
        .putShort((short) kem).putShort((short) kdf).putShort((short) aead).array();
    byte[] pskIdHash = labeledExtract(suite, new byte[0], "psk_id_hash", new byte[0]);
    byte[] infoHash = labeledExtract(suite, new byte[0], "info_hash", info);
    byte[] context = ByteBuffer.allocate(1 + 64).put((byte) 0).put(pskIdHash).put(infoHash)
        .array();
    byte[] secret = labeledExtract(suite, sharedSecret, "secret", new byte[0]);
    return new byte[][] {labeledExpand(suite, secret, "key", context, 32),
        labeledExpand(suite, secret, "base_nonce", context, 12),
        labeledExpand(suite, secret, "exp", context, 32)};
  }

  private static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
    mac.update("HPKE-v1".getBytes(StandardCharsets.US_ASCII));
    mac.update(suite);
    mac.update(label.getBytes(StandardCharsets.US_ASCII));
    return mac.doFinal(ikm);
  }

  private static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int len)
      throws Exception {
    byte[] labeled = ByteBuffer.allocate(2 + 7 + suite.length + label.length() + info.length)
        .putShort((short) len).put("HPKE-v1".getBytes(StandardCharsets.US_ASCII)).put(suite)
        .put(label.getBytes(StandardCharsets.US_ASCII)).put(info).array();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(prk, "HmacSHA256"));
    byte[] out = new byte[len];
    byte[] t = new byte[0];
    for (int i = 1, at = 0; at < len; i++) {
      mac.update(t);
      mac.update(labeled);
      mac.update((byte) i);
      t = mac.doFinal();
      int n = Math.min(t.length, len - at);
      System.arraycopy(t, 0, out, at, n);
      at += n;
    }
    return out;
  }
}
