package io.pqzk.cli.ledger;

import io.pqzk.ledger.store.Ledger;

import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.BlockSealer;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.store.TestChain;

import io.pqzk.cli.CliRun;
import io.pqzk.ledger.store.ChainFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.store.BlockFiles;
import io.pqzk.ledger.store.StoredBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of tampering with a stored chain makes {@code pqzk chain verify}
 * exit 1 and name the block. Each case works on a fresh copy of one real chain.
 */
class TamperSuiteTest {
  static final int BLOCKS = 6;
  @TempDir static Path shared;
  static TestChain chain;
  static Path pristine;
  @TempDir Path work;
  Path data;

  @BeforeAll
  static void buildChain() throws Exception {
    chain = new TestChain(2);
    pristine = shared.resolve("pristine");
    try (Ledger l = chain.open(pristine)) {
      chain.fill(l, BLOCKS);
    }
    assertEquals(0, verify(pristine).exit(), "the untouched chain must verify");
  }

  @BeforeEach
  void copy() throws Exception {
    data = work.resolve("data");
    ChainFiles.copyTree(pristine, data);
  }

  static CliRun verify(Path dir) {
    return CliRun.of("chain", "verify", "--quiet", "--data", dir.toString());
  }

  static void assertRejectedAt(long block, CliRun r) {
    assertEquals(1, r.exit(), () -> "exit code; stderr: " + r.err());
    assertTrue(Pattern.compile("at block " + block + "\\b").matcher(r.err()).find(),
        () -> "should name block " + block + ": " + r.err());
    assertEquals(1, r.err().strip().lines().count(), () -> "one line: " + r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void verify_singleByteFlipAnywhereInBlockFile_exits1NamingBlock() throws Exception {
    List<StoredBlock> recs = ChainFiles.records(data);
    byte[] original = Files.readAllBytes(ChainFiles.segment0(data));
    Random rnd = new Random(4);
    List<Long> positions = new ArrayList<>();
    for (StoredBlock b : recs) {
      for (int i = 0; i < BlockFiles.HEADER_BYTES; i++) {
        positions.add(b.location().offset() + i); // every record-header byte
      }
      for (int i = 0; i < 12; i++) {
        positions.add(b.location().offset() + BlockFiles.HEADER_BYTES
            + rnd.nextInt(b.location().length()));
      }
    }
    for (long pos : positions) {
      byte[] copy = original.clone();
      copy[(int) pos] ^= (byte) (1 << rnd.nextInt(8));
      Files.write(ChainFiles.segment0(data), copy);
      long block = recs.stream().filter(b -> b.location().end() > pos).findFirst().get().height();
      assertRejectedAt(block, verify(data));
    }
  }

  @Test
  void verify_byteFlipWithChecksumRecomputed_exits1NamingBlock() throws Exception {
    List<StoredBlock> recs = ChainFiles.records(data);
    Random rnd = new Random(5);
    for (int trial = 0; trial < 60; trial++) {
      int k = rnd.nextInt(recs.size());
      List<byte[]> payloads = new ArrayList<>();
      recs.forEach(b -> payloads.add(b.payload().clone()));
      byte[] p = payloads.get(k);
      p[rnd.nextInt(p.length)] ^= (byte) (1 << rnd.nextInt(8));
      ChainFiles.rewrite(data, payloads);
      assertRejectedAt(k, verify(data));
    }
  }

  @Test
  void verify_twoBlocksSwapped_exits1NamingBlock() throws Exception {
    List<StoredBlock> recs = ChainFiles.records(data);
    byte[] file = Files.readAllBytes(ChainFiles.segment0(data));
    StoredBlock a = recs.get(2);
    StoredBlock b = recs.get(3);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(file, 0, (int) a.location().offset());
    out.write(file, (int) b.location().offset(), (int) (b.location().end() - b.location().offset()));
    out.write(file, (int) a.location().offset(), (int) (a.location().end() - a.location().offset()));
    out.write(file, (int) b.location().end(), (int) (file.length - b.location().end()));
    Files.write(ChainFiles.segment0(data), out.toByteArray());
    assertRejectedAt(2, verify(data));
  }

  @Test
  void verify_twoBlocksSwappedAndRelabelled_exits1NamingBlock() throws Exception {
    List<byte[]> payloads = new ArrayList<>();
    ChainFiles.records(data).forEach(b -> payloads.add(b.payload()));
    java.util.Collections.swap(payloads, 2, 3);
    ChainFiles.rewrite(data, payloads);
    CliRun r = verify(data);
    assertRejectedAt(2, r);
    assertTrue(r.err().contains("height"), r.err());
  }

  @Test
  void verify_blockResignedByKeyOutsideValidatorSet_exits1NamingBlock() throws Exception {
    List<StoredBlock> recs = ChainFiles.records(data);
    int k = 4;
    ChainState state = replay(recs, k);
    BlockRules.ValidatedBlock orig = chain.rules.validate(recs.get(k).payload(), copyState(recs,
        k));
    BlockDraft draft = chain.rules.draft(state, orig.header().getTimestampMillis());
    for (ParsedTransaction t : orig.transactions()) {
      draft.admit(t);
    }
    ProposerKeys outsider = new ProposerKeys("mallory", Signatures.generate("ML-DSA-65"),
        Signatures.generate("SLH-DSA-SHA2-128f"));
    BlockSealer.Sealed forged = new BlockSealer(chain.rules).seal(draft, state, outsider,
        orig.header().getTimestampMillis(), orig.block().getLastCommit().toByteArray());
    List<byte[]> payloads = new ArrayList<>();
    recs.forEach(b -> payloads.add(b.payload()));
    payloads.set(k, forged.bytes());
    ChainFiles.rewrite(data, payloads.subList(0, k + 1));
    CliRun r = verify(data);
    assertRejectedAt(k, r);
    assertTrue(r.err().contains("not a validator"), r.err());
  }

  @Test
  void verify_transactionDropped_exits1NamingBlock() throws Exception {
    List<byte[]> payloads = new ArrayList<>();
    ChainFiles.records(data).forEach(b -> payloads.add(b.payload()));
    int k = 3;
    Block b = Block.parseFrom(payloads.get(k));
    List<ByteString> txs = new ArrayList<>(b.getTransactionsList());
    txs.remove(1);
    payloads.set(k, b.toBuilder().clearTransactions().addAllTransactions(txs).build()
        .toByteArray());
    ChainFiles.rewrite(data, payloads);
    assertRejectedAt(k, verify(data));
  }

  @Test
  void verify_replayedTransactionInValidatorSignedBlock_exits1NamingBlock() throws Exception {
    List<StoredBlock> recs = ChainFiles.records(data);
    int k = 5;
    ChainState state = replay(recs, k);
    Block earlier = Block.parseFrom(recs.get(1).payload());
    ByteString replayed = earlier.getTransactions(3);
    // A rogue but genuine validator signs a block carrying an old transaction again.
    ByteString lastCommit = Block.parseFrom(recs.get(k).payload()).getLastCommit();
    BlockHeader header = BlockHeader.newBuilder().setChainId(TestChain.CHAIN).setHeight(k)
        .setLastCommitHash(ByteString.copyFrom(chain.rules.lastCommitHash(
            lastCommit.toByteArray())))
        .setPreviousHash(ByteString.copyFrom(state.headHash()))
        .setTimestampMillis(System.currentTimeMillis())
        .setProposerKeyId(ByteString.copyFrom(chain.validatorMl.publicKey().keyId()))
        .setTransactionCount(1).build();
    byte[] hb = header.toByteArray();
    byte[] ctx = chain.rules.blockContext();
    Block forged = Block.newBuilder().setHeader(ByteString.copyFrom(hb)).addTransactions(replayed)
        .setLastCommit(lastCommit)
        .addSignatures(envelope(chain.validatorMl, hb, ctx))
        .build();
    List<byte[]> payloads = new ArrayList<>();
    recs.forEach(b -> payloads.add(b.payload()));
    payloads.set(k, forged.toByteArray());
    ChainFiles.rewrite(data, payloads);
    CliRun r = verify(data);
    assertRejectedAt(k, r);
    assertTrue(r.err().contains("replays"), r.err());
  }

  @Test
  void verify_genesisEditedAfterTheFact_exits1NamingBlock0() throws Exception {
    Path g = data.resolve(Genesis.FILE_NAME);
    String json = Files.readString(g, StandardCharsets.UTF_8);
    Files.writeString(g, json.replace("\"createdMillis\": \"1700000000000\"",
        "\"createdMillis\": \"1700000000001\""), StandardCharsets.UTF_8);
    assertTrue(!Files.readString(g).equals(json), "the edit must change the file");
    assertRejectedAt(0, verify(data));
  }

  @Test
  void verify_genesisWithExtraValidator_exits1NamingBlock0() throws Exception {
    io.pqzk.ledger.proto.Genesis.Builder g = chain.genesisProto(2);
    g.getValidatorsBuilder().addMembers(
        Member.newBuilder().setName("mallory")
            .addKeys(Genesis.keyEntry(Signatures.generate("ML-DSA-65").publicKey()))
            .addKeys(Genesis.keyEntry(Signatures.generate("SLH-DSA-SHA2-128f").publicKey())));
    Files.write(data.resolve(Genesis.FILE_NAME), Genesis.toJson(g.build()));
    assertRejectedAt(0, verify(data));
  }

  static io.pqzk.ledger.proto.SignatureEnvelope envelope(
      io.pqzk.ledger.crypto.LedgerSigningKey key, byte[] msg, byte[] ctx) {
    return io.pqzk.ledger.proto.SignatureEnvelope.newBuilder().setAlgorithm(key.algorithm())
        .setKeyId(ByteString.copyFrom(key.publicKey().keyId()))
        .setContext(ByteString.copyFrom(ctx))
        .setSignature(ByteString.copyFrom(Signatures.sign(key, msg, ctx))).build();
  }

  /** State after blocks 0..k-1. */
  static ChainState replay(List<StoredBlock> recs, int k) throws Exception {
    ChainState s = ChainState.inMemory(chain.genesis);
    for (int i = 0; i < k; i++) {
      s.apply(chain.rules.validate(recs.get(i).payload(), s).effects(), java.util.List.of());
    }
    return s;
  }

  static ChainState copyState(List<StoredBlock> recs, int k) throws Exception {
    return replay(recs, k);
  }
}
