package io.pqzk.ledger;

import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The commit signatures of the validator keys a node holds (the embedded demo holds every
 * validator's; a replicated node holds its own). A validator signs only a block that passed the
 * full rules (a {@link BlockRules.ValidatedBlock} cannot be had otherwise), only as a member of
 * the validator set in force at that block's height (a key removed or rotated away signs
 * nothing), and only when the block is new and stamped within the genesis drift bound of its own
 * clock, either way: a block stamped far ahead would expire grants early, one stamped far behind
 * would keep them alive. Blocks that already carry a certificate are never judged by the clock.
 */
public final class CommitSigner {
  private final BlockRules rules;
  private final List<LedgerSigningKey> keys;

  /** @param mlDsaKeys validator ML-DSA keys held here */
  public CommitSigner(BlockRules rules, List<LedgerSigningKey> mlDsaKeys) {
    this.rules = rules;
    this.keys = List.copyOf(mlDsaKeys);
  }

  /** How many validator keys are held here. */
  public int size() {
    return keys.size();
  }

  private record Held(Genesis.Validator validator, LedgerSigningKey key) {}

  /** The held keys that belong to validators of {@code set}, with their index there. */
  private List<Held> members(ValidatorSet set) {
    List<Held> out = new ArrayList<>();
    for (LedgerSigningKey k : keys) {
      Genesis.Validator v = set.validator(k.publicKey().keyId());
      if (v != null) {
        out.add(new Held(v, k));
      }
    }
    return out;
  }

  /**
   * This node's commit signatures for {@code block}, a new block judged against {@code
   * nowMillis}.
   *
   * @throws BlockRejectedException when the block's time lies beyond the drift bound, or no key
   *     held here belongs to a validator at its height
   */
  public List<CertificateSignature> vouch(BlockRules.ValidatedBlock block, long nowMillis)
      throws BlockRejectedException {
    long h = block.header().getHeight();
    long ts = block.header().getTimestampMillis();
    long drift = rules.genesis().limits().getMaxClockDriftMillis();
    if (Math.abs(ts - nowMillis) > drift) {
      throw new BlockRejectedException(h, "stamped " + ts
          + ", " + Math.abs(ts - nowMillis) + " ms " + (ts > nowMillis ? "ahead of" : "behind")
          + " this validator's clock; the genesis allows " + drift + " ms: no commit signature");
    }
    List<Held> members = members(block.validators());
    if (members.isEmpty()) {
      throw new BlockRejectedException(h, "no key held here belongs to a validator at this"
          + " height (" + block.validators() + "): no commit signature");
    }
    Statement s = rules.commitStatement(h, block.headerHash());
    List<CertificateSignature> out = new ArrayList<>(members.size());
    for (Held m : members) {
      out.add(QuorumCertificates.sign(m.validator().index(), m.key(), null, s));
    }
    return out;
  }

  /**
   * The commit certificate of {@code block} from the keys held here.
   *
   * @throws BlockRejectedException when they fall short of the quorum, or the time is off
   */
  public QuorumCertificate certify(BlockRules.ValidatedBlock block, long nowMillis)
      throws BlockRejectedException {
    ValidatorSet set = block.validators();
    int quorum = set.commitSigners().threshold();
    int held = members(set).size();
    if (held < quorum) {
      throw new BlockRejectedException(block.header().getHeight(), "this node holds "
          + held + " validator key(s); a commit needs " + quorum + " of " + set.size());
    }
    return QuorumCertificates.assemble(rules.commitStatement(block.header().getHeight(),
        block.headerHash()), vouch(block, nowMillis));
  }
}
