package io.pqzk.ledger;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.merkle.MerkleAccumulator;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.RecordRegistration;
import io.pqzk.ledger.proto.StoredGrant;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one block being built or checked, layered over the chain state: admits
 * transactions one at a time in block order, applying each payload's rules against the state
 * plus the transactions already admitted (so two registrations of one commitment, or a replayed
 * id, in the same block are caught). Deterministic: only the chain state, the block's height and
 * timestamp and the transaction bytes decide. Not thread-safe.
 */
public final class BlockDraft {
  static final int NONCE_BYTES = 16;
  static final int GRANT_ID_BYTES = 16;
  private static final HexFormat HEX = HexFormat.of();

  private final Genesis genesis;
  private final ChainState base;
  private final Map<String, ProofVerifier> proofs;
  private final long height;
  private final long timestamp;
  private final Set<ByteBuffer> txIds = new HashSet<>();
  private final Set<ByteBuffer> commitmentSet = new HashSet<>();
  private final List<byte[]> commitments = new ArrayList<>();
  private final Map<String, StoredGrant> grants = new LinkedHashMap<>();
  private final ByteArrayOutputStream stateChanges = new ByteArrayOutputStream();
  private final MerkleAccumulator registry;
  private final MerkleAccumulator txTree;
  private final ClaimRegistries claimRegistries;
  private final Set<ByteBuffer> claimContextSet = new HashSet<>();
  private final List<byte[]> claimContextIds = new ArrayList<>();
  private final List<ParsedTransaction> admitted = new ArrayList<>();

  BlockDraft(Genesis genesis, ChainState base, Map<String, ProofVerifier> proofs, long timestamp) {
    this.genesis = genesis;
    this.base = base;
    this.proofs = proofs;
    this.height = base.height() + 1;
    this.timestamp = timestamp;
    this.registry = base.registry();
    this.txTree = MerkleAccumulator.transactions(genesis.chainId());
    this.claimRegistries = base.claimRegistries();
  }

  public long height() {
    return height;
  }

  public List<ParsedTransaction> admitted() {
    return List.copyOf(admitted);
  }

  /**
   * Checks {@code tx} against every rule but its signature and, when it passes, makes it part
   * of the draft. A rejected transaction leaves the draft unchanged.
   */
  public void admit(ParsedTransaction tx) throws TransactionRejectedException {
    ByteBuffer id = ByteBuffer.wrap(tx.id());
    if (base.hasTransaction(tx.id()) || txIds.contains(id)) {
      throw reject(tx, "replays transaction id " + tx.idHex() + " already in the chain");
    }
    switch (tx.body().getPayloadCase()) {
      case RECORD_REGISTRATION -> register(tx, tx.body().getRecordRegistration());
      case ACCESS_POLICY_UPDATE -> grant(tx, tx.body().getAccessPolicyUpdate());
      case ACCESS_EVENT -> access(tx, tx.body().getAccessEvent());
      case CLAIM -> claim(tx, tx.body().getClaim());
      default -> throw reject(tx, "has no payload");
    }
    txIds.add(id);
    txTree.appendLeafHash(tx.leafHash());
    admitted.add(tx);
  }

  private void register(ParsedTransaction tx, RecordRegistration r)
      throws TransactionRejectedException {
    requireRole(tx, Genesis.Role.AUTHORITY);
    byte[] c = r.getCommitment().toByteArray();
    if (c.length != Hashes.LENGTH) {
      throw reject(tx, "commitment is " + c.length + " bytes, expected " + Hashes.LENGTH);
    }
    if (r.getSchema().isEmpty() || r.getSchema().length() > 64) {
      throw reject(tx, "record schema must be 1 to 64 characters");
    }
    if (isRegistered(c)) {
      throw reject(tx, "commitment " + HEX.formatHex(c) + " is already registered");
    }
    List<byte[]> leaves = new ArrayList<>(r.getClaimLeavesCount());
    r.getClaimLeavesList().forEach(l -> leaves.add(l.toByteArray()));
    String bad = claimRegistries.problemWith(leaves);
    if (bad != null) {
      throw reject(tx, bad);
    }
    commitmentSet.add(ByteBuffer.wrap(c));
    commitments.add(c);
    registry.append(c);
    claimRegistries.append(leaves);
  }

  private void grant(ParsedTransaction tx, AccessPolicyUpdate g)
      throws TransactionRejectedException {
    requireRole(tx, Genesis.Role.AUTHORITY);
    byte[] gid = g.getGrantId().toByteArray();
    if (gid.length != GRANT_ID_BYTES) {
      throw reject(tx, "grant id is " + gid.length + " bytes, expected " + GRANT_ID_BYTES);
    }
    Genesis.Author grantee = genesis.author(g.getGranteeKeyId().toByteArray());
    if (grantee == null || grantee.role() != Genesis.Role.PARTICIPANT) {
      throw reject(tx, "grantee " + HEX.formatHex(g.getGranteeKeyId().toByteArray())
          + " is not a participant in the genesis");
    }
    for (ByteString c : g.getRecordCommitmentsList()) {
      if (!isRegistered(c.toByteArray())) {
        throw reject(tx, "grant covers unregistered commitment " + HEX.formatHex(c.toByteArray()));
      }
    }
    StoredGrant old = grantOf(gid);
    if (old != null && !old.getAuthorityKeyId().equals(tx.body().getAuthorKeyId())) {
      throw reject(tx, "grant " + HEX.formatHex(gid) + " belongs to another authority");
    }
    StoredGrant s = StoredGrant.newBuilder().setAuthorityKeyId(tx.body().getAuthorKeyId())
        .setGrant(g).setHeight(height).build();
    grants.put(HEX.formatHex(gid), s);
    stateChanges.writeBytes(gid);
    stateChanges.writeBytes(tx.id());
  }

  private void access(ParsedTransaction tx, AccessEvent e) throws TransactionRejectedException {
    requireRole(tx, Genesis.Role.PARTICIPANT);
    byte[] gid = e.getGrantId().toByteArray();
    StoredGrant g = grantOf(gid);
    if (g == null) {
      throw reject(tx, "access under unknown grant " + HEX.formatHex(gid));
    }
    AccessPolicyUpdate p = g.getGrant();
    if (p.getRevoke()) {
      throw reject(tx, "access under revoked grant " + HEX.formatHex(gid));
    }
    if (!p.getGranteeKeyId().equals(tx.body().getAuthorKeyId())) {
      throw reject(tx, "reader is not the grantee of grant " + HEX.formatHex(gid));
    }
    if (timestamp > p.getNotAfterMillis()) {
      throw reject(tx, "grant " + HEX.formatHex(gid) + " expired at " + p.getNotAfterMillis());
    }
    if (!p.getRecordCommitmentsList().contains(e.getRecordCommitment())) {
      throw reject(tx, "grant " + HEX.formatHex(gid) + " does not cover record "
          + HEX.formatHex(e.getRecordCommitment().toByteArray()));
    }
    if (e.getReadMillis() <= 0) {
      throw reject(tx, "access event has no read time");
    }
  }

  private void claim(ParsedTransaction tx, Claim c) throws TransactionRejectedException {
    if (!c.hasProof() || c.getProof().getSystem().isEmpty() || c.getProof().getProof().isEmpty()) {
      throw reject(tx, "claim carries no proof attachment");
    }
    if (c.getContext().isEmpty() || c.getContext().size() > 256) {
      throw reject(tx, "claim context must be 1 to 256 bytes");
    }
    if (c.getPolicy().isEmpty()) {
      throw reject(tx, "claim has no policy");
    }
    String system = c.getProof().getSystem();
    int index = claimRegistries.indexOf(system);
    if (index < 0) {
      throw reject(tx, "proof system '" + system + "' is not among the genesis claim systems "
          + genesis.claimSystems());
    }
    byte[] root = c.getRootHeight() < height ? base.claimRootAt(index, c.getRootHeight()) : null;
    if (root == null) {
      throw reject(tx, "claim refers to the " + system + " registry root of block "
          + c.getRootHeight() + ", which the chain does not have (yet)");
    }
    byte[] context = c.getContext().toByteArray();
    String badContext = ClaimContexts.problemWith(context, genesis.chainId(), c.getRootHeight());
    if (badContext != null) {
      throw reject(tx, badContext);
    }
    byte[] contextId = Hashes.claimContextId(genesis.chainId(), context);
    if (base.isClaimContextUsed(contextId) || claimContextSet.contains(ByteBuffer.wrap(contextId))) {
      throw reject(tx, "claim context was already used on this chain (a replayed proof)");
    }
    ProofVerifier v = proofs.get(system);
    if (v == null) {
      throw reject(tx, "no verifier for proof system '" + c.getProof().getSystem()
          + "' is registered in this node; claims are rejected rather than accepted unchecked");
    }
    try {
      v.verify(c, root, genesis.chainId());
    } catch (LedgerException e) {
      throw reject(tx, "claim proof rejected: " + e.getMessage());
    }
    claimContextSet.add(ByteBuffer.wrap(contextId));
    claimContextIds.add(contextId);
    stateChanges.writeBytes(contextId);
  }

  private void requireRole(ParsedTransaction tx, Genesis.Role role)
      throws TransactionRejectedException {
    if (tx.author().role() != role) {
      throw reject(tx, tx.kind() + " needs an " + role.name().toLowerCase() + " key; author '"
          + tx.author().name() + "' is a " + tx.author().role().name().toLowerCase());
    }
  }

  private boolean isRegistered(byte[] c) {
    return commitmentSet.contains(ByteBuffer.wrap(c)) || base.isRegistered(c);
  }

  private StoredGrant grantOf(byte[] gid) {
    StoredGrant s = grants.get(HEX.formatHex(gid));
    return s != null ? s : base.grant(gid);
  }

  private static TransactionRejectedException reject(ParsedTransaction tx, String why) {
    return new TransactionRejectedException("transaction " + tx.idHex().substring(0, 16) + " ("
        + tx.kind() + ") " + why);
  }

  public byte[] transactionsRoot() {
    return txTree.root();
  }

  public byte[] registryRoot() {
    return registry.root();
  }

  public long registrySize() {
    return registry.size();
  }

  /** Each claim system's registry root after this block, in the genesis order. */
  public List<byte[]> claimRoots() {
    return claimRegistries.roots();
  }

  /** State root after this block: a hash chain over the registry root and every grant change. */
  public byte[] stateRoot() {
    ByteArrayOutputStream roots = new ByteArrayOutputStream();
    claimRegistries.roots().forEach(roots::writeBytes);
    return Hashes.hash(Hashes.STATE, genesis.chainId(), base.stateRoot(),
        ByteBuffer.allocate(8).putLong(height).array(), registry.root(), roots.toByteArray(),
        stateChanges.toByteArray());
  }

  /** The effects of the draft as a block with this header hash. */
  public BlockEffects effects(byte[] headerHash) {
    List<byte[]> ids = new ArrayList<>(admitted.size());
    admitted.forEach(t -> ids.add(t.id()));
    return new BlockEffects(height, headerHash, timestamp, ids, List.copyOf(commitments),
        Map.copyOf(grants), registry.toBytes(), registry.root(), stateRoot(),
        List.copyOf(claimContextIds), claimRegistries.toBytes(), claimRegistries.roots());
  }
}
