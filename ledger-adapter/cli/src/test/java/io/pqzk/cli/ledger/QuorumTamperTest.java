package io.pqzk.cli.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.cli.CliRun;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.store.ChainFiles;
import io.pqzk.ledger.store.DataDirectory;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.store.StoredBlock;
import io.pqzk.ledger.store.TestChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No single key, and no f = floor((n-1)/3) keys, can write or rewrite history: a block is final
 * only with commit signatures of floor(2n/3)+1 of the n genesis validators, and {@code pqzk
 * chain verify} refuses (exit 1, naming the block) every certificate that falls short, names an
 * outsider or one signer twice, or signs another header; and it pins the genesis and the
 * finalized head when told to.
 */
class QuorumTamperTest {
  static final int BLOCKS = 5;
  @TempDir static Path shared;
  static TestChain chain; // 7 validators: quorum 5, f = 2
  static Path pristine;
  @TempDir Path work;
  Path data;

  @BeforeAll
  static void buildChain() throws Exception {
    chain = TestChain.withValidators(7);
    assertEquals(5, chain.genesis.commitSigners().threshold());
    pristine = shared.resolve("pristine");
    try (Ledger l = chain.open(pristine)) {
      chain.fill(l, BLOCKS);
    }
    CliRun r = verify(pristine);
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("finalized height " + (BLOCKS - 1)), r.out());
  }

  @BeforeEach
  void copy() throws Exception {
    data = work.resolve("data");
    ChainFiles.copyTree(pristine, data);
  }

  static CliRun verify(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("chain", "verify", "--quiet", "--data",
        dir.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  static void assertRejectedAt(long block, String why, CliRun r) {
    assertEquals(1, r.exit(), r::toString);
    assertTrue(Pattern.compile("block " + block + "\\b").matcher(r.err()).find(),
        () -> "should name block " + block + ": " + r.err());
    assertTrue(r.err().contains(why), () -> "should say '" + why + "': " + r.err());
    assertEquals(1, r.err().strip().lines().count(), r::toString);
  }

  // ---- the certificate a block carries -------------------------------------------------------

  /** Rewrites the top block with its carried certificate changed, re-signed by its proposer. */
  private void forgeTopCertificate(UnaryOperator<QuorumCertificate> change) throws Exception {
    List<StoredBlock> recs = ChainFiles.records(data);
    int top = recs.size() - 1;
    Block b = Block.parseFrom(recs.get(top).payload());
    QuorumCertificate qc = change.apply(QuorumCertificate.parseFrom(b.getLastCommit()));
    byte[] carried = qc.toByteArray();
    BlockHeader h = BlockHeader.parseFrom(b.getHeader()).toBuilder()
        .setLastCommitHash(ByteString.copyFrom(chain.rules.lastCommitHash(carried))).build();
    byte[] hb = h.toByteArray();
    byte[] ctx = chain.rules.blockContext();
    Block forged = b.toBuilder().setHeader(ByteString.copyFrom(hb))
        .setLastCommit(ByteString.copyFrom(carried)).clearSignatures()
        .addSignatures(envelope(chain.proposer.mlDsa(), hb, ctx))
        .addSignatures(envelope(chain.proposer.slhDsa(), hb, ctx)).build();
    List<byte[]> payloads = new ArrayList<>();
    recs.forEach(r -> payloads.add(r.payload()));
    payloads.set(top, forged.toByteArray());
    ChainFiles.rewrite(data, payloads);
    Files.deleteIfExists(DataDirectory.headCertificate(data)); // its head is another block now
  }

  @Test
  void carriedCertificate_belowQuorum_exits1() throws Exception {
    forgeTopCertificate(qc -> qc.toBuilder().clearSignatures()
        .addAllSignatures(qc.getSignaturesList().subList(0, 4)).build());
    assertRejectedAt(BLOCKS - 1, "the quorum is 5 of 7", verify(data));
  }

  @Test
  void carriedCertificate_signedByKeyOutsideTheSet_exits1() throws Exception {
    var outsider = Signatures.generate("ML-DSA-65");
    forgeTopCertificate(qc -> {
      CertificateSignature s = QuorumCertificates.sign(qc.getSignatures(0).getSigner(),
          outsider, null, chain.rules.commitStatement(qc.getHeight(),
              qc.getSubjectHash().toByteArray()));
      return qc.toBuilder().setSignatures(0, s).build();
    });
    assertRejectedAt(BLOCKS - 1, "does not verify", verify(data));
  }

  @Test
  void carriedCertificate_signerIndexOutsideTheSet_exits1() throws Exception {
    forgeTopCertificate(qc -> qc.toBuilder().setSignatures(qc.getSignaturesCount() - 1,
        qc.getSignatures(qc.getSignaturesCount() - 1).toBuilder().setSigner(7)).build());
    assertRejectedAt(BLOCKS - 1, "outside the 7 members", verify(data));
  }

  @Test
  void carriedCertificate_oneSignerTwice_exits1() throws Exception {
    forgeTopCertificate(qc -> qc.toBuilder().clearSignatures()
        .addAllSignatures(qc.getSignaturesList().subList(0, 4))
        .addSignatures(qc.getSignatures(3)).build());
    assertRejectedAt(BLOCKS - 1, "twice", verify(data));
  }

  @Test
  void carriedCertificate_overAnotherHeaderHash_exits1() throws Exception {
    byte[] other = new byte[32];
    forgeTopCertificate(qc -> {
      // every signature genuine, but over a header that is not block top-1's
      List<CertificateSignature> sigs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        sigs.add(QuorumCertificates.sign(i, chain.validators.get(i).mlDsa(), null,
            chain.rules.commitStatement(qc.getHeight(), other)));
      }
      return qc.toBuilder().setSubjectHash(ByteString.copyFrom(other)).clearSignatures()
          .addAllSignatures(sigs).build();
    });
    assertRejectedAt(BLOCKS - 1, "signs another hash", verify(data));
  }

  @Test
  void carriedCertificate_removed_exits1() throws Exception {
    List<StoredBlock> recs = ChainFiles.records(data);
    int top = recs.size() - 1;
    Block b = Block.parseFrom(recs.get(top).payload());
    List<byte[]> payloads = new ArrayList<>();
    recs.forEach(r -> payloads.add(r.payload()));
    payloads.set(top, b.toBuilder().clearLastCommit().build().toByteArray());
    ChainFiles.rewrite(data, payloads);
    assertRejectedAt(top, "last_commit_hash", verify(data));
  }

  // ---- the stored head certificate -----------------------------------------------------------

  @Test
  void headCertificate_belowQuorum_exits1NamingTheHead() throws Exception {
    Path f = DataDirectory.headCertificate(data);
    QuorumCertificate qc = QuorumCertificate.parseFrom(Files.readAllBytes(f));
    Files.write(f, qc.toBuilder().clearSignatures()
        .addAllSignatures(qc.getSignaturesList().subList(0, 4)).build().toByteArray());
    assertRejectedAt(BLOCKS - 1, "the quorum is 5 of 7", verify(data));
  }

  @Test
  void headCertificate_missing_headNotFinal_andExpectHeightRefuses() throws Exception {
    Files.delete(DataDirectory.headCertificate(data));
    CliRun r = verify(data);
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("finalized height " + (BLOCKS - 2)), r.out());
    assertTrue(r.out().contains("block " + (BLOCKS - 1) + " is not final"), r.out());
    CliRun pinned = verify(data, "--expect-height", String.valueOf(BLOCKS - 1));
    assertEquals(1, pinned.exit(), pinned::toString);
    assertTrue(pinned.err().contains("finalized height is " + (BLOCKS - 2)), pinned.err());
  }

  // ---- forged histories ----------------------------------------------------------------------

  /** A whole history written from the genesis with {@code stolen} validator keys only. */
  private void forgeHistory(int stolen) throws Exception {
    List<ProposerKeys> thief = chain.validators.subList(0, stolen);
    // the thief cannot reach the quorum through the honest code path, so it assembles its own
    List<byte[]> blocks = new ArrayList<>();
    io.pqzk.ledger.ChainState state = io.pqzk.ledger.ChainState.inMemory(chain.genesis);
    io.pqzk.ledger.BlockSealer sealer = new io.pqzk.ledger.BlockSealer(chain.rules);
    byte[] lastCommit = new byte[0];
    long ts = chain.genesis.proto().getCreatedMillis();
    for (int h = 0; h < 3; h++) {
      ts += 1000;
      io.pqzk.ledger.BlockDraft d = chain.rules.draft(state, ts);
      d.admit(chain.rules.parseTransaction(chain.register(chain.randomCommitment())));
      io.pqzk.ledger.BlockSealer.Sealed s = sealer.seal(d, state, thief.get(0), ts, lastCommit);
      state.apply(s.effects(), List.of());
      blocks.add(s.bytes());
      List<CertificateSignature> sigs = new ArrayList<>();
      for (int i = 0; i < stolen; i++) {
        sigs.add(QuorumCertificates.sign(i, thief.get(i).mlDsa(), null,
            chain.rules.commitStatement(h, s.effects().headerHash())));
      }
      lastCommit = QuorumCertificates.assemble(
          chain.rules.commitStatement(h, s.effects().headerHash()), sigs).toByteArray();
    }
    ChainFiles.rewrite(data, blocks);
    Files.write(DataDirectory.headCertificate(data), lastCommit);
  }

  @Test
  void historyForgedWithOneStolenKey_exits1AtBlock1() throws Exception {
    forgeHistory(1);
    assertRejectedAt(1, "the quorum is 5 of 7", verify(data));
  }

  @Test
  void historyForgedWithFStolenKeys_exits1AtBlock1() throws Exception {
    forgeHistory(2); // f = floor((7-1)/3) = 2
    assertRejectedAt(1, "the quorum is 5 of 7", verify(data));
  }

  // ---- what an auditor pins --------------------------------------------------------------------

  @Test
  void chainCutShort_underExpectHeight_exits1() throws Exception {
    List<byte[]> payloads = new ArrayList<>();
    ChainFiles.records(data).forEach(b -> payloads.add(b.payload()));
    ChainFiles.rewrite(data, payloads.subList(0, BLOCKS - 2)); // the last two blocks cut off
    Files.delete(DataDirectory.headCertificate(data));
    CliRun r = verify(data, "--expect-height", String.valueOf(BLOCKS - 1));
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("cut short"), r.err());
  }

  @Test
  void expectHead_otherHash_exits1_rightHash_exits0() throws Exception {
    String good = line(verify(data).out(), "finalized head").split("\\s+")[2];
    CliRun ok = verify(data, "--expect-height", String.valueOf(BLOCKS - 1), "--expect-head",
        good);
    assertEquals(0, ok.exit(), ok::toString);
    CliRun bad = verify(data, "--expect-height", String.valueOf(BLOCKS - 1), "--expect-head",
        "00".repeat(32));
    assertEquals(1, bad.exit(), bad::toString);
    assertTrue(bad.err().contains("--expect-head"), bad.err());
  }

  @Test
  void wrongGenesisHash_exits1_rightOne_exits0() throws Exception {
    String hash = HexFormat.of().formatHex(Genesis.load(data.resolve(Genesis.FILE_NAME)).hash());
    assertEquals(0, verify(data, "--genesis-hash", hash).exit());
    CliRun r = verify(data, "--genesis-hash", "ab".repeat(32));
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("--genesis-hash: the genesis file hashes to " + hash), r.err());
  }

  private static String line(String text, String prefix) {
    return text.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in " + text));
  }

  static SignatureEnvelope envelope(io.pqzk.ledger.crypto.LedgerSigningKey key, byte[] msg,
      byte[] ctx) {
    return SignatureEnvelope.newBuilder().setAlgorithm(key.algorithm())
        .setKeyId(ByteString.copyFrom(key.publicKey().keyId()))
        .setContext(ByteString.copyFrom(ctx))
        .setSignature(ByteString.copyFrom(Signatures.sign(key, msg, ctx))).build();
  }
}
