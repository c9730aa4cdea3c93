package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
  @TempDir Path dir;
  Path pass;

  @BeforeEach
  void setUp() throws IOException {
    pass = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
    Passphrases.environment = name -> null;
  }

  @AfterEach
  void tearDown() {
    Passphrases.environment = System::getenv;
  }

  @Test
  void keygen_writesEncryptedPrivateKeyAndSpkiPublicKey() throws IOException {
    Path key = dir.resolve("k");
    CliRun r = CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", key.toString(),
        "--passphrase-file", pass.toString());
    assertEquals(Main.OK, r.exit(), r.describe());
    assertTrue(Files.readString(key).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertTrue(Files.readString(dir.resolve("k.pub")).startsWith("-----BEGIN PUBLIC KEY-----"));
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void keygen_existingFile_exits2AndKeepsIt() throws IOException {
    Path key = Files.writeString(dir.resolve("k"), "precious");
    CliRun r = CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", key.toString(),
        "--passphrase-file", pass.toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("already exists"), r.describe());
    assertEquals("precious", Files.readString(key));
    assertFalse(Files.exists(dir.resolve("k.pub")));
  }

  @Test
  void keygen_existingPublicFile_exits2AndWritesNothing() throws IOException {
    Path pub = Files.writeString(dir.resolve("k.pub"), "precious");
    CliRun r = CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", dir.resolve("k").toString(),
        "--passphrase-file", pass.toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertFalse(Files.exists(dir.resolve("k")));
    assertEquals("precious", Files.readString(pub));
  }

  @Test
  void keygen_force_replacesBothFiles() throws IOException {
    Path key = dir.resolve("k");
    assertEquals(Main.OK, CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", key.toString(),
        "--passphrase-file", pass.toString()).exit());
    byte[] firstPub = Files.readAllBytes(dir.resolve("k.pub"));
    CliRun r = CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", key.toString(), "--force",
        "--passphrase-file", pass.toString());
    assertEquals(Main.OK, r.exit(), r.describe());
    assertFalse(java.util.Arrays.equals(firstPub, Files.readAllBytes(dir.resolve("k.pub"))));
  }

  @Test
  void keygen_unencrypted_writesClearPkcs8AndWarns() throws IOException {
    Path key = dir.resolve("k");
    CliRun r = CliRun.of("keygen", "--alg", "SLH-DSA-SHAKE-128f", "--out", key.toString(),
        "--unencrypted");
    assertEquals(Main.OK, r.exit(), r.describe());
    assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
    assertTrue(r.err().contains("WARNING"), r.describe());
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void keygen_unknownAlgorithm_exits2AndListsValidNames() {
    CliRun r = CliRun.of("keygen", "--alg", "ML-DSA-66", "--out", dir.resolve("k").toString(),
        "--passphrase-file", pass.toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("ML-DSA-66") && r.err().contains("ML-DSA-65")
        && r.err().contains("SLH-DSA-SHA2-128s"), r.describe());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.describe());
    assertFalse(Files.exists(dir.resolve("k")));
  }

  @Test
  void keygen_algorithmList_printsEveryPureAlgorithm() {
    CliRun r = CliRun.of("keygen", "--alg", "list");
    assertEquals(Main.OK, r.exit(), r.describe());
    for (String name : new String[] {"ML-DSA-44", "ML-DSA-87", "SLH-DSA-SHAKE-256f"}) {
      assertTrue(r.out().lines().anyMatch(name::equals), name + " missing: " + r.describe());
    }
  }

  @Test
  void keygen_emptyPassphrase_exits2() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    CliRun r = CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", dir.resolve("k").toString(),
        "--passphrase-file", empty.toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("empty passphrase"), r.describe());
    assertFalse(Files.exists(dir.resolve("k")));
  }

  @Test
  void keygen_passphraseFromEnvironment_isUsedForSigning() throws IOException {
    Passphrases.environment = name -> name.equals(Passphrases.ENV) ? "from the environment" : null;
    Path key = dir.resolve("k");
    assertEquals(Main.OK, CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", key.toString())
        .exit());
    Path msg = Files.writeString(dir.resolve("m"), "hello");
    CliRun r = CliRun.of("sign", "--key", key.toString(), "--in", msg.toString(),
        "--out", dir.resolve("s").toString());
    assertEquals(Main.OK, r.exit(), r.describe());
    Passphrases.environment = name -> null;
    CliRun wrong = CliRun.of("sign", "--key", key.toString(), "--in", msg.toString(),
        "--out", dir.resolve("s2").toString(), "--passphrase-file", pass.toString());
    assertEquals(Main.BAD_INPUT, wrong.exit(), wrong.describe());
  }

  @Test
  void keygen_noPassphraseSource_exits2NamingTheOptions() {
    CliRun r = CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", dir.resolve("k").toString());
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("--passphrase-file") && r.err().contains(Passphrases.ENV),
        r.describe());
  }

  @Test
  void keygen_passphraseFile_onlyFirstLineCounts() throws IOException {
    Path key = dir.resolve("k");
    assertEquals(Main.OK, CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", key.toString(),
        "--passphrase-file", pass.toString()).exit());
    Path crlf = Files.writeString(dir.resolve("crlf"), "correct horse battery staple\r\njunk");
    Path msg = Files.writeString(dir.resolve("m"), "hello");
    CliRun r = CliRun.of("sign", "--key", key.toString(), "--in", msg.toString(),
        "--out", dir.resolve("s").toString(), "--passphrase-file", crlf.toString());
    assertEquals(Main.OK, r.exit(), r.describe());
  }
}
