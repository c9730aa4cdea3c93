package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pqzk verify}: 0 when the signature verifies, 1 when it does not, 2 for bad input. */
class VerifyCommandTest {
  @TempDir Path dir;
  Path key;
  Path pub;
  Path msg;
  Path sig;

  @BeforeEach
  void setUp() throws IOException {
    key = dir.resolve("k");
    pub = dir.resolve("k.pub");
    msg = Files.writeString(dir.resolve("msg"), "block 7 header bytes");
    sig = dir.resolve("sig");
    assertEquals(Main.OK, CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", key.toString(),
        "--unencrypted").exit());
    assertEquals(Main.OK, CliRun.of("sign", "--key", key.toString(), "--in", msg.toString(),
        "--out", sig.toString(), "--context", "c0ffee").exit());
  }

  private CliRun verify(Path p, Path m, Path s, String ctx) {
    return ctx == null
        ? CliRun.of("verify", "--pub", p.toString(), "--in", m.toString(), "--sig", s.toString())
        : CliRun.of("verify", "--pub", p.toString(), "--in", m.toString(), "--sig", s.toString(),
            "--context", ctx);
  }

  @Test
  void verify_valid_exits0() {
    CliRun r = verify(pub, msg, sig, "C0FFEE");
    assertEquals(Main.OK, r.exit(), r.describe());
  }

  @Test
  void verify_modifiedMessage_exits1() throws IOException {
    Path other = Files.writeString(dir.resolve("other"), "block 7 header byteS");
    CliRun r = verify(pub, other, sig, "c0ffee");
    assertEquals(Main.VERIFICATION_FAILED, r.exit(), r.describe());
  }

  @Test
  void verify_modifiedSignature_exits1() throws IOException {
    byte[] s = Files.readAllBytes(sig);
    for (int i : new int[] {0, s.length / 2, s.length - 1}) {
      byte[] t = s.clone();
      t[i] ^= 0x01;
      Path bad = Files.write(dir.resolve("bad" + i), t);
      CliRun r = verify(pub, msg, bad, "c0ffee");
      assertEquals(Main.VERIFICATION_FAILED, r.exit(), "byte " + i + ": " + r.describe());
    }
  }

  @Test
  void verify_wrongOrMissingContext_exits1() {
    assertEquals(Main.VERIFICATION_FAILED, verify(pub, msg, sig, "c0ffef").exit());
    assertEquals(Main.VERIFICATION_FAILED, verify(pub, msg, sig, null).exit());
  }

  @Test
  void verify_otherKey_exits1() {
    Path other = dir.resolve("o");
    assertEquals(Main.OK, CliRun.of("keygen", "--alg", "ML-DSA-44", "--out", other.toString(),
        "--unencrypted").exit());
    CliRun r = verify(dir.resolve("o.pub"), msg, sig, "c0ffee");
    assertEquals(Main.VERIFICATION_FAILED, r.exit(), r.describe());
  }

  @Test
  void verify_truncatedSignature_exits2AsMalformed() throws IOException {
    byte[] s = Files.readAllBytes(sig);
    Path bad = Files.write(dir.resolve("short"), java.util.Arrays.copyOf(s, s.length - 1));
    CliRun r = verify(pub, msg, bad, "c0ffee");
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("malformed signature: 2419 bytes"), r.describe());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.describe());
  }

  @Test
  void verify_keyOfAnotherParameterSet_exits2NamingBothSets() {
    Path other = dir.resolve("o");
    assertEquals(Main.OK, CliRun.of("keygen", "--alg", "ML-DSA-65", "--out", other.toString(),
        "--unencrypted").exit());
    CliRun r = verify(dir.resolve("o.pub"), msg, sig, "c0ffee");
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("ML-DSA-65 signatures have 3309"), r.describe());
  }

  @Test
  void verify_privateKeyGivenAsPub_exits2() {
    CliRun r = verify(key, msg, sig, "c0ffee");
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
    assertTrue(r.err().contains("private key"), r.describe());
  }

  @Test
  void verify_garbagePublicKey_exits2() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.pub"), "not a key at all");
    CliRun r = verify(bad, msg, sig, "c0ffee");
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
  }

  @Test
  void verify_contextTooLong_exits2() {
    CliRun r = verify(pub, msg, sig, "00".repeat(256));
    assertEquals(Main.BAD_INPUT, r.exit(), r.describe());
  }

  /**
   * {@code --provider}, any case: every provider that can verify a context signature gives the
   * same verdicts (bc and pqzk); the JDK's provider, which has no context strings, is bad input
   * with its reason, as is an unknown name.
   */
  @Test
  void verify_provider_sameVerdictsAndTypedRefusals() throws IOException {
    byte[] s = Files.readAllBytes(sig);
    s[s.length / 3] ^= 0x10;
    Path bad = Files.write(dir.resolve("bad"), s);
    for (String p : new String[] {"pqzk", "PQZK", "bc", "auto"}) {
      CliRun ok = CliRun.of("verify", "--pub", pub.toString(), "--in", msg.toString(), "--sig",
          sig.toString(), "--context", "c0ffee", "--provider", p);
      assertEquals(Main.OK, ok.exit(), p + ": " + ok.describe());
      assertTrue(ok.out().contains("signature OK (ML-DSA-44)"), ok.describe());
      CliRun no = CliRun.of("verify", "--pub", pub.toString(), "--in", msg.toString(), "--sig",
          bad.toString(), "--context", "c0ffee", "--provider", p);
      assertEquals(Main.VERIFICATION_FAILED, no.exit(), p + ": " + no.describe());
    }
    CliRun jdk = CliRun.of("verify", "--pub", pub.toString(), "--in", msg.toString(), "--sig",
        sig.toString(), "--context", "c0ffee", "--provider", "jdk");
    assertEquals(Main.BAD_INPUT, jdk.exit(), jdk.describe());
    assertEquals(1, jdk.err().strip().lines().count(), "one line: " + jdk.describe());
    CliRun unknown = CliRun.of("verify", "--pub", pub.toString(), "--in", msg.toString(),
        "--sig", sig.toString(), "--provider", "nope");
    assertEquals(Main.BAD_INPUT, unknown.exit(), unknown.describe());
    assertTrue(unknown.err().contains("--provider"), unknown.describe());
  }
}
