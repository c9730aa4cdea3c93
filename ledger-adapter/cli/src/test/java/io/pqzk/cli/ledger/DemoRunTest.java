package io.pqzk.cli.ledger;

import io.pqzk.ledger.store.Groth16ClaimLedgerTest;

import io.pqzk.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk demo} end to end on a small chain (with Groth16 claims: zokrates-js is installed by
 * the build), then {@code pqzk chain verify} on its output.
 */
class DemoRunTest {
  @Test
  void demo_thenChainVerify_exit0_andSecondRunRefusesWithoutForce(@TempDir Path dir) {
    String data = dir.resolve("d").toString();
    String previous = System.getProperty("pqzk.zokrates.dir");
    System.setProperty("pqzk.zokrates.dir", Groth16ClaimLedgerTest.SETUP.toString());
    CliRun demo;
    try {
      demo = CliRun.of("demo", "--data", data, "--records", "30",
          "--validators", "2", "--block-size", "16", "--slh-every", "2", "--groth16", "on");
    } finally {
      if (previous == null) {
        System.clearProperty("pqzk.zokrates.dir");
      } else {
        System.setProperty("pqzk.zokrates.dir", previous);
      }
    }
    assertEquals(0, demo.exit(), demo.err());
    assertTrue(demo.out().contains("claims: 2 zokrates-groth16 proofs (NOT post-quantum"),
        demo.out());
    assertTrue(demo.err().contains("NOT post-quantum sound and needs a trusted setup"), demo.err());
    assertTrue(demo.out().contains("transactions {"), demo.out());
    assertTrue(demo.out().contains("independent validation"), demo.out());
    assertTrue(demo.err().contains("== registering 30 record commitments"), demo.err());

    CliRun verify = CliRun.of("chain", "verify", "--quiet", "--data", data);
    assertEquals(0, verify.exit(), verify.err());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) transactions \\{")
        .matcher(demo.out());
    assertTrue(m.find(), demo.out());
    // 30 registrations, 3 grants, 30 reads and the STARK claims whose policies a record meets
    assertTrue(Integer.parseInt(m.group(1)) > 63, demo.out());
    assertTrue(demo.out().contains("claim="), demo.out());
    assertTrue(demo.out().contains("stark proofs (post-quantum"), demo.out());
    assertTrue(verify.out().contains(m.group(1) + " transactions"), verify.out());

    CliRun again = CliRun.of("demo", "--data", data, "--records", "5",
        "--groth16", "off");
    assertEquals(2, again.exit());
    assertTrue(again.err().contains("already holds a chain"), again.err());
  }

  @Test
  void demo_keepsSecretsPrivate(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("d");
    assertEquals(0, CliRun.of("demo", "--data", data.toString(), "--records", "5",
        "--validators", "1", "--groth16", "off").exit());
    for (String secret : new String[] {"keys/DEMO-PASSPHRASE",
        "keys/validator-0.ML-DSA-65.key", "records/openings.csv", "records/records.csv"}) {
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(data.resolve(secret))), secret);
    }
    assertTrue(Files.readString(data.resolve("keys/validator-0.ML-DSA-65.key"))
        .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
  }
}
