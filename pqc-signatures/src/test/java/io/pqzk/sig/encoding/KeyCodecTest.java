package io.pqzk.sig.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.IncompatibleOptionsException;
import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.UnknownAlgorithmException;
import io.pqzk.sig.WrongLengthException;
import io.pqzk.sig.internal.bc.BcJca;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class KeyCodecTest {
  private static final byte[] MSG = {1, 2, 3};

  static Stream<SignatureAlgorithm> fastAlgorithms() {
    return Stream.of(SignatureAlgorithm.values())
        .filter(a -> !(a.isSlhDsa() && a.displayName().endsWith("s")));
  }

  static PqKeyPair keys(SignatureAlgorithm alg) throws Exception {
    if (alg.isComposite()) {
      return Signatures.generateKeyPair(alg);
    }
    byte[] seed = new byte[alg.seedLength()];
    Arrays.fill(seed, (byte) alg.ordinal());
    return Signatures.keyPairFromSeed(alg, seed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fastAlgorithms")
  void publicAndPrivateKey_derAndPemRoundTrip(SignatureAlgorithm alg) throws Exception {
    PqKeyPair kp = keys(alg);
    assertEquals(kp.publicKey(), KeyCodec.decodePublicKey(KeyCodec.encodePublicKey(kp.publicKey())));
    assertEquals(kp.publicKey(), KeyCodec.publicKeyFromPem(KeyCodec.publicKeyToPem(kp.publicKey())));
    PqPrivateKey back = KeyCodec.privateKeyFromPem(KeyCodec.privateKeyToUnencryptedPem(kp.privateKey()), null);
    assertEquals(kp.publicKey(), back.publicKey());
    byte[] sig = Signatures.signer(back, SignatureOptions.defaults()).sign(MSG);
    Signatures.verifier(kp.publicKey(), SignatureOptions.defaults()).verify(MSG, sig);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fastAlgorithms")
  void bcJcaEncodings_decode(SignatureAlgorithm alg) throws Exception {
    KeyPair kp = KeyPairGenerator.getInstance(alg.displayName(), BcJca.provider()).generateKeyPair();
    PqPublicKey pk = KeyCodec.decodePublicKey(kp.getPublic().getEncoded());
    // for composites BC writes no publicKey field: ours is derived from the private halves
    PqPrivateKey sk = KeyCodec.decodePrivateKey(kp.getPrivate().getEncoded());
    assertEquals(pk, sk.publicKey());
    // and BouncyCastle reads ours back
    KeyFactory kf = KeyFactory.getInstance(alg.displayName(), BcJca.provider());
    assertArrayEquals(kp.getPublic().getEncoded(),
        kf.generatePublic(new X509EncodedKeySpec(KeyCodec.encodePublicKey(pk))).getEncoded());
    kf.generatePrivate(new PKCS8EncodedKeySpec(KeyCodec.encodePrivateKeyUnencrypted(sk)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void mlDsa_threeRfc9881Forms_readBack(SignatureAlgorithm alg) throws Exception {
    PqKeyPair kp = keys(alg);
    for (PrivateKeyForm form : PrivateKeyForm.values()) {
      byte[] der = KeyCodec.encodePrivateKeyUnencrypted(kp.privateKey(), form);
      PqPrivateKey back = KeyCodec.decodePrivateKey(der);
      assertEquals(kp.publicKey(), back.publicKey(), form.name());
      assertEquals(form != PrivateKeyForm.EXPANDED, back.hasSeed(), form.name());
      assertTrue(back.hasExpanded());
    }
  }

  @Test
  void mlDsa_defaultForm_isSeed() throws Exception {
    PqKeyPair kp = keys(SignatureAlgorithm.ML_DSA_65);
    byte[] der = KeyCodec.encodePrivateKeyUnencrypted(kp.privateKey());
    byte[] inner = PrivateKeyInfo.getInstance(der).getPrivateKey().getOctets();
    assertEquals(34, inner.length);
    assertEquals((byte) 0x80, inner[0]); // [0] IMPLICIT OCTET STRING
    assertEquals(32, inner[1]);
  }

  @Test
  void mlDsa_bothFormWithMismatchedExpanded_throws() throws Exception {
    PqPrivateKey a = keys(SignatureAlgorithm.ML_DSA_44).privateKey();
    PqPrivateKey b = Signatures.generateKeyPair(SignatureAlgorithm.ML_DSA_44).privateKey();
    byte[] derA = KeyCodec.encodePrivateKeyUnencrypted(a, PrivateKeyForm.BOTH);
    byte[] expandedA = a.expanded().orElseThrow();
    byte[] expandedB = b.expanded().orElseThrow();
    int at = indexOf(derA, expandedA);
    System.arraycopy(expandedB, 0, derA, at, expandedB.length);
    MalformedKeyException e = assertThrows(MalformedKeyException.class, () -> KeyCodec.decodePrivateKey(derA));
    assertTrue(e.getMessage().contains("does not match the seed"), e.getMessage());
  }

  @Test
  void mlDsa_expandedOnlyKey_cannotWriteSeedForm() throws Exception {
    PqPrivateKey sk = Signatures.privateKeyFromExpanded(SignatureAlgorithm.ML_DSA_44,
        keys(SignatureAlgorithm.ML_DSA_44).privateKey().expanded().orElseThrow());
    assertThrows(IncompatibleOptionsException.class,
        () -> KeyCodec.encodePrivateKeyUnencrypted(sk, PrivateKeyForm.SEED));
    assertEquals(sk.publicKey(), KeyCodec.decodePrivateKey(KeyCodec.encodePrivateKeyUnencrypted(sk)).publicKey());
  }

  @Test
  void decodePublicKey_badInput_throwsTyped() throws Exception {
    PqPublicKey pk = keys(SignatureAlgorithm.ML_DSA_44).publicKey();
    byte[] der = KeyCodec.encodePublicKey(pk);
    assertThrows(MalformedKeyException.class, () -> KeyCodec.decodePublicKey(new byte[] {0x30, 0x03, 1}));
    assertThrows(MalformedKeyException.class, () -> KeyCodec.decodePublicKey(new byte[0]));
    assertThrows(MalformedKeyException.class, () -> KeyCodec.decodePublicKey(Arrays.copyOf(der, der.length - 1)));
    byte[] otherOid = der.clone();
    otherOid[indexOf(der, HexFormat.of().parseHex("0609608648016503040311")) + 10] = 0x7f;
    UnknownAlgorithmException u = assertThrows(UnknownAlgorithmException.class, () -> KeyCodec.decodePublicKey(otherOid));
    assertTrue(u.getMessage().contains("2.16.840.1.101.3.4.3.127"), u.getMessage());
    // an ML-DSA-44 key labelled ML-DSA-65
    byte[] relabelled = der.clone();
    relabelled[indexOf(der, HexFormat.of().parseHex("0609608648016503040311")) + 10] = 0x12;
    assertThrows(WrongLengthException.class, () -> KeyCodec.decodePublicKey(relabelled));
    assertThrows(MalformedKeyException.class, () -> KeyCodec.publicKeyFromPem("no pem here"));
    assertThrows(MalformedKeyException.class, () -> KeyCodec.publicKeyFromPem(
        "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n"));
  }

  @Test
  void decodePrivateKey_badInput_throwsTyped() throws Exception {
    PqPrivateKey sk = keys(SignatureAlgorithm.ML_DSA_44).privateKey();
    byte[] der = KeyCodec.encodePrivateKeyUnencrypted(sk, PrivateKeyForm.SEED);
    assertThrows(MalformedKeyException.class, () -> KeyCodec.decodePrivateKey(new byte[] {5}));
    byte[] shortSeed = der.clone();
    shortSeed[shortSeed.length - 33] = 31; // seed length byte 32 -> 31: DER no longer parses
    assertThrows(io.pqzk.sig.PqSignatureException.class, () -> KeyCodec.decodePrivateKey(shortSeed));
    assertThrows(MalformedKeyException.class, () -> KeyCodec.privateKeyFromPem(
        KeyCodec.publicKeyToPem(sk.publicKey()), null));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"MLDSA65_ED25519_SHA512", "MLDSA87_ECDSA_P384_SHA512"})
  void composite_pkcs8CarriesPublicKey(SignatureAlgorithm alg) throws Exception {
    PqKeyPair kp = keys(alg);
    byte[] der = KeyCodec.encodePrivateKeyUnencrypted(kp.privateKey());
    ASN1Sequence seq = ASN1Sequence.getInstance(der);
    assertEquals(4, seq.size());
    assertEquals(kp.privateKey(), KeyCodec.decodePrivateKey(der));
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
