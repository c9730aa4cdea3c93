package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.SignatureEnvelope;

/**
 * Turns a checked {@link BlockDraft} into a signed block: builds the header with the recomputed
 * roots, signs its exact bytes with the proposer's ML-DSA key and, when the genesis policy asks
 * for it at this height, its SLH-DSA key.
 */
public final class BlockSealer {
  private final BlockRules rules;

  public BlockSealer(BlockRules rules) {
    this.rules = rules;
  }

  /** A sealed block: its record bytes, header and effects, and how long signing took. */
  public record Sealed(byte[] bytes, BlockHeader header, BlockEffects effects, long mlDsaNanos,
      long slhDsaNanos, int mlDsaSignatureBytes, int slhDsaSignatureBytes) {}

  /**
   * Seals {@code draft} at {@code timestamp}, carrying {@code lastCommit} (the serialized commit
   * certificate of the previous block; empty for block 0).
   */
  public Sealed seal(BlockDraft draft, ChainState state, ProposerKeys keys, long timestamp,
      byte[] lastCommit) {
    Genesis g = rules.genesis();
    BlockHeader header = BlockHeader.newBuilder()
        .setChainId(g.chainId())
        .setHeight(draft.height())
        .setPreviousHash(ByteString.copyFrom(state.headHash()))
        .setTransactionsRoot(ByteString.copyFrom(draft.transactionsRoot()))
        .setRegistryRoot(ByteString.copyFrom(draft.registryRoot()))
        .setStateRoot(ByteString.copyFrom(draft.stateRoot()))
        .setTimestampMillis(timestamp)
        .setProposerKeyId(ByteString.copyFrom(keys.mlDsa().publicKey().keyId()))
        .setTransactionCount(draft.admitted().size())
        .setRegistrySize(draft.registrySize())
        .addAllClaimRegistryRoots(draft.claimRoots().stream().map(ByteString::copyFrom).toList())
        .setLastCommitHash(ByteString.copyFrom(rules.lastCommitHash(lastCommit)))
        .build();
    byte[] headerBytes = header.toByteArray();
    Block.Builder b = Block.newBuilder().setHeader(ByteString.copyFrom(headerBytes))
        .setLastCommit(ByteString.copyFrom(lastCommit));
    draft.admitted().forEach(t -> b.addTransactions(ByteString.copyFrom(t.bytes())));
    long t0 = System.nanoTime();
    SignatureEnvelope ml = envelope(keys.mlDsa(), headerBytes);
    long t1 = System.nanoTime();
    b.addSignatures(ml);
    SignatureEnvelope slh = null;
    if (g.slhDsaRequiredAt(draft.height())) {
      slh = envelope(keys.slhDsa(), headerBytes);
      b.addSignatures(slh);
    }
    long t2 = System.nanoTime();
    byte[] hash = rules.headerHash(headerBytes);
    return new Sealed(b.build().toByteArray(), header, draft.effects(hash), t1 - t0, t2 - t1,
        ml.getSignature().size(), slh == null ? 0 : slh.getSignature().size());
  }

  private SignatureEnvelope envelope(LedgerSigningKey key, byte[] headerBytes) {
    byte[] ctx = rules.blockContext();
    return SignatureEnvelope.newBuilder()
        .setAlgorithm(key.algorithm())
        .setKeyId(ByteString.copyFrom(key.publicKey().keyId()))
        .setContext(ByteString.copyFrom(ctx))
        .setSignature(ByteString.copyFrom(Signatures.sign(key, headerBytes, ctx)))
        .build();
  }
}
