package io.pqzk.ledger;

import io.pqzk.ledger.proto.QuorumCertificate;
import java.io.IOException;
import java.util.List;

/**
 * Produces a certified chain in memory from given transactions: seals each block (carrying the
 * previous block's commit certificate), validates it with the full rules, certifies it with the
 * validator keys of a {@link CommitSigner}, and applies it to its own {@link ChainState}. For
 * benchmarks, tests and tools; the disk engine is the store module's {@code Ledger}.
 */
public final class BlockProducer {
  private final BlockRules rules;
  private final BlockSealer sealer;
  private final ChainState state;
  private final List<ProposerKeys> proposers;
  private final CommitSigner commits;
  private QuorumCertificate headCommit;

  /** One produced block: its record bytes and its commit certificate. */
  public record Produced(byte[] bytes, BlockRules.ValidatedBlock block, QuorumCertificate commit) {}

  /** Proposers take turns by height; {@code commits} must reach the quorum. */
  public BlockProducer(BlockRules rules, List<ProposerKeys> proposers, CommitSigner commits) {
    this.rules = rules;
    this.sealer = new BlockSealer(rules);
    this.state = ChainState.inMemory(rules.genesis());
    this.proposers = List.copyOf(proposers);
    this.commits = commits;
  }

  public ChainState state() {
    return state;
  }

  /** The last block's commit certificate, or null before block 0. */
  public QuorumCertificate headCommit() {
    return headCommit;
  }

  /**
   * The next block from {@code transactions}, stamped {@code timestamp} (which must be after the
   * previous block's and is taken as the validators' clock).
   */
  public Produced produce(List<byte[]> transactions, long timestamp) throws LedgerException {
    BlockDraft draft = rules.draft(state, timestamp);
    for (byte[] t : transactions) {
      draft.admit(rules.parseTransaction(t));
    }
    ProposerKeys proposer = proposers.get((int) (draft.height() % proposers.size()));
    BlockSealer.Sealed s = sealer.seal(draft, state, proposer, timestamp,
        headCommit == null ? new byte[0] : headCommit.toByteArray());
    BlockRules.ValidatedBlock v = rules.validate(s.bytes(), state);
    QuorumCertificate qc = commits.certify(v, timestamp);
    try {
      state.apply(v.effects(), List.of());
    } catch (IOException e) {
      throw new LedgerException("in-memory state write failed: " + e.getMessage(), e);
    }
    headCommit = qc;
    return new Produced(s.bytes(), v, qc);
  }
}
