package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignCommandTest {
  @TempDir Path dir;
  Path pass;
  Path msg;

  @BeforeEach
  void setUp() throws IOException {
    pass = Files.writeString(dir.resolve("pass"), "s3cret passphrase\n");
    msg = Files.writeString(dir.resolve("msg"), "transfer 10 units to account 42");
  }

  private Path keygen(String alg, String name) {
    Path key = dir.resolve(name);
    CliRun r = CliRun.of("keygen", "--alg", alg, "--out", key.toString(),
        "--passphrase-file", pass.toString());
    assertEquals(Main.OK, r.exit(), r.describe());
    return key;
  }

  private CliRun sign(Path key, String sigName, String... extra) {
    String[] base = {"sign", "--key", key.toString(), "--in", msg.toString(),
        "--out", dir.resolve(sigName).toString(), "--passphrase-file", pass.toString()};
    String[] args = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "SLH-DSA-SHAKE-128f"})
  void sign_thenVerify_exits0(String alg) throws IOException {
    Path key = keygen(alg, "k");
    CliRun r = sign(key, "sig", "--context", "0a0B");
    assertEquals(Main.OK, r.exit(), r.describe());
    CliRun v = CliRun.of("verify", "--pub", key + ".pub", "--in", msg.toString(),
        "--sig", dir.resolve("sig").toString(), "--context", "0a0b");
    assertEquals(Main.OK, v.exit(), v.describe());
    assertTrue(v.out().contains(alg), v.describe());
  }

  @Test
  void sign_deterministic_sameSignatureTwice_hedgedDiffers() throws IOException {
    Path key = keygen("ML-DSA-44", "k");
    assertEquals(Main.OK, sign(key, "d1", "--deterministic").exit());
    assertEquals(Main.OK, sign(key, "d2", "--deterministic").exit());
    assertEquals(Main.OK, sign(key, "h1").exit());
    byte[] d1 = Files.readAllBytes(dir.resolve("d1"));
    assertArrayEquals(d1, Files.readAllBytes(dir.resolve("d2")));
    assertFalse(Arrays.equals(d1, Files.readAllBytes(dir.resolve("h1"))));
  }

  @Test
  void sign_wrongPassphrase_exits2NamingThePassphrase() throws IOException {
    Path key = keygen("ML-DSA-44", "k");
    Path wrong = Files.writeString(dir.resolve("wrong"), "not it");
    CliRun r = CliRun.of("sign", "--key", key.toString(), "--in", msg.toString(),
        "--out", dir.resolve("sig").toString(), "--passphrase-file", wrong.toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains("passphrase"), r.describe());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.describe());
    assertFalse(Files.exists(dir.resolve("sig")));
  }

  @Test
  void sign_publicKeyGivenAsKey_exits2() {
    Path key = keygen("ML-DSA-44", "k");
    CliRun r = CliRun.of("sign", "--key", key + ".pub", "--in", msg.toString(),
        "--out", dir.resolve("sig").toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("public key"), r.describe());
  }

  @Test
  void sign_garbageKeyFile_exits2() throws IOException {
    Path key = Files.writeString(dir.resolve("k"), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
        + "-----END PRIVATE KEY-----\n");
    CliRun r = CliRun.of("sign", "--key", key.toString(), "--in", msg.toString(),
        "--out", dir.resolve("sig").toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertFalse(Files.exists(dir.resolve("sig")));
  }

  @Test
  void sign_contextNotHex_exits2() {
    Path key = keygen("ML-DSA-44", "k");
    CliRun r = sign(key, "sig", "--context", "0g");
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("--context is not hex"), r.describe());
  }

  @Test
  void sign_context256Bytes_exits2_255Accepted() {
    Path key = keygen("ML-DSA-44", "k");
    CliRun r = sign(key, "sig", "--context", "ab".repeat(256));
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("256 bytes"), r.describe());
    assertEquals(Main.OK, sign(key, "sig", "--context", "ab".repeat(255)).exit());
  }

  @Test
  void sign_missingMessage_exits2NamingTheFile() {
    Path key = keygen("ML-DSA-44", "k");
    CliRun r = CliRun.of("sign", "--key", key.toString(), "--in", dir.resolve("nope").toString(),
        "--out", dir.resolve("sig").toString(), "--passphrase-file", pass.toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("nope") && r.err().contains("no such file"), r.describe());
  }

  @Test
  void sign_unencryptedKey_needsNoPassphrase() {
    Path key = dir.resolve("clear");
    assertEquals(Main.OK, CliRun.of("keygen", "--alg", "ML-DSA-65", "--out", key.toString(),
        "--unencrypted").exit());
    CliRun r = CliRun.of("sign", "--key", key.toString(), "--in", msg.toString(),
        "--out", dir.resolve("sig").toString());
    assertEquals(Main.OK, r.exit(), r.describe());
  }

  @Test
  void sign_messageFromStandardInput_verifiesAgainstTheFile() throws IOException {
    Path key = keygen("ML-DSA-44", "k");
    java.io.InputStream old = System.in;
    CliRun r;
    try {
      System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(msg)));
      r = CliRun.of("sign", "--key", key.toString(), "--in", "-",
          "--out", dir.resolve("sig").toString(), "--passphrase-file", pass.toString());
    } finally {
      System.setIn(old);
    }
    assertEquals(Main.OK, r.exit(), r.describe());
    CliRun v = CliRun.of("verify", "--pub", key + ".pub", "--in", msg.toString(),
        "--sig", dir.resolve("sig").toString());
    assertEquals(Main.OK, v.exit(), v.describe());
  }
}
