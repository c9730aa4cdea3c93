package io.pqzk.ledger;

import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.TransactionBody;

/**
 * A zero-knowledge claim about a registered record, proved against the registry root of an
 * earlier block of this chain: its context must bind this chain, that height and the
 * transaction's author ({@link ClaimContexts}), may be used once, and its proof must verify with
 * the genesis's verifier for its system (under the parameter sets and record schema the genesis
 * pins). Its policy and claim kind are capped printable text; an integrity claim carries a
 * document digest, may have an empty policy, and is accepted on a chain of record schema
 * {@code pqzk-record/2} only.
 * State: {@code 'C' + claim context id -> height}.
 */
public final class ClaimRule implements TransactionRule {
  static final byte PREFIX = 'C';
  /** Longest policy text (eight predicates of the longest form fit). */
  static final int MAX_POLICY_CHARS = 256;
  /** Longest claim kind, e.g. {@code eligibility}. */
  static final int MAX_CLAIM_KIND_CHARS = 64;
  /** An integrity claim's document digest: a SHA-256. */
  static final int DOCUMENT_DIGEST_BYTES = 32;

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.CLAIM;
  }

  @Override
  public Genesis.Role authorRole() {
    return null; // anyone the genesis knows may present a claim
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    Claim c = tx.body().getClaim();
    Genesis genesis = draft.genesis();
    if (!c.hasProof() || c.getProof().getSystem().isEmpty() || c.getProof().getProof().isEmpty()) {
      throw BlockDraft.reject(tx, "claim carries no proof attachment");
    }
    if (c.getContext().isEmpty() || c.getContext().size() > 256) {
      throw BlockDraft.reject(tx, "claim context must be 1 to 256 bytes");
    }
    boolean integrity = !c.getDocumentSha256().isEmpty();
    if (integrity && c.getDocumentSha256().size() != DOCUMENT_DIGEST_BYTES) {
      throw BlockDraft.reject(tx, "claim document_sha256 must be " + DOCUMENT_DIGEST_BYTES
          + " bytes (a SHA-256), got " + c.getDocumentSha256().size());
    }
    if (integrity && !genesis.recordSchema().hasDocument()) {
      throw BlockDraft.reject(tx, "integrity claim (document_sha256) on a chain of record schema "
          + genesis.recordSchema() + ", whose registries commit no document digest");
    }
    if (c.getPolicy().isEmpty() && !integrity) {
      throw BlockDraft.reject(tx, "claim has no policy (only an integrity claim may have none)");
    }
    TextFields.optional(tx, "claim policy", c.getPolicy(), MAX_POLICY_CHARS);
    TextFields.optional(tx, "claim kind", c.getProof().getClaim(), MAX_CLAIM_KIND_CHARS);
    String system = c.getProof().getSystem();
    int index = draft.claimRegistries().indexOf(system);
    if (index < 0) {
      throw BlockDraft.reject(tx, "proof system '" + Printable.escape(system)
          + "' is not among the genesis claim systems " + genesis.claimSystems());
    }
    byte[] root = c.getRootHeight() < draft.height()
        ? draft.base().claimRootAt(index, c.getRootHeight()) : null;
    if (root == null) {
      throw BlockDraft.reject(tx, "claim refers to the " + system + " registry root of block "
          + c.getRootHeight() + ", which the chain does not have (yet)");
    }
    byte[] context = c.getContext().toByteArray();
    String badContext = ClaimContexts.problemWith(context, genesis.chainId(), c.getRootHeight(),
        tx.body().getAuthorKeyId().toByteArray());
    if (badContext != null) {
      throw BlockDraft.reject(tx, badContext);
    }
    byte[] key = StateKeys.key(PREFIX, Hashes.claimContextId(genesis.chainId(), context));
    if (draft.get(key) != null) {
      throw BlockDraft.reject(tx, "claim context was already used on this chain (a replayed proof)");
    }
    ProofVerifier v = draft.verifier(system);
    if (v == null) {
      throw BlockDraft.reject(tx, "no verifier for proof system '" + system
          + "' is registered in this node; claims are rejected rather than accepted unchecked");
    }
    String chainId = genesis.chainId();
    draft.deferProof(tx, "claim proof rejected", () -> v.verify(c, root, chainId));
    draft.put(key, StateKeys.height8(draft.height()));
  }
}
