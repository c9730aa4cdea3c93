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
 * full rules (a {@link BlockRules.ValidatedBlock} cannot be had otherwise), and only when the
 * block is new and stamped within the genesis drift bound of its own clock, either way: a block
 * stamped far ahead would expire grants early, one stamped far behind would keep them alive.
 * Blocks that already carry a certificate are never judged by the clock.
 */
public final class CommitSigner {
  private final BlockRules rules;
  private final List<Genesis.Validator> validators = new ArrayList<>();
  private final List<LedgerSigningKey> keys = new ArrayList<>();

  /**
   * @param mlDsaKeys validator ML-DSA keys held here; each must be a genesis validator's
   * @throws IllegalArgumentException for a key that is not a validator's
   */
  public CommitSigner(BlockRules rules, List<LedgerSigningKey> mlDsaKeys) {
    this.rules = rules;
    for (LedgerSigningKey k : mlDsaKeys) {
      Genesis.Validator v = rules.genesis().validator(k.publicKey().keyId());
      if (v == null) {
        throw new IllegalArgumentException("key " + k.publicKey().keyIdHex()
            + " is not a validator's in the genesis");
      }
      validators.add(v);
      keys.add(k);
    }
  }

  /** How many validators' keys are held here. */
  public int size() {
    return keys.size();
  }

  /**
   * This node's commit signatures for {@code block}, a new block judged against {@code
   * nowMillis}.
   *
   * @throws BlockRejectedException when the block's time lies beyond the drift bound
   */
  public List<CertificateSignature> vouch(BlockRules.ValidatedBlock block, long nowMillis)
      throws BlockRejectedException {
    long ts = block.header().getTimestampMillis();
    long drift = rules.genesis().limits().getMaxClockDriftMillis();
    if (Math.abs(ts - nowMillis) > drift) {
      throw new BlockRejectedException(block.header().getHeight(), "stamped " + ts
          + ", " + Math.abs(ts - nowMillis) + " ms " + (ts > nowMillis ? "ahead of" : "behind")
          + " this validator's clock; the genesis allows " + drift + " ms: no commit signature");
    }
    Statement s = rules.commitStatement(block.header().getHeight(), block.headerHash());
    List<CertificateSignature> out = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      out.add(QuorumCertificates.sign(validators.get(i).index(), keys.get(i), null, s));
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
    int quorum = rules.genesis().commitSigners().threshold();
    if (keys.size() < quorum) {
      throw new BlockRejectedException(block.header().getHeight(), "this node holds "
          + keys.size() + " validator key(s); a commit needs " + quorum + " of "
          + rules.genesis().commitSigners().size());
    }
    return QuorumCertificates.assemble(rules.commitStatement(block.header().getHeight(),
        block.headerHash()), vouch(block, nowMillis));
  }
}
