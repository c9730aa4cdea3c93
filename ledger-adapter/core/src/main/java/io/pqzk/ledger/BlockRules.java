package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.codec.Canonical;
import io.pqzk.ledger.codec.NonCanonicalException;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.QuorumException;
import io.pqzk.ledger.quorum.Statement;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The ledger's consensus rules, shared by the engine (which seals blocks), every validator and
 * {@code pqzk chain verify}. A block is accepted only if it is within the genesis size limits and
 * canonically encoded, links to the previous header, is stamped strictly after it, carries the
 * commit certificate of the previous block (a quorum of the validator set in force for that
 * block, see {@link ChainState#headValidators()}), was proposed by a validator of the set in
 * force for it ({@link ChainState#validators()}: the genesis set until a certified change) whose
 * ML-DSA signature (and SLH-DSA signature when the genesis policy asks
 * for one) verifies over the exact header bytes, every transaction is well-formed, authored by a
 * known key, not a replay, allowed by its kind's rule and signed, every claim proof verifies, and
 * the transactions, registry and state roots recompute.
 *
 * <p>Cheap checks come first: sizes, encodings and state rules, then every signature (on every
 * core), then the zero-knowledge proofs (on every core). The outcome never depends on
 * scheduling or on the local clock. Thread-safe (immutable).
 */
public final class BlockRules {
  private static final HexFormat HEX = HexFormat.of();
  private final Genesis genesis;
  private final Map<String, ProofVerifier> proofs;
  private final byte[] txContext;
  private final byte[] blockContext;

  /**
   * Rules with a verifier for each proof system the genesis accepts claims for ({@link
   * ZkProofVerifier} over the system the genesis built, with any pinned verification key or
   * parameter sets, and the genesis's record schema).
   */
  public BlockRules(Genesis genesis) {
    this(genesis, defaultVerifiers(genesis));
  }

  private static List<ProofVerifier> defaultVerifiers(Genesis genesis) {
    List<ProofVerifier> vs = new ArrayList<>();
    for (String s : genesis.claimSystems()) {
      vs.add(new ZkProofVerifier(genesis.claimProofSystem(s), genesis.recordSchema()));
    }
    return vs;
  }

  public BlockRules(Genesis genesis, List<ProofVerifier> verifiers) {
    this.genesis = genesis;
    Map<String, ProofVerifier> m = new HashMap<>();
    verifiers.forEach(v -> m.put(v.system(), v));
    this.proofs = Map.copyOf(m);
    this.txContext = Hashes.context(Hashes.CTX_TX, genesis.chainId());
    this.blockContext = Hashes.context(Hashes.CTX_BLOCK, genesis.chainId());
  }

  public Genesis genesis() {
    return genesis;
  }

  /** Transaction id: hash of the exact body bytes under the chain id. */
  public byte[] transactionId(byte[] bodyBytes) {
    return Hashes.hash(Hashes.TX_ID, genesis.chainId(), bodyBytes);
  }

  /** FIPS 204/205 context string of transaction signatures on this chain. */
  public byte[] transactionContext() {
    return txContext.clone();
  }

  /** FIPS 204/205 context string of block signatures on this chain. */
  public byte[] blockContext() {
    return blockContext.clone();
  }

  /** Header hash: what the next block links to. */
  public byte[] headerHash(byte[] headerBytes) {
    return Hashes.hash(Hashes.BLOCK_HEADER, genesis.chainId(), headerBytes);
  }

  /** The hash a header carries of its block's {@code last_commit} bytes. */
  public byte[] lastCommitHash(byte[] lastCommitBytes) {
    return Hashes.hash(Hashes.LAST_COMMIT, genesis.chainId(), lastCommitBytes);
  }

  /** What the commit certificate of block {@code height} with this header hash signs. */
  public Statement commitStatement(long height, byte[] headerHash) {
    return Statement.commit(genesis.chainId(), height, headerHash);
  }

  /**
   * Checks that {@code qc} certifies block {@code height} with {@code headerHash}: a quorum of
   * {@code validators}, the set in force at that height, each signature verified.
   */
  public void verifyCommit(QuorumCertificate qc, long height, byte[] headerHash,
      ValidatorSet validators) throws BlockRejectedException {
    try {
      QuorumCertificates.verify(qc, commitStatement(height, headerHash),
          validators.commitSigners(), "commit certificate");
    } catch (QuorumException e) {
      throw new BlockRejectedException(height, e.getMessage());
    }
  }

  /** A new, empty block draft over {@code state}. */
  public BlockDraft draft(ChainState state, long timestamp) {
    return new BlockDraft(genesis, state, proofs, timestamp);
  }

  /** Decodes a transaction and checks everything that does not depend on the chain state. */
  public ParsedTransaction parseTransaction(byte[] bytes) throws TransactionRejectedException {
    return parseTransaction(bytes, null);
  }

  /**
   * As {@link #parseTransaction(byte[])}; the author may also be a validator that a certified
   * change added to {@code state}'s set (when {@code state} is not null).
   */
  public ParsedTransaction parseTransaction(byte[] bytes, ChainState state)
      throws TransactionRejectedException {
    checkSize(bytes.length);
    try {
      return parsed(bytes, Canonical.parse(Transaction.parser(), bytes, "transaction"), state);
    } catch (NonCanonicalException e) {
      throw new TransactionRejectedException(e.getMessage());
    }
  }

  /**
   * As {@link #parseTransaction(byte[], ChainState)} for a transaction a block carries: parsed
   * from the block's own (immutable) bytes, so that its body and signature are not copied.
   */
  private ParsedTransaction parseTransaction(ByteString carried, ChainState state)
      throws TransactionRejectedException {
    checkSize(carried.size());
    try {
      return parsed(carried.toByteArray(),
          Canonical.parse(Transaction.parser(), carried, "transaction"), state);
    } catch (NonCanonicalException e) {
      throw new TransactionRejectedException(e.getMessage());
    }
  }

  private void checkSize(int length) throws TransactionRejectedException {
    int max = genesis.limits().getMaxTransactionBytes();
    if (length > max) {
      throw new TransactionRejectedException("transaction is " + length
          + " bytes, the genesis allows at most " + max);
    }
  }

  private ParsedTransaction parsed(byte[] bytes, Transaction tx, ChainState state)
      throws TransactionRejectedException, NonCanonicalException {
    TransactionBody body = Canonical.parse(TransactionBody.parser(), tx.getBody(),
        "transaction body");
    byte[] id = transactionId(tx.getBody().toByteArray());
    if (!genesis.chainId().equals(body.getChainId())) {
      throw new TransactionRejectedException(label(id) + " is for chain '"
          + Printable.escape(body.getChainId()) + "', not '" + genesis.chainId() + "'");
    }
    if (body.getNonce().size() != BlockDraft.NONCE_BYTES) {
      throw new TransactionRejectedException(label(id) + " nonce must be "
          + BlockDraft.NONCE_BYTES + " bytes");
    }
    Genesis.Author author = genesis.author(body.getAuthorKeyId().toByteArray());
    if (author == null && state != null) {
      Genesis.Validator v = state.validators().validator(body.getAuthorKeyId().toByteArray());
      author = v == null ? null : new Genesis.Author(v.name(), Genesis.Role.VALIDATOR, v.mlDsa());
    }
    if (author == null) {
      throw new TransactionRejectedException(label(id) + " author "
          + HEX.formatHex(body.getAuthorKeyId().toByteArray()) + " is not in the genesis");
    }
    SignatureEnvelope env = tx.getSignature();
    checkEnvelope(env, author.key(), txContext, id);
    return new ParsedTransaction(bytes, tx, body, id, author,
        Hashes.hash(Hashes.TX_LEAF, genesis.chainId(), bytes));
  }

  /** How refusals name a transaction (made only for a refusal: validators parse thousands). */
  private static String label(byte[] id) {
    return "transaction " + HEX.formatHex(id, 0, 8);
  }

  private static void checkEnvelope(SignatureEnvelope env, LedgerPublicKey key, byte[] ctx,
      byte[] id) throws TransactionRejectedException {
    if (!Signatures.ALGORITHMS.contains(env.getAlgorithm())) {
      throw new TransactionRejectedException(label(id) + " signature: unknown signature"
          + " algorithm '" + Printable.escape(env.getAlgorithm()) + "'");
    }
    if (!env.getAlgorithm().equals(key.algorithm())) {
      throw new TransactionRejectedException(label(id) + " signature algorithm "
          + env.getAlgorithm() + " does not match the signer's " + key.algorithm() + " key");
    }
    if (!MessageDigest.isEqual(env.getKeyId().toByteArray(), key.keyId())) {
      throw new TransactionRejectedException(label(id) + " signature names key "
          + HEX.formatHex(env.getKeyId().toByteArray()) + ", not the author's");
    }
    if (!MessageDigest.isEqual(env.getContext().toByteArray(), ctx)) {
      throw new TransactionRejectedException(label(id) + " signature context is not '"
          + new String(ctx, java.nio.charset.StandardCharsets.UTF_8) + "'");
    }
  }

  /** The signature check of a parsed transaction (for batching). */
  public Signatures.Check signatureCheck(ParsedTransaction tx, String label, long height) {
    return new Signatures.Check(tx.author().key(), tx.transaction().getBody().toByteArray(),
        txContext, tx.transaction().getSignature().getSignature().toByteArray(), label, height);
  }

  /** Checks a single transaction's signature now (the engine's admission path). */
  public void verifySignature(ParsedTransaction tx) throws TransactionRejectedException {
    try {
      Signatures.verifyAll(List.of(signatureCheck(tx, "transaction "
          + tx.idHex().substring(0, 16), -1)));
    } catch (SignatureException e) {
      throw new TransactionRejectedException(e.getMessage());
    }
  }

  /**
   * A block that passed every rule, with what it changes and the validator set in force at its
   * height (whose quorum certifies it).
   */
  public record ValidatedBlock(Block block, BlockHeader header, byte[] headerHash,
      List<ParsedTransaction> transactions, BlockEffects effects, ValidatorSet validators) {}

  /**
   * A block that passed every rule but its signatures and proofs, with the signature checks and
   * the proof checks it still needs (in that order).
   */
  public record CheckedBlock(ValidatedBlock block, List<Signatures.Check> checks,
      List<BlockDraft.ProofCheck> proofs) {}

  /**
   * Validates the block record {@code bytes} as the next block after {@code state}, verifying
   * its signatures, then its proofs, on every core.
   *
   * <p>The outcome is {@link #check}'s followed by the signatures' and then the proofs' (the
   * first rule broken, in that order), but the signatures are verified on the pool's workers
   * while this thread applies the state rules: once every transaction has parsed, its signature
   * check no longer depends on them. A block the state rules refuse stops the verification.
   *
   * @throws BlockRejectedException naming the block and the first rule it breaks
   */
  public ValidatedBlock validate(byte[] bytes, ChainState state) throws BlockRejectedException {
    Staged s = stage(bytes, state, true);
    Signatures.Pending txs = null;
    CheckedBlock c;
    try {
      if (s.txChecks() != null) {
        txs = Signatures.start(s.txChecks());
      }
      c = admit(s, state); // refuses the block here if a transaction did not parse
    } catch (BlockRejectedException | RuntimeException e) {
      s.head().cancel();
      if (txs != null) {
        txs.cancel();
      }
      throw e;
    }
    try {
      s.head().await(); // the block's own signatures come first in the list
    } catch (Signatures.BatchFailure e) {
      txs.cancel();
      throw new BlockRejectedException(s.height(), e.getMessage());
    }
    try {
      txs.await();
    } catch (Signatures.BatchFailure e) {
      throw new BlockRejectedException(s.height(), e.getMessage());
    }
    try {
      BlockDraft.verifyProofs(c.proofs());
    } catch (TransactionRejectedException e) {
      throw new BlockRejectedException(s.height(), e.getMessage());
    }
    return c.block();
  }

  /**
   * Every rule but the signatures and proofs, which are returned as checks so that a validator
   * can verify those of many blocks in parallel batches.
   */
  public CheckedBlock check(byte[] bytes, ChainState state) throws BlockRejectedException {
    return admit(stage(bytes, state, false), state);
  }

  /**
   * A block past its block-level rules, with its transactions parsed (each a {@link
   * ParsedTransaction} or the {@link TransactionRejectedException} refusing it); the signature
   * checks of its commit certificate and header ({@code headChecks}, being verified by {@code
   * head} when {@link #validate} staged it) and, when every transaction parsed, theirs ({@code
   * txChecks}, else null).
   */
  private record Staged(Block block, BlockHeader header, long height, Object[] parsed,
      List<Signatures.Check> headChecks, Signatures.Pending head,
      List<Signatures.Check> txChecks) {
    /** Every signature check, in {@link #check}'s order. */
    List<Signatures.Check> checks() {
      List<Signatures.Check> all = new ArrayList<>(headChecks.size() + txChecks.size());
      all.addAll(headChecks);
      all.addAll(txChecks);
      return all;
    }
  }

  /**
   * The block-level rules, then the transactions parsed on every core. With {@code verifyHead},
   * the commit certificate's and the header's signatures (among them the SLH-DSA one, the
   * slowest of the block) start verifying on the pool as soon as they are known, while the
   * transactions parse.
   */
  private Staged stage(byte[] bytes, ChainState state, boolean verifyHead)
      throws BlockRejectedException {
    long expected = state.height() + 1;
    long maxBlock = genesis.limits().getMaxBlockBytes();
    if (bytes.length > maxBlock) {
      throw new BlockRejectedException(expected, "block is " + bytes.length
          + " bytes, the genesis allows at most " + maxBlock);
    }
    Block block;
    BlockHeader header;
    try {
      block = Canonical.parse(Block.parser(), bytes, "block");
      header = Canonical.parse(BlockHeader.parser(), block.getHeader(), "block header");
    } catch (NonCanonicalException e) {
      throw new BlockRejectedException(expected, e.getMessage());
    }
    long h = header.getHeight();
    if (h != expected) {
      throw new BlockRejectedException(expected, "header says height " + h);
    }
    if (!genesis.chainId().equals(header.getChainId())) {
      throw new BlockRejectedException(h, "chain id '" + Printable.escape(header.getChainId())
          + "', expected '" + genesis.chainId() + "'");
    }
    if (!MessageDigest.isEqual(header.getPreviousHash().toByteArray(), state.headHash())) {
      throw new BlockRejectedException(h, h == 0
          ? "previous hash is not the hash of this genesis file (genesis edited or wrong)"
          : "previous hash does not match the header hash of block " + (h - 1));
    }
    if (header.getTimestampMillis() <= state.headTimestamp()) {
      throw new BlockRejectedException(h, "timestamp " + header.getTimestampMillis()
          + " is not after the previous block's (" + state.headTimestamp()
          + "): block time must strictly increase");
    }
    Genesis.Validator proposer = state.validators().validator(
        header.getProposerKeyId().toByteArray());
    if (proposer == null) {
      throw new BlockRejectedException(h, "proposer key "
          + HEX.formatHex(header.getProposerKeyId().toByteArray())
          + " is not a validator at this height (" + state.validators() + ")");
    }
    int maxTxs = genesis.limits().getMaxBlockTransactions();
    if (block.getTransactionsCount() > maxTxs) {
      throw new BlockRejectedException(h, "block carries " + block.getTransactionsCount()
          + " transactions, the genesis allows at most " + maxTxs);
    }
    if (header.getTransactionCount() != block.getTransactionsCount()) {
      throw new BlockRejectedException(h, "header counts " + header.getTransactionCount()
          + " transactions, block carries " + block.getTransactionsCount());
    }
    List<Signatures.Check> head = new ArrayList<>(8);
    head.addAll(lastCommitChecks(block, header, state, h));
    head.addAll(headerChecks(block, proposer, h));
    Signatures.Pending pending = verifyHead ? Signatures.start(head) : null;
    Object[] parsed;
    try {
      // Decoding and hashing need no state: done on every core, then admitted in block order.
      parsed = IntStream.range(0, block.getTransactionsCount()).parallel()
          .mapToObj(i -> {
            try {
              return parseTransaction(block.getTransactions(i), state);
            } catch (TransactionRejectedException e) {
              return e;
            }
          }).toArray();
    } catch (RuntimeException e) {
      if (pending != null) {
        pending.cancel();
      }
      throw e;
    }
    List<Signatures.Check> txs = new ArrayList<>(parsed.length);
    for (int i = 0; i < parsed.length; i++) {
      if (!(parsed[i] instanceof ParsedTransaction tx)) {
        txs = null;
        break;
      }
      txs.add(signatureCheck(tx, "transaction " + i + " (" + tx.idHex().substring(0, 16) + ")",
          h));
    }
    return new Staged(block, header, h, parsed, head, pending, txs);
  }

  /** The state rules, in block order, then the roots. */
  private CheckedBlock admit(Staged s, ChainState state) throws BlockRejectedException {
    Block block = s.block();
    BlockHeader header = s.header();
    long h = s.height();
    BlockDraft draft = draft(state, header.getTimestampMillis());
    Object[] parsed = s.parsed();
    for (int i = 0; i < parsed.length; i++) {
      try {
        if (parsed[i] instanceof TransactionRejectedException e) {
          throw e;
        }
        draft.admit((ParsedTransaction) parsed[i]);
      } catch (TransactionRejectedException e) {
        throw new BlockRejectedException(h, "transaction " + i + ": " + e.getMessage());
      }
    }
    rootMatches(h, "transactions root", header.getTransactionsRoot(), draft.transactionsRoot());
    rootMatches(h, "registry root", header.getRegistryRoot(), draft.registryRoot());
    List<byte[]> claimRoots = draft.claimRoots();
    if (header.getClaimRegistryRootsCount() != claimRoots.size()) {
      throw new BlockRejectedException(h, "header carries " + header.getClaimRegistryRootsCount()
          + " claim registry roots, the genesis claim systems need " + claimRoots.size());
    }
    for (int i = 0; i < claimRoots.size(); i++) {
      rootMatches(h, genesis.claimSystems().get(i) + " registry root",
          header.getClaimRegistryRoots(i), claimRoots.get(i));
    }
    if (header.getRegistrySize() != draft.registrySize()) {
      throw new BlockRejectedException(h, "registry size " + header.getRegistrySize()
          + " does not recompute (" + draft.registrySize() + ")");
    }
    rootMatches(h, "state root", header.getStateRoot(), draft.stateRoot());
    byte[] hash = headerHash(block.getHeader().toByteArray());
    return new CheckedBlock(
        new ValidatedBlock(block, header, hash, draft.admitted(), draft.effects(hash),
            state.validators()), s.checks(),
        draft.proofChecks());
  }

  /** Block h carries the commit certificate of block h-1, bound by hash into its header. */
  private List<Signatures.Check> lastCommitChecks(Block block, BlockHeader header,
      ChainState state, long h) throws BlockRejectedException {
    byte[] carried = block.getLastCommit().toByteArray();
    if (!MessageDigest.isEqual(header.getLastCommitHash().toByteArray(), lastCommitHash(carried))) {
      throw new BlockRejectedException(h, "header's last_commit_hash does not match the"
          + " certificate the block carries");
    }
    if (h == 0) {
      if (carried.length != 0) {
        throw new BlockRejectedException(h, "block 0 carries a commit certificate; there is no"
            + " earlier block to certify");
      }
      return List.of();
    }
    if (carried.length == 0) {
      throw new BlockRejectedException(h, "carries no commit certificate for block " + (h - 1)
          + ": without a quorum of the validators block " + (h - 1) + " is not final");
    }
    try {
      QuorumCertificate qc = QuorumCertificates.parse(carried, "commit certificate of block "
          + (h - 1));
      return QuorumCertificates.checks(qc, commitStatement(h - 1, state.headHash()),
          state.headValidators().commitSigners(), "commit certificate of block " + (h - 1), h);
    } catch (QuorumException e) {
      throw new BlockRejectedException(h, e.getMessage());
    }
  }

  private List<Signatures.Check> headerChecks(Block block, Genesis.Validator v, long h)
      throws BlockRejectedException {
    byte[] headerBytes = block.getHeader().toByteArray();
    SignatureEnvelope ml = null;
    SignatureEnvelope slh = null;
    for (SignatureEnvelope env : block.getSignaturesList()) {
      String alg = env.getAlgorithm();
      if (!Signatures.ALGORITHMS.contains(alg)) {
        throw new BlockRejectedException(h, "unknown signature algorithm '"
            + Printable.escape(alg) + "' in a block signature envelope");
      }
      LedgerPublicKey key;
      if (alg.equals(genesis.blockAlgorithm()) && ml == null) {
        ml = env;
        key = v.mlDsa();
      } else if (alg.equals(genesis.slhDsaAlgorithm()) && slh == null) {
        slh = env;
        key = v.slhDsa();
      } else {
        throw new BlockRejectedException(h, "unexpected " + alg + " block signature");
      }
      if (!MessageDigest.isEqual(env.getKeyId().toByteArray(), key.keyId())) {
        throw new BlockRejectedException(h, alg + " block signature names key "
            + HEX.formatHex(env.getKeyId().toByteArray()) + ", not validator '" + v.name() + "'");
      }
      if (!MessageDigest.isEqual(env.getContext().toByteArray(), blockContext)) {
        throw new BlockRejectedException(h, alg + " block signature has the wrong context");
      }
    }
    if (ml == null) {
      throw new BlockRejectedException(h, "no " + genesis.blockAlgorithm() + " block signature");
    }
    if (slh == null && genesis.slhDsaRequiredAt(h)) {
      throw new BlockRejectedException(h, "no " + genesis.slhDsaAlgorithm()
          + " signature, which the genesis policy requires at this height");
    }
    List<Signatures.Check> out = new ArrayList<>(2);
    out.add(new Signatures.Check(v.mlDsa(), headerBytes, blockContext,
        ml.getSignature().toByteArray(), genesis.blockAlgorithm() + " block signature", h));
    if (slh != null) {
      out.add(new Signatures.Check(v.slhDsa(), headerBytes, blockContext,
          slh.getSignature().toByteArray(), genesis.slhDsaAlgorithm() + " block signature", h));
    }
    return out;
  }

  private static void rootMatches(long h, String what, ByteString claimed, byte[] actual)
      throws BlockRejectedException {
    if (!MessageDigest.isEqual(claimed.toByteArray(), actual)) {
      throw new BlockRejectedException(h, what + " does not recompute");
    }
  }
}
