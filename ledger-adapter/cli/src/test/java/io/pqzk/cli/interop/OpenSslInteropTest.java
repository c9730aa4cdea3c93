package io.pqzk.cli.interop;

import io.pqzk.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interoperability with an independent implementation, OpenSSL 3.5:
 * keys and signatures made by OpenSSL, with and without a context string, are accepted by
 * {@code pqzk verify} and {@code pqzk sign}; public keys and signatures made by pqzk are accepted
 * by {@code openssl pkeyutl -verify -rawin}. Deterministic signatures must agree byte for byte
 * (FIPS 204 with rnd = 0, FIPS 205 with opt_rand = PK.seed), which pins the message encoding
 * M' = 0 || |ctx| || ctx || M on both sides. The pqzk side runs in this JVM through Main.run.
 */
class OpenSslInteropTest {
  private static final String CTX = "0a0b0c0d";

  @TempDir Path dir;
  Path msg;

  /** Per test, not per class, so that a skip shows in the counts (the fetch happens once). */
  @BeforeEach
  void openssl() {
    OpenSsl35.require();
  }

  private Path msg() throws IOException {
    if (msg == null) {
      msg = Files.writeString(dir.resolve("msg"), "pqzk <-> OpenSSL 3.5 interop message\n");
    }
    return msg;
  }

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  /** openssl genpkey, and the SPKI public key beside it; returns the private key path. */
  private String opensslKeygen(String alg) {
    OpenSsl35.ok("genpkey", "-algorithm", alg, "-out", p("ossl.key"));
    OpenSsl35.ok("pkey", "-in", p("ossl.key"), "-pubout", "-out", p("ossl.pub"));
    return p("ossl.key");
  }

  private void opensslSign(String key, String sig, String ctx, boolean deterministic)
      throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of(
        "pkeyutl", "-sign", "-rawin", "-inkey", key, "-in", msg().toString(), "-out", p(sig)));
    if (ctx != null) {
      args.addAll(List.of("-pkeyopt", "hexcontext-string:" + ctx));
    }
    if (deterministic) {
      args.addAll(List.of("-pkeyopt", "deterministic:1"));
    }
    OpenSsl35.ok(args.toArray(String[]::new));
  }

  private int opensslVerify(String pub, String sig, String ctx) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("pkeyutl", "-verify", "-rawin",
        "-pubin", "-inkey", pub, "-in", msg().toString(), "-sigfile", p(sig)));
    if (ctx != null) {
      args.addAll(List.of("-pkeyopt", "hexcontext-string:" + ctx));
    }
    return OpenSsl35.run(args).exit();
  }

  private CliRun pqzkVerify(String pub, String sig, String ctx) throws IOException {
    return pqzkVerify(pub, sig, ctx, "auto");
  }

  private CliRun pqzkVerify(String pub, String sig, String ctx, String provider)
      throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("verify", "--pub", pub, "--in",
        msg().toString(), "--sig", p(sig), "--provider", provider));
    if (ctx != null) {
      args.addAll(List.of("--context", ctx));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private CliRun pqzkSign(String key, String sig, String ctx, boolean deterministic)
      throws IOException {
    List<String> args = new java.util.ArrayList<>(
        List.of("sign", "--key", key, "--in", msg().toString(), "--out", p(sig)));
    if (ctx != null) {
      args.addAll(List.of("--context", ctx));
    }
    if (deterministic) {
      args.add("--deterministic");
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private static void assertExit(int expected, CliRun r, String what) {
    assertEquals(expected, r.exit(), what + ": " + r.describe());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f"
  })
  void opensslKeysAndSignatures_acceptedByPqzkVerify(String alg) throws IOException {
    String key = opensslKeygen(alg);
    opensslSign(key, "plain.sig", null, false);
    opensslSign(key, "ctx.sig", CTX, false);
    // the default provider, and pqzk's own verifiers (the ledger's)
    for (String provider : new String[] {"auto", "pqzk"}) {
      String on = " (" + provider + ")";
      assertExit(0, pqzkVerify(p("ossl.pub"), "plain.sig", null, provider), "no context" + on);
      assertExit(0, pqzkVerify(p("ossl.pub"), "ctx.sig", CTX, provider), "context " + CTX + on);
      // the context is bound: the other one must be rejected
      assertExit(1, pqzkVerify(p("ossl.pub"), "ctx.sig", null, provider), "context dropped" + on);
      assertExit(1, pqzkVerify(p("ossl.pub"), "plain.sig", CTX, provider), "context added" + on);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f"
  })
  void opensslPrivateKey_signsWithPqzk_opensslVerifies(String alg) throws IOException {
    String key = opensslKeygen(alg);
    assertExit(0, pqzkSign(key, "pqzk.sig", null, false), "pqzk sign, no context");
    assertExit(0, pqzkSign(key, "pqzk-ctx.sig", CTX, false), "pqzk sign, context");
    assertEquals(0, opensslVerify(p("ossl.pub"), "pqzk.sig", null), "openssl verify");
    assertEquals(0, opensslVerify(p("ossl.pub"), "pqzk-ctx.sig", CTX), "openssl verify ctx");
    assertNotEquals(0, opensslVerify(p("ossl.pub"), "pqzk-ctx.sig", null), "ctx dropped");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f"
  })
  void deterministicSignatures_equalOpensslByteForByte(String alg) throws IOException {
    String key = opensslKeygen(alg);
    opensslSign(key, "ossl-det.sig", CTX, true);
    assertExit(0, pqzkSign(key, "pqzk-det.sig", CTX, true), "pqzk sign --deterministic");
    assertArrayEquals(Files.readAllBytes(Path.of(p("ossl-det.sig"))),
        Files.readAllBytes(Path.of(p("pqzk-det.sig"))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"})
  void opensslSeedOnlyAndExpandedOnlyKeys_signWithPqzk(String alg) throws IOException {
    String key = opensslKeygen(alg);
    for (String form : new String[] {"seed-only", "priv-only"}) {
      String k = p(form + ".key");
      OpenSsl35.ok("pkey", "-in", key, "-provparam", "ml-dsa.output_formats=" + form,
          "-out", k);
      String sig = form + ".sig";
      assertExit(0, pqzkSign(k, sig, CTX, false), "pqzk sign with the " + form + " key");
      assertEquals(0, opensslVerify(p("ossl.pub"), sig, CTX), "openssl verify " + form);
      // a deterministic signature depends on the expanded key only: every form must agree
      assertExit(0, pqzkSign(k, form + "-det.sig", CTX, true), "deterministic " + form);
    }
    opensslSign(key, "ossl-det.sig", CTX, true);
    byte[] expected = Files.readAllBytes(Path.of(p("ossl-det.sig")));
    assertArrayEquals(expected, Files.readAllBytes(Path.of(p("seed-only-det.sig"))));
    assertArrayEquals(expected, Files.readAllBytes(Path.of(p("priv-only-det.sig"))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f"
  })
  void pqzkKeysAndSignatures_acceptedByOpenssl(String alg) throws IOException {
    Path pass = Files.writeString(dir.resolve("pass"), "interop passphrase\n");
    CliRun g = CliRun.of("keygen", "--alg", alg, "--out", p("pqzk.key"),
        "--passphrase-file", pass.toString());
    assertExit(0, g, "pqzk keygen");
    String pub = p("pqzk.key.pub");
    OpenSsl35.ok("pkey", "-pubin", "-in", pub, "-noout");
    for (String ctx : new String[] {null, CTX}) {
      CliRun s = CliRun.of(ctx == null
          ? new String[] {"sign", "--key", p("pqzk.key"), "--in", msg().toString(),
              "--out", p("s.sig"), "--passphrase-file", pass.toString()}
          : new String[] {"sign", "--key", p("pqzk.key"), "--in", msg().toString(),
              "--out", p("s.sig"), "--passphrase-file", pass.toString(), "--context", ctx});
      assertExit(0, s, "pqzk sign, context " + ctx);
      assertEquals(0, opensslVerify(pub, "s.sig", ctx), "openssl verify, context " + ctx);
      byte[] t = Files.readAllBytes(Path.of(p("s.sig")));
      t[t.length / 3] ^= 0x40;
      Files.write(Path.of(p("t.sig")), t);
      assertNotEquals(0, opensslVerify(pub, "t.sig", ctx), "tampered signature accepted");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ML-DSA-65", "SLH-DSA-SHA2-128f"})
  void pqzkUnencryptedPrivateKey_signsWithOpenssl(String alg) throws IOException {
    assertExit(0, CliRun.of("keygen", "--alg", alg, "--out", p("clear.key"), "--unencrypted"),
        "pqzk keygen --unencrypted");
    opensslSign(p("clear.key"), "o.sig", CTX, false);
    assertExit(0, pqzkVerify(p("clear.key.pub"), "o.sig", CTX), "pqzk verify");
  }

  /**
   * A key {@code pqzk keygen} encrypted (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC) is decrypted by
   * {@code openssl pkey} with the passphrase and refused without the right one; the decrypted key
   * is the same key (its public half equals {@code keygen}'s FILE.pub) and signs for OpenSSL.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "SLH-DSA-SHA2-128f",
      "SLH-DSA-SHAKE-128f"})
  void pqzkEncryptedPrivateKey_decryptedByOpensslPkey(String alg) throws IOException {
    Path pass = Files.writeString(dir.resolve("pass"), "pqzk keygen passphrase\n");
    assertExit(0, CliRun.of("keygen", "--alg", alg, "--out", p("enc.key"),
        "--passphrase-file", pass.toString()), "pqzk keygen (encrypted)");
    assertEquals("-----BEGIN ENCRYPTED PRIVATE KEY-----",
        Files.readAllLines(Path.of(p("enc.key"))).get(0));
    OpenSsl35.ok("pkey", "-in", p("enc.key"), "-passin", "file:" + pass, "-out", p("dec.key"));
    OpenSsl35.ok("pkey", "-in", p("dec.key"), "-pubout", "-out", p("dec.pub"));
    assertEquals(Files.readString(Path.of(p("enc.key.pub"))),
        Files.readString(Path.of(p("dec.pub"))), "OpenSSL's decryption is another key");
    Path wrong = Files.writeString(dir.resolve("wrong"), "not the passphrase\n");
    assertNotEquals(0, OpenSsl35.run(List.of("pkey", "-in", p("enc.key"), "-passin",
        "file:" + wrong, "-noout")).exit(), "openssl decrypted with a wrong passphrase");
    opensslSign(p("dec.key"), "d.sig", CTX, false);
    assertExit(0, pqzkVerify(p("enc.key.pub"), "d.sig", CTX, "pqzk"), "pqzk verify");
  }

  /** OpenSSL's own encrypted PKCS#8 (PBES2: PBKDF2 or scrypt, AES-256-CBC) is read by sign. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ML-DSA-65", "SLH-DSA-SHAKE-128f"})
  void opensslEncryptedPrivateKey_signsWithPqzk(String alg) throws IOException {
    Path pass = Files.writeString(dir.resolve("pass"), "openssl passphrase\n");
    OpenSsl35.ok("genpkey", "-algorithm", alg, "-aes-256-cbc",
        "-pass", "file:" + pass, "-out", p("enc.key"));
    OpenSsl35.ok("pkey", "-in", p("enc.key"), "-passin", "file:" + pass, "-pubout",
        "-out", p("enc.pub"));
    CliRun s = CliRun.of("sign", "--key", p("enc.key"), "--in", msg().toString(),
        "--out", p("e.sig"), "--context", CTX, "--passphrase-file", pass.toString());
    assertExit(0, s, "pqzk sign with OpenSSL's encrypted key");
    assertEquals(0, opensslVerify(p("enc.pub"), "e.sig", CTX), "openssl verify");
    Path wrong = Files.writeString(dir.resolve("wrong"), "not the passphrase\n");
    CliRun w = CliRun.of("sign", "--key", p("enc.key"), "--in", msg().toString(),
        "--out", p("w.sig"), "--passphrase-file", wrong.toString());
    assertExit(2, w, "wrong passphrase");
    // the same key re-encrypted by openssl pkcs8 with scrypt (N = 2^14, r = 8, p = 1); the same
    // passphrase from a second file (given one file twice, openssl reads one line for each)
    Path passOut = Files.copy(pass, dir.resolve("pass-out"));
    OpenSsl35.ok("pkcs8", "-topk8", "-in", p("enc.key"), "-passin", "file:" + pass,
        "-scrypt", "-scrypt_N", "16384", "-scrypt_r", "8", "-scrypt_p", "1",
        "-v2", "aes-256-cbc", "-passout", "file:" + passOut, "-out", p("scrypt.key"));
    CliRun sc = CliRun.of("sign", "--key", p("scrypt.key"), "--in", msg().toString(),
        "--out", p("sc.sig"), "--context", CTX, "--passphrase-file", pass.toString());
    assertExit(0, sc, "pqzk sign with OpenSSL's scrypt-encrypted key");
    assertEquals(0, opensslVerify(p("enc.pub"), "sc.sig", CTX), "openssl verify (scrypt key)");
  }

  /** DER files (openssl -outform DER) work as well as PEM, for both key kinds. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ML-DSA-44", "SLH-DSA-SHA2-128f"})
  void opensslDerKeys_signAndVerifyWithPqzk(String alg) throws IOException {
    String key = opensslKeygen(alg);
    OpenSsl35.ok("pkey", "-in", key, "-outform", "DER", "-out", p("k.der"));
    OpenSsl35.ok("pkey", "-in", key, "-pubout", "-outform", "DER", "-out", p("p.der"));
    assertExit(0, pqzkSign(p("k.der"), "der.sig", CTX, false), "pqzk sign with a DER key");
    assertExit(0, pqzkVerify(p("p.der"), "der.sig", CTX), "pqzk verify with a DER key");
    assertEquals(0, opensslVerify(p("ossl.pub"), "der.sig", CTX), "openssl verify");
    CliRun swapped = pqzkSign(p("p.der"), "x.sig", null, false);
    assertExit(2, swapped, "a DER public key given to sign");
  }

  /**
   * The slow "s" set, each direction once (SLH-DSA-SHA2-128s signs in about half a second):
   * OpenSSL's key and signatures (with and without context) through pqzk, and pqzk's key and
   * signature through OpenSSL.
   */
  @Test
  void slhDsaSha2_128s_bothWays() throws IOException {
    String key = opensslKeygen("SLH-DSA-SHA2-128s");
    opensslSign(key, "ossl.sig", CTX, false);
    opensslSign(key, "ossl-plain.sig", null, false);
    assertExit(0, pqzkVerify(p("ossl.pub"), "ossl.sig", CTX), "pqzk verify, context");
    assertExit(0, pqzkVerify(p("ossl.pub"), "ossl-plain.sig", null), "pqzk verify, no context");
    assertExit(1, pqzkVerify(p("ossl.pub"), "ossl.sig", null), "pqzk verify, context dropped");
    assertExit(0, pqzkSign(key, "pqzk.sig", CTX, false), "pqzk sign with OpenSSL's key");
    assertEquals(0, opensslVerify(p("ossl.pub"), "pqzk.sig", CTX), "openssl verify");

    assertExit(0, CliRun.of("keygen", "--alg", "SLH-DSA-SHA2-128s", "--out", p("own.key"),
        "--unencrypted"), "pqzk keygen");
    assertExit(0, pqzkSign(p("own.key"), "own.sig", null, false), "pqzk sign with its own key");
    assertEquals(0, opensslVerify(p("own.key.pub"), "own.sig", null), "openssl verify pqzk's");
  }
}
