package io.pqzk.cli.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.CliRun;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.CircuitDigests;
import io.pqzk.ledger.store.ChainFiles;
import io.pqzk.ledger.store.Groth16ClaimLedgerTest;
import io.pqzk.ledger.store.StoredBlock;
import io.pqzk.zk.groth16claims.ClaimCircuit;
import io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pqzk demo --validators 4} end to end on a small chain (with Groth16 claims: zokrates-js
 * is installed by the build): every block certified by a quorum of the four, then {@code pqzk
 * chain verify} accepts it and prints the genesis hash, the finalized height and the head hash,
 * which pin it again; {@code pqzk chain show} prints what the genesis pins of the Groth16 setup.
 */
class DemoRunTest {
  static final HexFormat HEX = HexFormat.of();

  @Test
  void demo4Validators_thenChainVerify_printsGenesisHeightAndHead(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("d");
    String previous = System.getProperty("pqzk.zokrates.dir");
    System.setProperty("pqzk.zokrates.dir", Groth16ClaimLedgerTest.SETUP.toString());
    CliRun demo;
    try {
      demo = CliRun.of("demo", "--data", data.toString(), "--records", "50",
          "--validators", "4", "--block-size", "16", "--slh-every", "2", "--groth16", "on");
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
    assertTrue(demo.out().contains("independent validation"), demo.out());
    assertTrue(demo.err().contains("== importing 50 documents into the custodian's vault"),
        demo.err());
    assertTrue(demo.out().contains("stark proofs (post-quantum"), demo.out());
    Matcher m = Pattern.compile("(\\d+) transactions \\{").matcher(demo.out());
    assertTrue(m.find(), demo.out());
    // 50 registrations and their custody, 5 grants, the readers, the custodian's access events
    // and the claims whose policies a record meets
    assertTrue(Integer.parseInt(m.group(1)) > 105, demo.out());

    Genesis genesis = Genesis.load(data.resolve(Genesis.FILE_NAME));
    assertEquals(4, genesis.validators().size());
    assertEquals(3, genesis.commitSigners().threshold());
    List<StoredBlock> blocks = ChainFiles.records(data);
    long head = blocks.size() - 1;
    byte[] headHash = new BlockRules(genesis).headerHash(
        Block.parseFrom(blocks.get((int) head).payload()).getHeader().toByteArray());

    CliRun verify = CliRun.of("chain", "verify", "--quiet", "--data", data.toString());
    assertEquals(0, verify.exit(), verify.err());
    assertTrue(verify.out().contains(blocks.size() + " blocks, " + m.group(1) + " transactions"),
        verify.out());
    assertTrue(verify.out().contains("  genesis hash     " + HEX.formatHex(genesis.hash())),
        verify.out());
    assertTrue(verify.out().contains("  finalized height " + head + "\n"), verify.out());
    assertTrue(verify.out().contains("  finalized head   " + HEX.formatHex(headHash)),
        verify.out());
    // every block but the head carries the certificate of the one before, signed by all four
    // validators the demo holds; the head's is stored beside the files
    assertTrue(verify.out().contains(", " + 4 * head + " commit ("), verify.out());

    // what it printed pins the chain for the next auditor
    CliRun pinned = CliRun.of("chain", "verify", "--quiet", "--data", data.toString(),
        "--genesis-hash", HEX.formatHex(genesis.hash()), "--expect-height", Long.toString(head),
        "--expect-head", HEX.formatHex(headHash));
    assertEquals(0, pinned.exit(), pinned.err());

    CliRun again = CliRun.of("demo", "--data", data.toString(), "--records", "5",
        "--groth16", "off");
    assertEquals(2, again.exit());
    assertTrue(again.err().contains("already holds a chain"), again.err());

    chainShow_printsTheGroth16Pins(data, genesis);
  }

  /** The digests an operator recomputes: sha256sum of the key file, the source and the program. */
  private static void chainShow_printsTheGroth16Pins(Path data, Genesis genesis)
      throws Exception {
    String g16 = ZokratesGroth16ProofSystem.ID;
    CliRun show = CliRun.of("chain", "show", "--data", data.toString(), "--height", "0");
    assertEquals(0, show.exit(), show.err());
    CircuitDigests pinned = genesis.claimCircuit(g16);
    Path setup = Groth16ClaimLedgerTest.SETUP;
    String key = sha256(Files.readAllBytes(setup.resolve("verification.key.json")));
    String source = sha256(ClaimCircuit.load().source().getBytes(StandardCharsets.UTF_8));
    String program = sha256(Files.readAllBytes(setup.resolve("out")));
    assertEquals(source, pinned.getSourceSha256());
    assertEquals(program, pinned.getProgramSha256());
    assertTrue(show.out().contains("  " + g16 + " trusted setup pinned by the genesis (SHA-256)\n"
        + "    verification key     " + key + "\n"
        + "    circuit source       " + source + "\n"
        + "    circuit program      " + program + "\n"), show.out());
  }

  @Test
  void demo_keepsSecretsPrivate(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("d");
    assertEquals(0, CliRun.of("demo", "--data", data.toString(), "--records", "5",
        "--validators", "1", "--groth16", "off").exit());
    for (String secret : new String[] {"keys/DEMO-PASSPHRASE",
        "keys/validator-0.ML-DSA-65.key", "keys/custodian-us.X-Wing.key",
        "keys/tls/ca.tls.key", "keys/clinic-alpha.X-Wing.key", "keys/tls/clinic-alpha.tls.key"}) {
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(data.resolve(secret))), secret);
    }
    assertTrue(Files.readString(data.resolve("keys/validator-0.ML-DSA-65.key"))
        .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertTrue(Files.readString(data.resolve("keys/custodian-us.X-Wing.key"))
        .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    // the records are in the custodian's vault, encrypted: no plaintext record files any more
    assertTrue(Files.notExists(data.resolve("records")), "no records/ folder");
    assertTrue(Files.isDirectory(data.resolve("custodian/vault")));
  }

  private static String sha256(byte[] b) throws Exception {
    return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
