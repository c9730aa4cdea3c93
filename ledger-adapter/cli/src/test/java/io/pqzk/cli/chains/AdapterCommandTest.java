package io.pqzk.cli.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.Fixtures;
import io.pqzk.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pqzk adapter hash}: real blocks, edited blocks (exit 1), malformed input (exit 2). */
class AdapterCommandTest {
  @TempDir Path dir;

  Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void hash_pragueHeader_printsPublishedHash() throws Exception {
    Path f = write("h.json", Fixtures.bytes("ethereum/mainnet-23094898.json"));
    CliRun r = CliRun.of("adapter", "hash", "--chain", "ethereum", "--in", f.toString());
    assertEquals(0, r.exit(), r.describe());
    assertTrue(r.out().contains("number 23094898\n"), r.out());
    assertTrue(r.out().contains(
        "hash 0xe6064637def8a5a9a90c8a666005975e4a6c46acf8af57e1f2adb20dfced133a"), r.out());
  }

  @Test
  void hash_fabricBlock_isTheNextBlocksPreviousHash() throws Exception {
    Path f = write("3.block", Fixtures.bytes("fabric/mychannel-3.block"));
    byte[] next = ChainAdapters.forName("fabric").parse(Fixtures.bytes("fabric/mychannel-4.block"))
        .parentHash();
    CliRun r = CliRun.of("adapter", "hash", "--chain", "fabric", "--in", f.toString());
    assertEquals(0, r.exit(), r.describe());
    assertTrue(r.out().contains("hash 0x" + HexFormat.of().formatHex(next)), r.out());
    assertTrue(r.out().contains("chain-id mychannel"), r.out());
  }

  @Test
  void hash_statedHashWrong_exits1() throws Exception {
    String edited = Fixtures.text("ethereum/mainnet-23094898.json")
        .replace("\"gasUsed\": \"0x1c06043\"", "\"gasUsed\": \"0x1c06042\"");
    Path f = write("e.json", edited.getBytes(StandardCharsets.UTF_8));
    CliRun r = CliRun.of("adapter", "hash", "--chain", "ethereum", "--in", f.toString());
    assertEquals(1, r.exit(), r.describe());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void hash_malformedOrWrongChain_exits2() throws Exception {
    Path json = write("x.json", "{\"number\": \"0x1\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(2, CliRun.of("adapter", "hash", "--chain", "ethereum", "--in", json.toString())
        .exit());
    Path eth = write("h.json", Fixtures.bytes("ethereum/mainnet-1.json"));
    assertEquals(2, CliRun.of("adapter", "hash", "--chain", "fabric", "--in", eth.toString())
        .exit());
    assertEquals(2, CliRun.of("adapter", "hash", "--chain", "bitcoin", "--in", eth.toString())
        .exit());
    assertEquals(2, CliRun.of("adapter", "hash", "--chain", "ethereum", "--in",
        dir.resolve("missing").toString()).exit());
  }
}
