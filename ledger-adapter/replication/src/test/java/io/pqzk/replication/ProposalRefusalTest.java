package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.BlockSealer;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.Statement;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.replication.proto.Command;
import io.pqzk.replication.proto.CommitVote;
import io.pqzk.replication.proto.Proposal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.StateMachineLogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.statemachine.TransactionContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower applies a committed proposal only if it passes the full rules against its own
 * chain: a block whose carried certificate of the previous block falls short of the quorum,
 * names a signer outside the validator set, or signs another hash is refused, on every node
 * alike, and nothing is written. Driven through the state machine's apply path with log entries
 * as a leader's would arrive, over a real ledger on disk.
 */
class ProposalRefusalTest {
  @TempDir
  Path dir;
  final List<ProposerKeys> validators = new ArrayList<>();
  BlockRules rules;
  LedgerStateMachine sm;
  Ledger ledger;
  long index;

  @BeforeEach
  void follower() throws Exception {
    GenesisBuilder g = new GenesisBuilder("refusals", System.currentTimeMillis() - 60_000)
        .slhDsa("SLH-DSA-SHA2-128f", 64);
    for (int i = 0; i < 4; i++) {
      ProposerKeys k = new ProposerKeys("v" + i, Signatures.generate("ML-DSA-65"),
          Signatures.generate("SLH-DSA-SHA2-128f"));
      validators.add(k);
      g.validator(k.name(), k.mlDsa().publicKey(), k.slhDsa().publicKey());
    }
    rules = new BlockRules(Genesis.parse(g.toJson()));
    ledger = Ledger.open(dir.resolve("ledger"), rules);
    InetSocketAddress a = InetSocketAddress.createUnresolved("127.0.0.1", 1);
    NodeSettings s = new NodeSettings("v3", dir, dir, a, a, List.of(new NodeSettings.Peer("v3",
        a, a)), dir, dir, dir, dir, dir, dir, dir, dir, 0, 20, 1024, false, 1 << 20);
    sm = new LedgerStateMachine(ledger, validators.get(3), s);
    // block 0, certified by v0..v2 through votes in the log
    apply(proposal(seal(validators.get(0), new byte[0])));
    for (int i = 0; i < 3; i++) {
      apply(vote(i));
    }
    assertNotNull(ledger.headCommit(), "three votes of four make block 0 final");
  }

  byte[] seal(ProposerKeys proposer, byte[] lastCommit) {
    long ts = Math.max(System.currentTimeMillis(), ledger.state().headTimestamp() + 1);
    return new BlockSealer(rules).seal(rules.draft(ledger.state(), ts), ledger.state(), proposer,
        ts, lastCommit).bytes();
  }

  static byte[] proposal(byte[] block) {
    return Command.newBuilder().setProposal(Proposal.newBuilder()
        .setBlock(ByteString.copyFrom(block))).build().toByteArray();
  }

  byte[] vote(int signer) {
    Statement s = rules.commitStatement(ledger.height(), ledger.state().headHash());
    return Command.newBuilder().setVote(CommitVote.newBuilder().setHeight(ledger.height())
        .setHeaderHash(ByteString.copyFrom(ledger.state().headHash()))
        .setSignature(QuorumCertificates.sign(signer, validators.get(signer).mlDsa(), null, s)))
        .build().toByteArray();
  }

  CompletableFuture<Message> apply(byte[] command) {
    index++;
    LogEntryProto e = LogEntryProto.newBuilder().setTerm(1).setIndex(index)
        .setStateMachineLogEntry(StateMachineLogEntryProto.newBuilder().setLogData(
            org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(command)))
        .build();
    return sm.applyTransaction(TransactionContext.newBuilder().setStateMachine(sm)
        .setLogEntry(e).setServerRole(RaftPeerRole.FOLLOWER).build());
  }

  /** A certificate of block 0 from {@code signers}, over {@code hash}. */
  byte[] certificate(List<Integer> signers, byte[] hash, List<Integer> indices) {
    Statement s = rules.commitStatement(0, hash);
    List<CertificateSignature> sigs = new ArrayList<>();
    for (int i = 0; i < signers.size(); i++) {
      sigs.add(QuorumCertificates.sign(indices.get(i), validators.get(signers.get(i)).mlDsa(),
          null, s));
    }
    return QuorumCertificates.assemble(s, sigs).toByteArray();
  }

  void assertRefused(byte[] lastCommit, String why) throws Exception {
    long size = Files.size(Ledger.blocksDir(ledger.directory()).resolve("blocks-000000.dat"));
    CompletableFuture<Message> f = apply(proposal(seal(validators.get(1), lastCommit)));
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
        ExecutionException.class, f::get);
    assertTrue(e.getCause().getMessage().contains(why), e.getCause().getMessage());
    assertEquals(0, ledger.height(), "nothing applied");
    assertEquals(size, Files.size(Ledger.blocksDir(ledger.directory())
        .resolve("blocks-000000.dat")), "nothing written");
  }

  @Test
  void certificateShortOfTheQuorum_isRefused() throws Exception {
    assertRefused(certificate(List.of(0, 1), ledger.state().headHash(), List.of(0, 1)),
        "carries 2 signatures, the quorum is 3 of 4");
  }

  @Test
  void certificateNamingANonValidator_isRefused() throws Exception {
    assertRefused(certificate(List.of(0, 1, 2), ledger.state().headHash(), List.of(0, 1, 7)),
        "names signer 7, outside the 4 members of the set");
  }

  @Test
  void certificateOverAnotherHash_isRefused() throws Exception {
    byte[] other = ledger.state().headHash();
    other[0] ^= 1;
    assertRefused(certificate(List.of(0, 1, 2), other, List.of(0, 1, 2)),
        "signs another hash");
  }

  @Test
  void honestProposal_carryingTheLogsCertificate_isApplied() throws Exception {
    QuorumCertificate qc = ledger.headCommit();
    apply(proposal(seal(validators.get(1), qc.toByteArray()))).get();
    assertEquals(1, ledger.height());
  }
}
