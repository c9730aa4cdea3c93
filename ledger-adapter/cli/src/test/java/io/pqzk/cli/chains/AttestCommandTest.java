package io.pqzk.cli.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.chains.FabricAttestations;
import io.pqzk.chains.Fixtures;
import io.pqzk.chains.attest.Attestations;
import io.pqzk.chains.attest.Attesters;
import io.pqzk.cli.CliRun;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pqzk attest sign|verify}, 3 of 4 attesters, with the exit codes of docs/CLI.md. */
class AttestCommandTest {
  @TempDir static Path dir;
  static Path validators;
  static Path prague;
  static Path fabric;

  @BeforeAll
  static void setUp() throws Exception {
    List<String> names = new ArrayList<>();
    List<LedgerPublicKey> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Path k = dir.resolve("a" + i);
      CliRun r = CliRun.of("keygen", "--alg", "ML-DSA-65", "--out", k.toString(),
          "--unencrypted");
      assertEquals(0, r.exit(), r.describe());
      if (i < 4) { // a4 is an outsider
        names.add("a" + i);
        keys.add(Signatures.publicKeyFromPem("ML-DSA-65",
            Files.readString(Path.of(k + ".pub"), StandardCharsets.US_ASCII)));
      }
    }
    validators = dir.resolve("attesters.json");
    Files.write(validators, Attesters.file("ethereum", "1", 3, false, names, keys, List.of()));
    Files.write(dir.resolve("fabric-attesters.json"),
        Attesters.file("fabric", "mychannel", 0, false, names, keys, List.of()));
    prague = dir.resolve("prague.json");
    Files.write(prague, Fixtures.bytes("ethereum/mainnet-23094898.json"));
    fabric = dir.resolve("fabric.block");
    Files.write(fabric, Fixtures.bytes("fabric/mychannel-6.block"));
  }

  static Path sign(String chain, Path block, int attester) {
    Path out = dir.resolve(chain + "-" + block.getFileName() + "-" + attester + ".att");
    CliRun r = CliRun.of("attest", "sign", "--chain", chain, "--in", block.toString(), "--key",
        dir.resolve("a" + attester).toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.describe());
    return out;
  }

  static CliRun verify(Path block, Path... atts) {
    List<String> args = new ArrayList<>(List.of("attest", "verify", "--chain", "ethereum",
        "--in", block.toString(), "--validators", validators.toString(), "--att"));
    for (Path a : atts) {
      args.add(a.toString());
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void verify_threeOfFour_exits0_twoExits1() {
    CliRun ok = verify(prague, sign("ethereum", prague, 0), sign("ethereum", prague, 1),
        sign("ethereum", prague, 3));
    assertEquals(0, ok.exit(), ok.describe());
    assertTrue(ok.out().contains("attested: 3 valid attestations of 4 attesters, quorum 3"),
        ok.out());
    CliRun shortOne = verify(prague, sign("ethereum", prague, 0), sign("ethereum", prague, 1));
    assertEquals(1, shortOne.exit(), shortOne.describe());
  }

  @Test
  void verify_outsiderAndOtherBlock_leftOut() throws Exception {
    Path other = dir.resolve("other.json");
    Files.write(other, Fixtures.bytes("ethereum/mainnet-23182607.json"));
    CliRun r = verify(prague, sign("ethereum", prague, 0), sign("ethereum", prague, 1),
        sign("ethereum", prague, 4), sign("ethereum", other, 2));
    assertEquals(1, r.exit(), r.describe());
    assertTrue(r.out().contains("outside the attesters file"), r.out());
    assertTrue(r.out().contains("for block 23182607"), r.out());
  }

  @Test
  void verify_changedBlock_exits1() throws Exception {
    Path a = sign("ethereum", prague, 0);
    Path b = sign("ethereum", prague, 1);
    Path c = sign("ethereum", prague, 2);
    Path changed = dir.resolve("changed.json");
    Files.writeString(changed, Fixtures.text("ethereum/mainnet-23094898.json")
        .replace("\"timestamp\": \"0x6895a93f\"", "\"timestamp\": \"0x6895a940\"")
        .replaceAll("\"hash\": \"0x[0-9a-f]+\",", ""));
    assertEquals(1, verify(changed, a, b, c).exit());
    assertEquals(0, verify(prague, a, b, c, c).exit(), "a repeated file counts once");
  }

  @Test
  void verify_malformedAttestation_exits2() throws Exception {
    Path junk = dir.resolve("junk.att");
    Files.write(junk, new byte[] {1, 2, 3});
    CliRun r = verify(prague, sign("ethereum", prague, 0), junk);
    assertEquals(2, r.exit(), r.describe());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void verify_fabricBlockCarryingItsAttestations_exits0() throws Exception {
    List<io.pqzk.chains.proto.Attestation> atts = new ArrayList<>();
    for (int i : new int[] {0, 2, 3}) {
      atts.addAll(Attestations.parse(Files.readAllBytes(sign("fabric", fabric, i)), "att"));
    }
    Path carrying = dir.resolve("carrying.block");
    Files.write(carrying, FabricAttestations.embed(Files.readAllBytes(fabric),
        Attestations.bundle(atts)));
    CliRun r = CliRun.of("attest", "verify", "--chain", "fabric", "--in", carrying.toString(),
        "--validators", dir.resolve("fabric-attesters.json").toString());
    assertEquals(0, r.exit(), r.describe());
    CliRun h = CliRun.of("adapter", "hash", "--chain", "fabric", "--in", carrying.toString());
    CliRun h0 = CliRun.of("adapter", "hash", "--chain", "fabric", "--in", fabric.toString());
    assertEquals(h0.out(), h.out(), "carrying attestations leaves the block hash as it was");
  }
}
