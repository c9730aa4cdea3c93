package io.pqzk.replication;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.replication.proto.Command;
import io.pqzk.replication.proto.CommitVote;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this validator's commit signature of each block it applied into the log, where every
 * node counts it. A block is signed through {@link io.pqzk.ledger.CommitSigner} (the full rules
 * passed, and its time is within the genesis drift bound of this node's clock). A vote the log
 * did not take (no leader, a leader change) is sent again until the head is certified or moves
 * on. After a restart, the head this node stored before it stopped is signed again without
 * consulting the clock: the node validated it, and judged its time, when it appended it.
 */
final class Voter {
  private static final Logger LOG = LoggerFactory.getLogger(Voter.class);
  private final LedgerStateMachine sm;
  private final Ledger ledger;
  private final ProposerKeys keys;
  private final ScheduledExecutorService executor;
  private final Function<byte[], CompletableFuture<Boolean>> send;

  /**
   * @param send appends a command to the log; completes true once applied, false when the
   *     leader refused it, exceptionally when it could not be delivered
   */
  Voter(LedgerStateMachine sm, ProposerKeys keys, ScheduledExecutorService executor,
      Function<byte[], CompletableFuture<Boolean>> send) {
    this.sm = sm;
    this.ledger = sm.ledger();
    this.keys = keys;
    this.executor = executor;
    this.send = send;
  }

  /** Votes for a block just applied. */
  void vote(BlockRules.ValidatedBlock block) {
    long h = block.header().getHeight();
    List<CertificateSignature> sigs;
    try {
      sigs = sm.commits().vouch(block, System.currentTimeMillis());
    } catch (BlockRejectedException e) {
      LOG.debug("no commit signature: {}", e.getMessage());
      return;
    }
    for (CertificateSignature s : sigs) {
      executor.execute(() -> deliver(h, block.headerHash(), s, 0));
    }
  }

  /** Votes for the head again if it is not certified and this node's vote is not counted. */
  void voteForHead() {
    executor.execute(() -> {
      long h = ledger.height();
      if (h < 0 || sm.votedFor(h)) {
        return;
      }
      BlockRules.ValidatedBlock b = sm.headBlock();
      if (b != null) {
        vote(b);
        return;
      }
      Genesis.Validator me = ledger.state().headValidators()
          .validator(keys.mlDsa().publicKey().keyId());
      if (me == null) {
        return;
      }
      byte[] hash = ledger.state().headHash();
      CertificateSignature s = QuorumCertificates.sign(me.index(), keys.mlDsa(), null,
          ledger.rules().commitStatement(h, hash));
      deliver(h, hash, s, 0);
    });
  }

  private void deliver(long h, byte[] hash, CertificateSignature s, int attempt) {
    if (sm.votedFor(h)) {
      return;
    }
    byte[] command = Command.newBuilder().setVote(CommitVote.newBuilder().setHeight(h)
        .setHeaderHash(ByteString.copyFrom(hash)).setSignature(s)).build().toByteArray();
    // a refusal too is tried again: the leader may not have applied the block yet when the vote
    // arrives; once the head moves on or is certified, votedFor ends the retries
    send.apply(command).whenComplete((applied, e) -> {
      if ((e != null || !applied) && !executor.isShutdown()) {
        long delay = Math.min(2000, 100L << Math.min(attempt, 4));
        executor.schedule(() -> deliver(h, hash, s, attempt + 1), delay, TimeUnit.MILLISECONDS);
      }
    });
  }
}
