package io.pqzk.sig.fuzz;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.encoding.PrivateKeyForm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the signature targets' fixture keys and seed corpora from real keys and signatures of
 * every algorithm. Run only on request: {@code ./mvnw -pl pqc-signatures -am test
 * -Dtest=SigSeeds -Dfuzz.seeds=write -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class SigSeeds {
  static final Path RESOURCES = Path.of("src/test/resources/io/pqzk/sig/fuzz");

  @Test
  void write() throws Exception {
    SignatureAlgorithm[] all = SignatureAlgorithm.values();
    for (int i = 0; i < all.length; i++) {
      SignatureAlgorithm a = all[i];
      PqKeyPair kp = Signatures.generateKeyPair(a);
      PqKeyPair other = Signatures.generateKeyPair(a);
      write("keys/" + a.displayName() + ".spki", KeyCodec.encodePublicKey(kp.publicKey()));
      write("keys/" + a.displayName() + "-other.spki",
          KeyCodec.encodePublicKey(other.publicKey()));
      byte[] sig = Signatures.signer(kp.privateKey(), SignatureOptions.defaults()
          .withContext(SignatureFuzzTest.CONTEXT)).sign(SignatureFuzzTest.MESSAGE);
      write("SignatureFuzzTestInputs/verify/" + a.displayName(), concat(new byte[] {
          (byte) i, 0}, sig));
    }
    String k = "KeyCodecFuzzTestInputs/decode/";
    for (SignatureAlgorithm a : List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ML_DSA_65,
        SignatureAlgorithm.SLH_DSA_SHA2_128F, SignatureAlgorithm.SLH_DSA_SHAKE_192S,
        SignatureAlgorithm.MLDSA65_ED25519_SHA512, SignatureAlgorithm.MLDSA87_ECDSA_P384_SHA512)) {
      PqKeyPair kp = Signatures.generateKeyPair(a);
      PqPrivateKey p = kp.privateKey();
      byte idx = (byte) a.ordinal();
      String n = a.displayName();
      write(k + n + "-spki", concat(new byte[] {0}, KeyCodec.encodePublicKey(kp.publicKey())));
      write(k + n + "-pkcs8", concat(new byte[] {1}, KeyCodec.encodePrivateKeyUnencrypted(p)));
      write(k + n + "-pem-public", concat(new byte[] {2},
          KeyCodec.publicKeyToPem(kp.publicKey()).getBytes(StandardCharsets.US_ASCII)));
      write(k + n + "-pem-private", concat(new byte[] {3},
          KeyCodec.privateKeyToUnencryptedPem(p).getBytes(StandardCharsets.US_ASCII)));
      write(k + n + "-raw-public", concat(new byte[] {4, idx}, kp.publicKey().raw()));
      write(k + n + "-raw-expanded", concat(new byte[] {5, idx}, p.expanded().orElseThrow()));
      if (a.isMlDsa()) {
        write(k + n + "-pkcs8-expanded", concat(new byte[] {1},
            KeyCodec.encodePrivateKeyUnencrypted(p, PrivateKeyForm.EXPANDED)));
        write(k + n + "-pkcs8-both", concat(new byte[] {1},
            KeyCodec.encodePrivateKeyUnencrypted(p, PrivateKeyForm.BOTH)));
      }
      if (p.seed().isPresent()) {
        write(k + n + "-raw-seed", concat(new byte[] {6, idx}, p.seed().get()));
      }
    }
    String e = "EncryptedKeyFuzzTestInputs/decrypt/";
    PqPrivateKey key = Signatures.generateKeyPair(SignatureAlgorithm.ML_DSA_65).privateKey();
    byte[] scrypt = KeyCodec.encryptPrivateKey(key, EncryptedKeyFuzzTest.PASSPHRASE);
    write(e + "scrypt-aes-gcm-der", concat(new byte[] {0}, scrypt));
    write(e + "scrypt-aes-gcm-pem", concat(new byte[] {1}, KeyCodec.privateKeyToEncryptedPem(key,
        EncryptedKeyFuzzTest.PASSPHRASE).getBytes(StandardCharsets.US_ASCII)));
    byte[] pbkdf2 = new PKCS8EncryptedPrivateKeyInfoBuilder(KeyCodec.encodePrivateKeyUnencrypted(
        key)).build(new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
            .setProvider(new BouncyCastleProvider()).setIterationCount(2048)
            .build(EncryptedKeyFuzzTest.PASSPHRASE)).getEncoded();
    write(e + "pbkdf2-aes-cbc-der", concat(new byte[] {0}, pbkdf2));
  }

  /**
   * The reproducers of unbounded key-derivation work (scrypt N = 2^24, 2^31 PBKDF2 iterations),
   * kept in the encrypted-key corpus: {@code -Dtest=SigSeeds#reproducers}.
   */
  @Test
  void reproducers() throws Exception {
    PqPrivateKey key = Signatures.generateKeyPair(SignatureAlgorithm.ML_DSA_44).privateKey();
    io.pqzk.sig.encoding.EncryptedKeyWorkBoundsTest.key = key;
    String e = "EncryptedKeyFuzzTestInputs/decrypt/";
    write(e + "finding-scrypt-n-2-to-24", concat(new byte[] {0},
        io.pqzk.sig.encoding.EncryptedKeyWorkBoundsTest.withScrypt(KeyCodec.encryptPrivateKey(key,
            EncryptedKeyFuzzTest.PASSPHRASE, io.pqzk.sig.encoding.KeyEncryption.scrypt(15)),
            java.math.BigInteger.ONE.shiftLeft(24), 8, 1)));
    write(e + "finding-pbkdf2-2-to-31-iterations", concat(new byte[] {0},
        io.pqzk.sig.encoding.EncryptedKeyWorkBoundsTest.withPbkdf2(
            java.math.BigInteger.valueOf(Integer.MAX_VALUE))));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static void write(String name, byte[] bytes) throws Exception {
    Path f = RESOURCES.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
  }
}
