package io.pqzk.cli.ledger;

import io.pqzk.ledger.store.Ledger;

import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.TestChain;
import io.pqzk.ledger.proto.Transaction;

import io.pqzk.cli.CliRun;
import io.pqzk.ledger.store.ChainFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.store.StoredBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed protobuf, truncated files, a wrong genesis, an unknown algorithm:
 * one clear line, exit 2 for unusable input or 1 for a block that fails verification, no stack
 * trace, and the data directory byte-for-byte unchanged by {@code chain verify} and
 * {@code chain show}.
 */
class BadInputTest {
  @TempDir static Path shared;
  static TestChain chain;
  static Path pristine;
  @TempDir Path work;
  Path data;

  @BeforeAll
  static void buildChain() throws Exception {
    chain = new TestChain(1);
    pristine = shared.resolve("pristine");
    try (Ledger l = chain.open(pristine)) {
      chain.fill(l, 3);
    }
  }

  @BeforeEach
  void copy() throws Exception {
    data = work.resolve("data");
    ChainFiles.copyTree(pristine, data);
  }

  /** Runs verify and show; checks exit code, one-line message and that nothing changed. */
  private String expect(int exit, String... extra) throws Exception {
    Map<String, String> before = ChainFiles.fingerprint(data);
    List<String> args = new ArrayList<>(List.of("chain", "verify", "--quiet", "--data",
        data.toString()));
    args.addAll(Arrays.asList(extra));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(exit, r.exit(), () -> "verify exit; stderr: " + r.err());
    assertEquals(1, r.err().strip().lines().count(), () -> "one line: " + r.err());
    assertTrue(r.err().startsWith("pqzk: "), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace");
    CliRun show = CliRun.of("chain", "show", "--data", data.toString(), "--height",
        "0");
    assertTrue(show.exit() == 0 || show.exit() == exit || show.exit() == 1,
        () -> "show exit " + show.exit() + ": " + show.err());
    assertEquals(before, ChainFiles.fingerprint(data), "verify and show must not change data");
    return r.err();
  }

  @Test
  void verify_genesisNotJson_exits2() throws Exception {
    Files.writeString(data.resolve(Genesis.FILE_NAME), "this is { not json");
    assertTrue(expect(2).contains("genesis"));
  }

  @Test
  void verify_genesisTruncated_exits2() throws Exception {
    byte[] g = Files.readAllBytes(data.resolve(Genesis.FILE_NAME));
    Files.write(data.resolve(Genesis.FILE_NAME), Arrays.copyOf(g, g.length / 2));
    assertTrue(expect(2).contains("genesis"));
  }

  @Test
  void verify_genesisUnknownAlgorithm_exits2() throws Exception {
    Path g = data.resolve(Genesis.FILE_NAME);
    Files.writeString(g, Files.readString(g).replace("\"SLH-DSA-SHA2-128f\"", "\"SLH-DSA-X\""));
    assertTrue(expect(2).contains("unknown signature algorithm 'SLH-DSA-X'"));
  }

  @Test
  void verify_genesisOfAnotherChain_exits1AtBlock0() throws Exception {
    TestChain other = new TestChain(1);
    Path g = work.resolve("other-genesis.json");
    Files.write(g, other.genesisBytes);
    assertTrue(expect(1, "--genesis", g.toString()).contains("block 0"));
  }

  @Test
  void verify_missingGenesisFile_exits2() throws Exception {
    Files.delete(data.resolve(Genesis.FILE_NAME));
    assertTrue(expect(2).contains("does not exist"));
  }

  @Test
  void verify_missingDataDirectory_exits2() throws Exception {
    CliRun r = CliRun.of("chain", "verify", "--data",
        work.resolve("nope").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("does not exist"), r.err());
  }

  @Test
  void verify_blockFileTruncated_exits1NamingBlock() throws Exception {
    Path seg = ChainFiles.segment0(data);
    byte[] f = Files.readAllBytes(seg);
    Files.write(seg, Arrays.copyOf(f, f.length - 100));
    assertTrue(expect(1).contains("block 2"));
  }

  @Test
  void verify_emptyBlockFile_exits2() throws Exception {
    Files.write(ChainFiles.segment0(data), new byte[0]);
    assertTrue(expect(2).contains("no blocks"));
  }

  @Test
  void verify_blockNotProtobuf_exits1NamingBlock() throws Exception {
    List<byte[]> payloads = payloads();
    payloads.set(1, "definitely not protobuf \u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1));
    ChainFiles.rewrite(data, payloads);
    String err = expect(1);
    assertTrue(err.contains("block 1") && err.contains("protobuf"), err);
  }

  @Test
  void verify_unknownAlgorithmInEnvelope_exits1NamingBlock() throws Exception {
    List<byte[]> payloads = payloads();
    Block b = Block.parseFrom(payloads.get(2));
    payloads.set(2, b.toBuilder().setSignatures(0, b.getSignatures(0).toBuilder()
        .setAlgorithm("ML-DSA-99")).build().toByteArray());
    ChainFiles.rewrite(data, payloads);
    String err = expect(1);
    assertTrue(err.contains("block 2") && err.contains("unknown signature algorithm 'ML-DSA-99'"),
        err);
  }

  @Test
  void verify_unknownAlgorithmInTransactionEnvelope_exits1NamingBlock() throws Exception {
    List<byte[]> payloads = payloads();
    Block b = Block.parseFrom(payloads.get(1));
    io.pqzk.ledger.proto.Transaction t = io.pqzk.ledger.proto.Transaction.parseFrom(
        b.getTransactions(0));
    t = t.toBuilder().setSignature(t.getSignature().toBuilder().setAlgorithm("RSA")).build();
    payloads.set(1, b.toBuilder().setTransactions(0, ByteString.copyFrom(t.toByteArray()))
        .build().toByteArray());
    ChainFiles.rewrite(data, payloads);
    String err = expect(1);
    assertTrue(err.contains("block 1") && err.contains("unknown signature algorithm 'RSA'"), err);
  }

  @Test
  void show_heightBeyondHead_exits2() {
    CliRun r = CliRun.of("chain", "show", "--data", data.toString(), "--height",
        "99");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no block at height 99"), r.err());
  }

  @Test
  void show_block_printsHeaderAndNamedAuthors() {
    CliRun r = CliRun.of("chain", "show", "--data", data.toString(), "--height",
        "1");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("block 1 of chain " + TestChain.CHAIN), r.out());
    assertTrue(r.out().contains("medical-authority (authority)"), r.out());
    assertTrue(r.out().contains("SLH-DSA-SHA2-128f"), r.out());
  }

  private List<byte[]> payloads() throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (StoredBlock b : ChainFiles.records(data)) {
      out.add(b.payload());
    }
    return out;
  }
}
