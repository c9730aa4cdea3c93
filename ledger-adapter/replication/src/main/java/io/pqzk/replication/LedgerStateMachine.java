package io.pqzk.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.StateKeys;
import io.pqzk.ledger.TransactionRejectedException;
import io.pqzk.ledger.ValidatorSet;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.Statement;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.LedgerException;
import io.pqzk.replication.proto.Command;
import io.pqzk.replication.proto.CommitVote;
import io.pqzk.replication.proto.MachineState;
import io.pqzk.replication.proto.Proposal;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as a Ratis state machine. The replicated log holds three kinds of entries
 * (replication.proto's {@code Command}): transactions, which the leader checks fully before they
 * are appended (a refusal goes back to the client and the transaction reaches no log); blocks
 * the leader cut from them and signed; and each validator's commit signature of the head block.
 *
 * <p>Every node applies every entry deterministically: a transaction joins the pool; a block is
 * validated by the full {@link BlockRules} against this node's own chain and only then appended
 * to its crash-safe block files (a block that fails is refused on every node alike, and the
 * state stays as it was); the first quorum of valid commit signatures of the head, in log
 * order, becomes its certificate, stored beside the block files and carried by the next block.
 * Every node therefore ends with byte-identical block files and certificates.
 *
 * <p>Snapshots carry the pool, the head's votes and the chain's blocks, so a node that was wiped
 * rebuilds its block files from one, validating each block, then replays the log after it.
 */
final class LedgerStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerStateMachine.class);
  /** Prefix of a refusal's message: what follows is the rule the transaction breaks. */
  static final String REFUSED = "REFUSED|";
  /** Prefix of a transaction that is in the chain already: the height follows. */
  static final String IN_CHAIN = "IN_CHAIN|";

  /** A refusal in startTransaction: the client sees its message, nothing is appended. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  private final Ledger ledger;
  private final BlockRules rules;
  private final Proposer proposer;
  private final CommitSigner commits;
  private final String nodeId;
  private final io.pqzk.ledger.crypto.LedgerPublicKey ownKey;
  private final java.nio.file.Path dataDir;
  private final Finality finality = new Finality();
  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  final ReentrantLock lock = new ReentrantLock();
  final Condition changed = lock.newCondition();

  // replicated state beside the ledger: the same on every node at the same log index
  final LinkedHashMap<ByteBuffer, byte[]> pool = new LinkedHashMap<>();
  private final LinkedHashMap<Integer, CertificateSignature> votes = new LinkedHashMap<>();

  // this node's own bookkeeping
  private BlockDraft admission;
  private final LinkedHashMap<ByteBuffer, ParsedTransaction> admitted = new LinkedHashMap<>();
  final Set<ByteBuffer> verifiedHere = new HashSet<>();
  private BlockRules.ValidatedBlock headBlock;
  private volatile boolean leader;
  private volatile Voter voter;
  private volatile Runnable onValidatorSetChange = () -> { };

  LedgerStateMachine(Ledger ledger, io.pqzk.ledger.ProposerKeys keys, NodeSettings settings) {
    this.ledger = ledger;
    this.rules = ledger.rules();
    this.nodeId = settings.nodeId();
    this.ownKey = keys.mlDsa().publicKey();
    this.dataDir = settings.dataDir();
    this.commits = new CommitSigner(rules, List.of(keys.mlDsa()));
    this.proposer = new Proposer(this, ledger, keys, settings);
  }

  void connect(Voter v, Runnable validatorSetChanged) {
    this.voter = v;
    this.onValidatorSetChange = validatorSetChanged;
  }

  Ledger ledger() {
    return ledger;
  }

  Finality finality() {
    return finality;
  }

  Proposer proposer() {
    return proposer;
  }

  CommitSigner commits() {
    return commits;
  }

  boolean isLeader() {
    return leader;
  }

  int poolSize() {
    lock.lock();
    try {
      return pool.size();
    } finally {
      lock.unlock();
    }
  }

  // ---- lifecycle and snapshots ---------------------------------------------------------------

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
      throws IOException {
    getLifeCycle().transition(LifeCycle.State.STARTING);
    super.initialize(server, groupId, raftStorage);
    storage.init(raftStorage);
    adopt();
    load(storage.getLatestSnapshot());
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  /** Before a snapshot from the leader replaces this node's: Ratis checks the machine paused. */
  @Override
  public void pause() {
    lock.lock();
    try {
      getLifeCycle().transition(LifeCycle.State.PAUSING);
      getLifeCycle().transition(LifeCycle.State.PAUSED);
    } finally {
      lock.unlock();
    }
  }

  /**
   * A snapshot fetched from a peer before this node's first start (its storage was lost)
   * becomes this node's latest snapshot, so that Raft's log here starts after it.
   */
  private void adopt() throws IOException {
    java.nio.file.Path dir = dataDir;
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (java.nio.file.Path f : files.filter(p -> p.getFileName().toString().startsWith(
          LedgerClient.ADOPTED)).toList()) {
        String[] ti = f.getFileName().toString().substring(LedgerClient.ADOPTED.length())
            .split("_");
        File target = storage.getSnapshotFile(Long.parseLong(ti[0]), Long.parseLong(ti[1]));
        Files.createDirectories(target.toPath().getParent());
        Files.move(f, target.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(target.toPath(),
            MD5FileUtil.computeAndSaveMd5ForFile(target)), TermIndex.valueOf(
                Long.parseLong(ti[0]), Long.parseLong(ti[1]))));
        LOG.info("{}: adopted snapshot {} fetched from a peer", nodeId, target.getName());
      }
    }
  }

  @Override
  public void reinitialize() throws IOException {
    // after the leader's snapshot was installed: the blocks this node lacks are appended
    load(storage.loadLatestSnapshot());
    if (getLifeCycleState() == LifeCycle.State.PAUSED) {
      getLifeCycle().transition(LifeCycle.State.STARTING);
      getLifeCycle().transition(LifeCycle.State.RUNNING);
    }
  }

  @Override
  public SimpleStateMachineStorage getStateMachineStorage() {
    return storage;
  }

  /**
   * Writes the pool, the head's votes and every block up to the head to {@code
   * snapshot.TERM_INDEX} (durably), with its MD5 beside it for the transfer.
   */
  @Override
  public long takeSnapshot() throws IOException {
    lock.lock();
    try {
      TermIndex ti = getLastAppliedTermIndex();
      if (ti == null || ti.getIndex() < 0) {
        return RaftLog.INVALID_LOG_INDEX;
      }
      File f = storage.getSnapshotFile(ti.getTerm(), ti.getIndex());
      long height = ledger.height();
      MachineState ms = MachineState.newBuilder().setHeight(height)
          .setHeadHash(com.google.protobuf.ByteString.copyFrom(ledger.state().headHash()))
          .addAllPool(pool.values().stream().map(com.google.protobuf.ByteString::copyFrom)
              .toList())
          .addAllVotes(votes.values()).build();
      io.pqzk.common.DurableFiles.write(f.toPath(), io.pqzk.common.DurableFiles.Access.PUBLIC,
          io.pqzk.common.DurableFiles.Existing.REPLACE, out -> {
            ms.writeDelimitedTo(out);
            DataOutputStream d = new DataOutputStream(out);
            for (long h = 0; h <= height; h++) {
              byte[] b = blockBytes(h);
              d.writeInt(b.length);
              d.write(b);
            }
            d.flush();
          });
      storage.updateLatestSnapshot(new SingleFileSnapshotInfo(
          new FileInfo(f.toPath(), MD5FileUtil.computeAndSaveMd5ForFile(f)), ti));
      LOG.info("{}: snapshot at log index {} (chain height {}, {} pooled)", nodeId,
          ti.getIndex(), height, pool.size());
      return ti.getIndex();
    } finally {
      lock.unlock();
    }
  }

  private byte[] blockBytes(long h) throws IOException {
    try {
      return ledger.blockBytes(h);
    } catch (LedgerException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * Loads a snapshot: blocks this node lacks are validated and appended in order (a wiped node
   * rebuilds its whole chain this way), then the pool and votes at the snapshot's index.
   */
  private void load(SingleFileSnapshotInfo info) throws IOException {
    if (info == null || !Files.exists(info.getFile().getPath())) {
      return;
    }
    lock.lock();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(
        info.getFile().getPath()))) {
      MachineState ms = MachineState.parseDelimitedFrom(in);
      DataInputStream d = new DataInputStream(in);
      for (long h = 0; h <= ms.getHeight(); h++) {
        byte[] b;
        try {
          b = new byte[d.readInt()];
          d.readFully(b);
        } catch (EOFException e) {
          throw new IOException("snapshot " + info.getFile().getPath() + " ends before block " + h);
        }
        if (h > ledger.height()) {
          try {
            ledger.appendValidated(b, null);
          } catch (BlockRejectedException e) {
            throw new IOException("snapshot " + info.getFile().getPath() + " holds a block that"
                + " does not validate: " + e.getMessage(), e);
          }
        }
      }
      pool.clear();
      votes.clear();
      admission = null;
      admitted.clear();
      for (com.google.protobuf.ByteString t : ms.getPoolList()) {
        pooled(t.toByteArray());
      }
      if (ledger.height() == ms.getHeight()) {
        for (CertificateSignature v : ms.getVotesList()) {
          count(ms.getHeight(), v);
        }
      }
      setLastAppliedTermIndex(info.getTermIndex());
      LOG.info("{}: loaded snapshot at log index {}: chain height {}, {} pooled", nodeId,
          info.getIndex(), ledger.height(), pool.size());
    } finally {
      lock.unlock();
    }
  }

  // ---- the leader's checks before an entry is appended -------------------------------------

  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    TransactionContext trx = TransactionContext.newBuilder().setStateMachine(this)
        .setClientRequest(request).setLogData(request.getMessage().getContent()).build();
    String refusal;
    try {
      Command c = Command.parseFrom(request.getMessage().getContent().toByteArray());
      refusal = switch (c.getKindCase()) {
        case TRANSACTION -> admit(c.getTransaction().toByteArray());
        case PROPOSAL -> proposer.isOwn(c.getProposal()) ? null
            : REFUSED + "only the leader's own proposals enter the log";
        case VOTE -> checkVote(c.getVote());
        default -> REFUSED + "empty command";
      };
    } catch (InvalidProtocolBufferException e) {
      refusal = REFUSED + "not a pqzk replication command";
    }
    if (refusal != null) {
      trx.setException(new Refusal(refusal));
    }
    return trx;
  }

  /** Checks a transaction fully against the chain and the transactions ahead of it. */
  private String admit(byte[] bytes) {
    lock.lock();
    try {
      ChainState state = ledger.state();
      ParsedTransaction tx;
      try {
        tx = rules.parseTransaction(bytes, state);
      } catch (TransactionRejectedException e) {
        return REFUSED + e.getMessage();
      }
      ByteBuffer id = ByteBuffer.wrap(tx.id());
      if (state.hasTransaction(tx.id())) {
        return IN_CHAIN + heightOf(state, tx.id());
      }
      byte[] held = pool.get(id); // pool values are never null
      if (held == null && admitted.containsKey(id)) {
        held = admitted.get(id).bytes();
      }
      if (held != null) {
        // The same body is pending. The same bytes again are a client retrying, harmless, but
        // only once their signature was checked here: an entry that reached the pool from the
        // log was not (CommandFuzzTest found this leader vouching for a forged transaction a
        // log entry had pooled). Other bytes would put a second signature into the log.
        if (!java.util.Arrays.equals(held, bytes)) {
          return REFUSED + "transaction " + tx.idHex().substring(0, 16) + " is already pending"
              + " with other bytes (another signature)";
        }
        if (!verifiedHere.contains(id)) {
          try {
            rules.verifySignature(tx);
          } catch (TransactionRejectedException e) {
            return REFUSED + e.getMessage();
          }
        }
        return null;
      }
      if (admission == null) {
        rebuildAdmission(state);
      }
      try {
        admission.admit(tx);
      } catch (TransactionRejectedException e) {
        return REFUSED + e.getMessage();
      }
      try {
        rules.verifySignature(tx);
        BlockDraft.verifyProofs(admission.proofChecks().stream().filter(p -> p.tx() == tx)
            .toList());
      } catch (TransactionRejectedException e) {
        admission = null; // it holds the refused transaction: built again when next needed
        return REFUSED + e.getMessage();
      }
      admitted.put(id, tx);
      verifiedHere.add(id);
      return null;
    } finally {
      lock.unlock();
    }
  }

  private void rebuildAdmission(ChainState state) {
    admission = rules.draft(state, Math.max(System.currentTimeMillis(),
        state.headTimestamp() + 1));
    for (byte[] b : pool.values()) {
      try {
        admission.admit(rules.parseTransaction(b, state));
      } catch (TransactionRejectedException e) {
        // no longer admissible: the next block's cut drops it
      }
    }
    for (ParsedTransaction t : admitted.values()) {
      try {
        admission.admit(t);
      } catch (TransactionRejectedException e) {
        // as above
      }
    }
  }

  static long heightOf(ChainState state, byte[] txId) {
    byte[] v = state.get(StateKeys.key(StateKeys.TX, txId));
    return v == null ? -1 : ByteBuffer.wrap(v).getLong();
  }

  private String checkVote(CommitVote v) {
    lock.lock();
    try {
      return validVote(v.getHeight(), v.getHeaderHash().toByteArray(), v.getSignature()) ? null
          : REFUSED + "stale or invalid commit vote";
    } finally {
      lock.unlock();
    }
  }

  private boolean validVote(long height, byte[] hash, CertificateSignature sig) {
    ChainState state = ledger.state();
    if (ledger.headCommit() != null || height != state.height()
        || !MessageDigest.isEqual(hash, state.headHash())) {
      return false;
    }
    ValidatorSet set = state.headValidators();
    int i = sig.getSigner();
    if (i < 0 || i >= set.size() || votes.containsKey(i) || !sig.getSlhDsa().isEmpty()) {
      return false;
    }
    Statement s = rules.commitStatement(height, hash);
    try {
      Signatures.verify(set.validators().get(i).mlDsa(), s.signedBytes(), s.context(),
          sig.getMlDsa().toByteArray());
      return true;
    } catch (SignatureException e) {
      return false;
    }
  }

  // ---- applying committed entries (every node, in log order) -------------------------------

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    TermIndex ti = TermIndex.valueOf(entry);
    CompletableFuture<Message> result;
    lock.lock();
    try {
      Command c = Command.parseFrom(entry.getStateMachineLogEntry().getLogData().toByteArray());
      String reply = switch (c.getKindCase()) {
        case TRANSACTION -> pooled(c.getTransaction().toByteArray());
        case PROPOSAL -> applyProposal(c.getProposal());
        case VOTE -> applyVote(c.getVote());
        default -> "ignored";
      };
      result = CompletableFuture.completedFuture(Message.valueOf(reply));
    } catch (InvalidProtocolBufferException e) {
      result = CompletableFuture.failedFuture(e);
    } catch (BlockRejectedException e) {
      // deterministic: every node refuses this block alike and keeps its state
      LOG.warn("{}: refused the proposed {}", nodeId, e.getMessage());
      proposer.proposalFailed();
      result = CompletableFuture.failedFuture(e);
    } catch (IOException e) {
      // the block files or the index cannot be written: this node must stop, not diverge
      throw new java.io.UncheckedIOException("ledger write failed; stopping this node", e);
    } finally {
      updateLastAppliedTermIndex(ti);
      changed.signalAll();
      lock.unlock();
    }
    return result;
  }

  private String pooled(byte[] bytes) {
    byte[] id;
    try {
      id = rules.transactionId(Transaction.parseFrom(bytes).getBody().toByteArray());
    } catch (InvalidProtocolBufferException e) {
      return "ignored";
    }
    ByteBuffer key = ByteBuffer.wrap(id);
    admitted.remove(key);
    if (ledger.state().hasTransaction(id) || pool.containsKey(key)) {
      return "duplicate";
    }
    pool.put(key, bytes);
    return "pooled";
  }

  private String applyProposal(Proposal p) throws BlockRejectedException, IOException {
    byte[] bytes = p.getBlock().toByteArray();
    long h;
    try {
      h = BlockHeader.parseFrom(Block.parseFrom(bytes).getHeader()).getHeight();
    } catch (InvalidProtocolBufferException e) {
      throw new BlockRejectedException(ledger.height() + 1, "proposal is not a block");
    }
    List<ByteBuffer> ids = new ArrayList<>();
    if (h <= ledger.height() && ledger.height() >= 0) {
      // replayed after a restart: this node appended it before it crashed. Other bytes for a
      // height this node holds are refused like any bad proposal, never a stop: such an entry
      // is one every node refused when it was first applied (a replayed log holds it again
      // after every restart), or a leader's proposal for a height the chain already has; as an
      // IllegalStateException it stopped the node at every restart, and any node at once when
      // a leader put one in the log (CommandFuzzTest, reproducer finding-old-height-other-bytes)
      if (!java.util.Arrays.equals(blockBytes(h), bytes)) {
        throw new BlockRejectedException(h, "proposal for height " + h + ", which this node"
            + " already holds with other bytes");
      }
      for (com.google.protobuf.ByteString t : Block.parseFrom(bytes).getTransactionsList()) {
        ids.add(ByteBuffer.wrap(rules.transactionId(Transaction.parseFrom(t).getBody()
            .toByteArray())));
      }
    } else {
      ValidatorSet before = ledger.state().validators();
      Ledger.Appended a = ledger.appendValidated(bytes, null);
      headBlock = a.block();
      for (ParsedTransaction t : a.block().transactions()) {
        ids.add(ByteBuffer.wrap(t.id()));
      }
      votes.clear();
      admission = null;
      finality.applied(h, ids);
      finality.finalizedUpTo(h - 1); // the block carries its parent's certificate
      proposer.applied(h);
      Voter v = voter;
      if (v != null) {
        v.vote(a.block());
      }
      if (!before.equals(ledger.state().validators())) {
        onValidatorSetChange.run();
      }
    }
    for (ByteBuffer id : ids) {
      pool.remove(id);
      admitted.remove(id);
      verifiedHere.remove(id);
    }
    for (int i = 0; i < p.getDroppedIdsCount(); i++) {
      ByteBuffer id = ByteBuffer.wrap(p.getDroppedIds(i).toByteArray());
      pool.remove(id);
      admitted.remove(id);
      verifiedHere.remove(id);
      finality.dropped(id, i < p.getDroppedReasonsCount() ? p.getDroppedReasons(i) : "dropped");
    }
    return "block " + h;
  }

  private String applyVote(CommitVote v) throws IOException {
    if (!validVote(v.getHeight(), v.getHeaderHash().toByteArray(), v.getSignature())) {
      return "stale";
    }
    count(v.getHeight(), v.getSignature());
    return "counted";
  }

  /** Counts a checked vote; at the quorum, the head's certificate is assembled and stored. */
  private void count(long height, CertificateSignature sig) throws IOException {
    if (votes.containsKey(sig.getSigner())) {
      return;
    }
    votes.put(sig.getSigner(), sig);
    ValidatorSet set = ledger.state().headValidators();
    if (ledger.headCommit() == null && votes.size() >= set.commitSigners().threshold()) {
      QuorumCertificate qc = QuorumCertificates.assemble(
          rules.commitStatement(height, ledger.state().headHash()), new ArrayList<>(
              votes.values()));
      try {
        ledger.storeHeadCommit(qc);
      } catch (BlockRejectedException e) {
        throw new IllegalStateException("checked votes did not make a certificate: "
            + e.getMessage(), e);
      }
      finality.finalizedUpTo(height);
    }
  }

  /** Whether this node's own commit signature of the head is counted. */
  boolean votedFor(long height) {
    lock.lock();
    try {
      if (ledger.height() != height || ledger.headCommit() != null) {
        return true;
      }
      Genesis.Validator me = ledger.state().headValidators().validator(ownKey.keyId());
      return me == null || votes.containsKey(me.index());
    } finally {
      lock.unlock();
    }
  }

  BlockRules.ValidatedBlock headBlock() {
    lock.lock();
    try {
      return headBlock != null && headBlock.header().getHeight() == ledger.height() ? headBlock
          : null;
    } finally {
      lock.unlock();
    }
  }

  // ---- leadership ----------------------------------------------------------------------------

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
    leader = groupMemberId.getPeerId().equals(newLeaderId);
    LOG.info("{}: leader is now {}", nodeId, newLeaderId);
    lock.lock();
    try {
      admission = null;
      admitted.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    Voter v = voter;
    if (v != null) {
      v.voteForHead(); // a vote lost with the old leader is sent again
    }
  }

  /** Waits at most {@code millis} for the next applied entry. */
  void awaitChange(long millis) throws InterruptedException {
    lock.lock();
    try {
      changed.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the proposer when a waiting condition may have changed. */
  void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  Map<ByteBuffer, byte[]> poolView() {
    return pool;
  }
}
