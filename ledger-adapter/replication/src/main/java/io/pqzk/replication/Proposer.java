package io.pqzk.replication;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.BlockSealer;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionRejectedException;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.replication.proto.Command;
import io.pqzk.replication.proto.Proposal;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's block cutting: once the head is certified (or there is no block yet) and no
 * proposal of this leader is in flight, it waits up to the configured time for the pool to fill
 * a block, admits pool transactions in log order through the rules (one this node did not check
 * itself, inherited from an earlier leader, has its signature and proofs checked first), drops
 * those that no longer pass, seals the block with this validator's keys, carrying the head's
 * certificate, and appends it to the log. One block at a time: the next one must carry this
 * one's certificate.
 */
final class Proposer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Proposer.class);
  private final LedgerStateMachine sm;
  private final Ledger ledger;
  private final BlockRules rules;
  private final BlockSealer sealer;
  private final ProposerKeys keys;
  private final int maxTransactions;
  private final long maxWaitMillis;
  private final Set<ByteBuffer> own = new HashSet<>();
  private volatile Consumer<byte[]> sender;
  private volatile boolean running = true;
  private long inFlight = -1;

  Proposer(LedgerStateMachine sm, Ledger ledger, ProposerKeys keys, NodeSettings settings) {
    this.sm = sm;
    this.ledger = ledger;
    this.rules = ledger.rules();
    this.sealer = new BlockSealer(rules);
    this.keys = keys;
    int genesisMax = rules.genesis().limits().getMaxBlockTransactions();
    this.maxTransactions = settings.maxBlockTransactions() == 0 ? genesisMax
        : Math.min(genesisMax, settings.maxBlockTransactions());
    this.maxWaitMillis = settings.maxBlockWaitMillis();
  }

  /** Where proposals go: the node's client of its own network. */
  void sendWith(Consumer<byte[]> s) {
    this.sender = s;
  }

  void stop() {
    running = false;
    sm.signal();
  }

  boolean isOwn(Proposal p) {
    sm.lock.lock();
    try {
      return own.contains(token(p.getBlock().toByteArray()));
    } finally {
      sm.lock.unlock();
    }
  }

  private static ByteBuffer token(byte[] block) {
    return ByteBuffer.wrap(Hashes.hash("pqzk/v1/proposal", "local", block));
  }

  /** Called under the state machine's lock when block {@code h} was applied. */
  void applied(long h) {
    if (inFlight == h) {
      inFlight = -1;
    }
  }

  /** Called under the lock when the proposal in flight was refused or failed. */
  void proposalFailed() {
    inFlight = -1;
    own.clear();
  }

  private boolean ready() {
    return sm.isLeader() && inFlight < 0 && (ledger.height() < 0 || ledger.headCommit() != null)
        && !sm.pool.isEmpty() && sender != null
        && ledger.state().validators().validator(keys.mlDsa().publicKey().keyId()) != null;
  }

  @Override
  public void run() {
    while (running) {
      byte[] command = null;
      sm.lock.lock();
      try {
        while (running && !ready()) {
          sm.changed.await(100, TimeUnit.MILLISECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        while (running && ready() && sm.pool.size() < maxTransactions) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          sm.changed.awaitNanos(left);
        }
        if (running && ready()) {
          Proposal p = cut();
          if (p != null) {
            inFlight = ledger.height() + 1;
            own.add(token(p.getBlock().toByteArray()));
            command = Command.newBuilder().setProposal(p).build().toByteArray();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("cutting a block failed", e);
        inFlight = -1;
      } finally {
        sm.lock.unlock();
      }
      if (command != null) {
        sender.accept(command);
      }
    }
  }

  /** Called by the sender when the log did not take the proposal (lost leadership, timeout). */
  void notAppended() {
    sm.lock.lock();
    try {
      inFlight = -1;
      own.clear();
      sm.changed.signalAll();
    } finally {
      sm.lock.unlock();
    }
  }

  private Proposal cut() {
    ChainState state = ledger.state();
    long ts = Math.max(System.currentTimeMillis(), state.headTimestamp() + 1);
    byte[] lastCommit = state.height() < 0 ? new byte[0] : ledger.headCommit().toByteArray();
    Map<ByteBuffer, String> dropped = new LinkedHashMap<>();
    BlockDraft draft;
    boolean again;
    do {
      // a proof that fails after its transaction was admitted leaves it in the draft: start over
      again = false;
      draft = rules.draft(state, ts);
      long budget = rules.genesis().limits().getMaxBlockBytes()
          - overhead(draft.height(), lastCommit.length);
      for (Map.Entry<ByteBuffer, byte[]> e : sm.pool.entrySet()) {
        byte[] bytes = e.getValue();
        if (dropped.containsKey(e.getKey())) {
          continue;
        }
        if (draft.admitted().size() >= maxTransactions || bytes.length + 8 > budget) {
          break;
        }
        boolean checked = sm.verifiedHere.contains(e.getKey());
        ParsedTransaction tx;
        try {
          tx = rules.parseTransaction(bytes, state);
          if (!checked) {
            rules.verifySignature(tx); // admitted by an earlier leader
          }
          draft.admit(tx);
        } catch (TransactionRejectedException ex) {
          dropped.put(e.getKey(), ex.getMessage());
          continue;
        }
        if (!checked) {
          try {
            BlockDraft.verifyProofs(draft.proofChecks().stream().filter(c -> c.tx() == tx)
                .toList());
          } catch (TransactionRejectedException ex) {
            dropped.put(e.getKey(), ex.getMessage());
            again = true;
            break;
          }
        }
        budget -= bytes.length + 8;
      }
    } while (again);
    if (draft.admitted().isEmpty() && dropped.isEmpty()) {
      return null;
    }
    Proposal.Builder p = Proposal.newBuilder();
    dropped.forEach((id, why) -> p.addDroppedIds(ByteString.copyFrom(id.array()))
        .addDroppedReasons(why));
    BlockSealer.Sealed s = sealer.seal(draft, state, keys, ts, lastCommit);
    LOG.debug("proposing block {} with {} transactions", draft.height(), draft.admitted().size());
    return p.setBlock(ByteString.copyFrom(s.bytes())).build();
  }

  /** Room a block needs besides its transactions: header, signatures, the carried certificate. */
  private long overhead(long height, int lastCommitBytes) {
    Genesis g = rules.genesis();
    try {
      return 4096 + io.pqzk.ledger.crypto.Signatures.signatureLength(g.blockAlgorithm())
          + (g.slhDsaRequiredAt(height)
              ? io.pqzk.ledger.crypto.Signatures.signatureLength(g.slhDsaAlgorithm()) : 0)
          + lastCommitBytes;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the genesis was checked: " + e.getMessage(), e);
    }
  }
}
