package io.pqzk.ledger;

import io.pqzk.ledger.crypto.Hashes;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The ledger's consensus rules, shared by the engine (which seals blocks) and every validator
 * (which re-checks them from the files). A block is accepted only if it links to the previous
 * header, its proposer is a genesis validator, its ML-DSA signature (and SLH-DSA signature when
 * the genesis policy asks for one) verifies over the exact header bytes, every transaction is
 * well-formed, authored by a known key, not a replay, allowed by the payload rules and signed,
 * and the transactions, registry and state roots recompute. Signatures are verified on every
 * core; the outcome does not depend on scheduling. Thread-safe (immutable).
 */
public final class BlockRules {
  private static final HexFormat HEX = HexFormat.of();
  private final Genesis genesis;
  private final Map<String, ProofVerifier> proofs;
  private final byte[] txContext;
  private final byte[] blockContext;

  /**
   * Rules with a verifier for each proof system the genesis accepts claims for ({@link
   * ZkProofVerifier} over the STARK, or over Groth16 with the verification key the genesis pins);
   * claims of any other system are rejected.
   */
  public BlockRules(Genesis genesis) {
    this(genesis, defaultVerifiers(genesis));
  }

  private static List<ProofVerifier> defaultVerifiers(Genesis genesis) {
    List<ProofVerifier> vs = new ArrayList<>();
    for (String s : genesis.claimSystems()) {
      vs.add(new ZkProofVerifier(genesis.claimProofSystem(s)));
    }
    return vs;
  }

  public BlockRules(Genesis genesis, List<ProofVerifier> verifiers) {
    this.genesis = genesis;
    java.util.Map<String, ProofVerifier> m = new java.util.HashMap<>();
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

  /** A new, empty block draft over {@code state}. */
  public BlockDraft draft(ChainState state, long timestamp) {
    return new BlockDraft(genesis, state, proofs, timestamp);
  }

  /** Decodes a transaction and checks everything that does not depend on the chain state. */
  public ParsedTransaction parseTransaction(byte[] bytes) throws TransactionRejectedException {
    Transaction tx;
    TransactionBody body;
    try {
      tx = Transaction.parseFrom(bytes);
      body = TransactionBody.parseFrom(tx.getBody());
    } catch (InvalidProtocolBufferException e) {
      throw new TransactionRejectedException("transaction is not valid protobuf: "
          + e.getMessage());
    }
    byte[] id = transactionId(tx.getBody().toByteArray());
    String label = "transaction " + HEX.formatHex(id).substring(0, 16);
    if (!genesis.chainId().equals(body.getChainId())) {
      throw new TransactionRejectedException(label + " is for chain '" + body.getChainId()
          + "', not '" + genesis.chainId() + "'");
    }
    if (body.getNonce().size() != BlockDraft.NONCE_BYTES) {
      throw new TransactionRejectedException(label + " nonce must be " + BlockDraft.NONCE_BYTES
          + " bytes");
    }
    Genesis.Author author = genesis.author(body.getAuthorKeyId().toByteArray());
    if (author == null) {
      throw new TransactionRejectedException(label + " author "
          + HEX.formatHex(body.getAuthorKeyId().toByteArray()) + " is not in the genesis");
    }
    SignatureEnvelope env = tx.getSignature();
    checkEnvelope(env, author.key(), txContext, label);
    return new ParsedTransaction(bytes, tx, body, id, author,
        Hashes.hash(Hashes.TX_LEAF, genesis.chainId(), bytes));
  }

  private static void checkEnvelope(SignatureEnvelope env, LedgerPublicKey key, byte[] ctx,
      String label) throws TransactionRejectedException {
    if (!Signatures.ALGORITHMS.contains(env.getAlgorithm())) {
      throw new TransactionRejectedException(label + " signature: unknown signature algorithm '"
          + env.getAlgorithm() + "'");
    }
    if (!env.getAlgorithm().equals(key.algorithm())) {
      throw new TransactionRejectedException(label + " signature algorithm " + env.getAlgorithm()
          + " does not match the signer's " + key.algorithm() + " key");
    }
    if (!MessageDigest.isEqual(env.getKeyId().toByteArray(), key.keyId())) {
      throw new TransactionRejectedException(label + " signature names key "
          + HEX.formatHex(env.getKeyId().toByteArray()) + ", not the author's");
    }
    if (!MessageDigest.isEqual(env.getContext().toByteArray(), ctx)) {
      throw new TransactionRejectedException(label + " signature context is not '"
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

  /** A block that passed every rule, with what it changes. */
  public record ValidatedBlock(Block block, BlockHeader header, byte[] headerHash,
      List<ParsedTransaction> transactions, BlockEffects effects) {}

  /** A block that passed every rule but its signatures, and the signature checks it needs. */
  public record CheckedBlock(ValidatedBlock block, List<Signatures.Check> checks) {}

  /**
   * Validates the block record {@code bytes} as the next block after {@code state}, verifying
   * its signatures on every core.
   *
   * @throws BlockRejectedException naming the block and the first rule it breaks
   */
  public ValidatedBlock validate(byte[] bytes, ChainState state) throws BlockRejectedException {
    CheckedBlock c = check(bytes, state);
    try {
      Signatures.verifyAll(c.checks());
    } catch (Signatures.BatchFailure e) {
      throw new BlockRejectedException(c.block().header().getHeight(), e.getMessage());
    }
    return c.block();
  }

  /**
   * Every rule but the signatures, which are returned as checks so that a validator can verify
   * the signatures of many blocks in one parallel batch.
   */
  public CheckedBlock check(byte[] bytes, ChainState state) throws BlockRejectedException {
    long expected = state.height() + 1;
    Block block;
    BlockHeader header;
    try {
      block = Block.parseFrom(bytes);
      header = BlockHeader.parseFrom(block.getHeader());
    } catch (InvalidProtocolBufferException e) {
      throw new BlockRejectedException(expected, "not a valid Block protobuf: " + e.getMessage());
    }
    long h = header.getHeight();
    if (h != expected) {
      throw new BlockRejectedException(expected, "header says height " + h);
    }
    if (!genesis.chainId().equals(header.getChainId())) {
      throw new BlockRejectedException(h, "chain id '" + header.getChainId() + "', expected '"
          + genesis.chainId() + "'");
    }
    if (!MessageDigest.isEqual(header.getPreviousHash().toByteArray(), state.headHash())) {
      throw new BlockRejectedException(h, h == 0
          ? "previous hash is not the hash of this genesis file (genesis edited or wrong)"
          : "previous hash does not match the header hash of block " + (h - 1));
    }
    if (header.getTimestampMillis() < state.headTimestamp()) {
      throw new BlockRejectedException(h, "timestamp goes backwards");
    }
    Genesis.Validator proposer = genesis.validator(header.getProposerKeyId().toByteArray());
    if (proposer == null) {
      throw new BlockRejectedException(h, "proposer key "
          + HEX.formatHex(header.getProposerKeyId().toByteArray())
          + " is not a validator in the genesis");
    }
    if (header.getTransactionCount() != block.getTransactionsCount()) {
      throw new BlockRejectedException(h, "header counts " + header.getTransactionCount()
          + " transactions, block carries " + block.getTransactionsCount());
    }
    List<Signatures.Check> checks = new ArrayList<>(block.getTransactionsCount() + 2);
    checks.addAll(headerChecks(block, proposer, h));
    BlockDraft draft = draft(state, header.getTimestampMillis());
    // Decoding and hashing need no state: done on every core, then admitted in block order.
    Object[] parsed = java.util.stream.IntStream.range(0, block.getTransactionsCount()).parallel()
        .mapToObj(i -> {
          try {
            return parseTransaction(block.getTransactions(i).toByteArray());
          } catch (TransactionRejectedException e) {
            return e;
          }
        }).toArray();
    for (int i = 0; i < parsed.length; i++) {
      try {
        if (parsed[i] instanceof TransactionRejectedException e) {
          throw e;
        }
        ParsedTransaction tx = (ParsedTransaction) parsed[i];
        draft.admit(tx);
        checks.add(signatureCheck(tx, "transaction " + i + " ("
            + tx.idHex().substring(0, 16) + ")", h));
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
        new ValidatedBlock(block, header, hash, draft.admitted(), draft.effects(hash)), checks);
  }

  private List<Signatures.Check> headerChecks(Block block, Genesis.Validator v, long h)
      throws BlockRejectedException {
    byte[] headerBytes = block.getHeader().toByteArray();
    SignatureEnvelope ml = null;
    SignatureEnvelope slh = null;
    for (SignatureEnvelope env : block.getSignaturesList()) {
      String alg = env.getAlgorithm();
      if (!Signatures.ALGORITHMS.contains(alg)) {
        throw new BlockRejectedException(h, "unknown signature algorithm '" + alg
            + "' in a block signature envelope");
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
