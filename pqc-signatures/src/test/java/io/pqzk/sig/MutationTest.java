package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.SignatureProvider.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every algorithm and every provider that can verify it: flipping one bit of a sample of
 * byte positions of the message, the signature, the public key or the context must make
 * verification fail with a typed exception. Failures are collected per case and reported
 * together (Tink's Wycheproof habit), so one run shows every position that slipped through.
 */
class MutationTest {
  enum Part { MESSAGE, SIGNATURE, PUBLIC_KEY, CONTEXT }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String name : Signatures.availableProviders()) {
      for (String p : List.of(name, "auto")) {
        if (p.equals("auto") && !name.equals("bc")) {
          continue; // auto once
        }
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
          if (!Fixtures.inDefaultRun(alg)) {
            continue;
          }
          for (Part part : Part.values()) {
            out.add(Arguments.of(p, alg, part));
          }
        }
      }
    }
    return out.stream();
  }

  /** First, second, middle, last bytes plus a spread of positions in between. */
  static int[] positions(int length) {
    TreeSet<Integer> s = new TreeSet<>();
    for (int i : new int[] {0, 1, length / 2, length - 2, length - 1}) {
      if (i >= 0 && i < length) {
        s.add(i);
      }
    }
    for (int k = 1; k < 8; k++) {
      s.add((int) ((long) length * k / 8));
    }
    s.removeIf(i -> i < 0 || i >= length);
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void verify_oneFlippedByte_throwsTyped(String providerName, SignatureAlgorithm alg, Part part)
      throws Exception {
    SignatureProvider provider = Signatures.provider(providerName);
    SignatureOptions ctxOptions = Fixtures.withContext();
    boolean useContext = provider.supports(Operation.VERIFY, alg, ctxOptions);
    if (!provider.supports(Operation.VERIFY, alg, SignatureOptions.defaults())) {
      return;
    }
    if (part == Part.CONTEXT && !useContext) {
      return; // this provider has no context string to alter
    }
    SignatureOptions options = useContext ? ctxOptions : SignatureOptions.defaults();
    byte[] sig = useContext ? Fixtures.signatureWithContext(alg) : Fixtures.signature(alg);
    PqPublicKey pk = Fixtures.keys(alg).publicKey();
    byte[] msg = Fixtures.MESSAGE;
    provider.verifier(pk, options).verify(msg, sig); // the unaltered case must pass

    byte[] target;
    switch (part) {
      case MESSAGE: target = msg; break;
      case SIGNATURE: target = sig; break;
      case PUBLIC_KEY: target = pk.raw(); break;
      default: target = Fixtures.CONTEXT; break;
    }
    List<String> accepted = new ArrayList<>();
    int tried = 0;
    for (int pos : positions(target.length)) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] m = target.clone();
        m[pos] ^= (byte) bit;
        tried++;
        try {
          switch (part) {
            case MESSAGE: provider.verifier(pk, options).verify(m, sig); break;
            case SIGNATURE: provider.verifier(pk, options).verify(msg, m); break;
            case PUBLIC_KEY:
              provider.verifier(PqPublicKey.fromRaw(alg, m), options).verify(msg, sig);
              break;
            default:
              provider.verifier(pk, SignatureOptions.defaults().withContext(m)).verify(msg, sig);
          }
          accepted.add("byte " + pos + " ^ 0x" + Integer.toHexString(bit));
        } catch (SignatureVerificationException | MalformedKeyException expected) {
          // rejected as it must be: at verification, or (a composite's classical point) on import
        }
      }
    }
    assertTrue(tried >= 6, "too few positions tried: " + tried);
    assertEquals(List.of(), accepted, "mutations accepted");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"MLDSA65_ED25519_SHA512", "MLDSA87_ECDSA_P384_SHA512",
      "MLDSA44_ED25519_SHA512", "MLDSA65_ECDSA_P256_SHA512", "MLDSA87_ED448_SHAKE256"})
  void composite_halfRemovedOrSwapped_throws(SignatureAlgorithm alg) throws Exception {
    PqKeyPair kp = Fixtures.keys(alg);
    int mlDsaLength = mlDsaSignatureLength(alg);
    byte[] sig = Fixtures.signature(alg);
    Verifier v = Signatures.verifier(kp.publicKey(), SignatureOptions.defaults());
    v.verify(Fixtures.MESSAGE, sig);
    byte[] mlDsaOnly = Arrays.copyOf(sig, mlDsaLength);
    byte[] classicalOnly = Arrays.copyOfRange(sig, mlDsaLength, sig.length);
    assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, mlDsaOnly));
    assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, classicalOnly));

    // each half of a signature on another message, combined with the right other half
    byte[] other = Signatures.signer(kp.privateKey(), SignatureOptions.defaults()).sign(new byte[] {1});
    byte[] mixA = concat(Arrays.copyOf(sig, mlDsaLength), Arrays.copyOfRange(other, mlDsaLength, other.length));
    byte[] mixB = concat(Arrays.copyOf(other, mlDsaLength), Arrays.copyOfRange(sig, mlDsaLength, sig.length));
    assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, mixA));
    assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, mixB));

    // the same composite signature with either half altered
    for (int pos : new int[] {mlDsaLength / 2, mlDsaLength + (sig.length - mlDsaLength) / 2}) {
      byte[] bad = sig.clone();
      bad[pos] ^= 0x10;
      assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, bad),
          "altered byte " + pos);
    }
  }

  /**
   * Domain separation (FIPS 204 §5.4, FIPS 205 §10.2): a signature made in one mode (pure, or
   * with one pre-hash) must not verify in another, nor through the internal interface.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "SLH_DSA_SHAKE_128F"})
  void verify_otherModeOrPreHash_throws(SignatureAlgorithm alg) throws Exception {
    PqKeyPair kp = Fixtures.keys(alg);
    SignatureOptions sha256 = SignatureOptions.defaults().withPreHash(PreHash.SHA2_256);
    byte[] sig = Signatures.signer(kp.privateKey(), sha256).sign(Fixtures.MESSAGE);
    Signatures.verifier(kp.publicKey(), sha256).verify(Fixtures.MESSAGE, sig);
    for (SignatureOptions other : new SignatureOptions[] {
        SignatureOptions.defaults(),
        SignatureOptions.defaults().withPreHash(PreHash.SHA3_256),
        SignatureOptions.defaults().withPreHash(PreHash.SHA2_512_256),
        SignatureOptions.defaults().withInput(SignatureOptions.Input.INTERNAL)}) {
      assertThrows(SignatureVerificationException.class,
          () -> Signatures.verifier(kp.publicKey(), other).verify(Fixtures.MESSAGE, sig), other.toString());
    }
    byte[] pure = Fixtures.signature(alg);
    assertThrows(SignatureVerificationException.class,
        () -> Signatures.verifier(kp.publicKey(), sha256).verify(Fixtures.MESSAGE, pure));
  }

  static int mlDsaSignatureLength(SignatureAlgorithm composite) {
    String n = composite.displayName();
    return n.startsWith("MLDSA44") ? 2420 : n.startsWith("MLDSA65") ? 3309 : 4627;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
