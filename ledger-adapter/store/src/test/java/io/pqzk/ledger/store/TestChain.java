package io.pqzk.ledger.store;

import io.pqzk.ledger.Genesis;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.ledger.ClaimContexts;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.zk.UnavailableProofSystemException;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.SlhDsaPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A small real chain for tests: one genesis with a validator (ML-DSA-65 + SLH-DSA-SHA2-128f),
 * an authority and a clinic, all with fresh keys, and helpers that make real signed traffic.
 */
public final class TestChain {
  public static final String CHAIN = "test-chain";
  public final LedgerSigningKey validatorMl;
  public final LedgerSigningKey validatorSlh;
  public final LedgerSigningKey authority;
  public final LedgerSigningKey clinic;
  public final ProposerKeys proposer;
  /** Every validator's keys, in genesis order (validator 0 is {@link #proposer}). */
  public final java.util.List<ProposerKeys> validators = new java.util.ArrayList<>();
  /** The commit signatures of every validator (the test holds all their keys). */
  public final CommitSigner commits;
  public final byte[] genesisBytes;
  public final Genesis genesis;
  public final BlockRules rules;
  public final TransactionFactory txs = new TransactionFactory(CHAIN);
  private final SecureRandom random = new SecureRandom();

  private final java.util.List<String> claimSystems;
  private final java.util.Map<String, String> claimKeys;

  public TestChain(int slhEvery) throws Exception {
    this(slhEvery, new String[0]);
  }

  /** A chain whose genesis accepts claims of {@code claimSystems}. */
  public TestChain(int slhEvery, String... claimSystems) throws Exception {
    this(slhEvery, java.util.Map.of(), claimSystems);
  }

  /** A chain whose genesis accepts claims of {@code claimSystems} and pins {@code claimKeys}. */
  public TestChain(int slhEvery, java.util.Map<String, String> claimKeys, String... claimSystems)
      throws Exception {
    this(slhEvery, 1, claimKeys, claimSystems);
  }

  /** A chain of {@code validatorCount} validators (a quorum of floor(2n/3)+1 of them). */
  public static TestChain withValidators(int validatorCount) throws Exception {
    return new TestChain(1, validatorCount, java.util.Map.of());
  }

  private TestChain(int slhEvery, int validatorCount, java.util.Map<String, String> claimKeys,
      String... claimSystems) throws Exception {
    this.claimSystems = java.util.List.of(claimSystems);
    this.claimKeys = claimKeys;
    for (int i = 0; i < validatorCount; i++) {
      validators.add(new ProposerKeys("validator-" + i, Signatures.generate("ML-DSA-65"),
          Signatures.generate("SLH-DSA-SHA2-128f")));
    }
    validatorMl = validators.get(0).mlDsa();
    validatorSlh = validators.get(0).slhDsa();
    authority = Signatures.generate("ML-DSA-65");
    clinic = Signatures.generate("ML-DSA-65");
    proposer = validators.get(0);
    genesisBytes = Genesis.toJson(genesisProto(slhEvery).build());
    genesis = Genesis.parse(genesisBytes);
    rules = new BlockRules(genesis);
    commits = new CommitSigner(rules, validators.stream().map(ProposerKeys::mlDsa).toList());
  }

  public io.pqzk.ledger.proto.Genesis.Builder genesisProto(int slhEvery) {
    GenesisBuilder g = new GenesisBuilder(CHAIN, 1_700_000_000_000L)
        .slhDsa("SLH-DSA-SHA2-128f", slhEvery)
        .authority("medical-authority", authority.publicKey())
        .participant("clinic", clinic.publicKey());
    for (ProposerKeys v : validators) {
      g.validator(v.name(), v.mlDsa().publicKey(), v.slhDsa().publicKey());
    }
    for (String s : claimSystems) {
      String key = claimKeys.get(s);
      if (key == null) {
        g.claimSystem(s);
      } else {
        g.claimSystem(s, key, "0".repeat(64), "0".repeat(64));
      }
    }
    return g.build().toBuilder();
  }

  /** Writes the genesis into {@code dir} and opens a ledger there. */
  public Ledger open(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path g = dir.resolve(Genesis.FILE_NAME);
    if (!Files.exists(g)) {
      Files.write(g, genesisBytes);
    }
    return Ledger.open(dir, rules);
  }

  public byte[] randomCommitment() {
    byte[] c = new byte[32];
    random.nextBytes(c);
    return c;
  }

  /**
   * A registration of {@code commitment}; on a chain with claim systems it carries each system's
   * leaf of a fresh random record (tests that prove claims register their own records).
   */
  public byte[] register(byte[] commitment) {
    if (claimSystems.isEmpty()) {
      return txs.registerRecord(authority, commitment, "service-member/v1");
    }
    io.pqzk.zk.claims.Record r = io.pqzk.zk.claims.Record.withRandomSalt(
        new long[] {1, 1990, 1, 50, 20240101, 1, 1}, random);
    java.util.List<byte[]> leaves = new java.util.ArrayList<>();
    for (String s : claimSystems) {
      try {
        leaves.add(io.pqzk.zk.ProofSystems.registryHash(s).leaf(r));
      } catch (io.pqzk.zk.UnavailableProofSystemException e) {
        throw new IllegalStateException(e);
      }
    }
    return txs.registerRecord(authority, commitment, "service-member/v1", leaves);
  }

  public byte[] grant(byte[] grantId, byte[]... commitments) {
    AccessPolicyUpdate.Builder g = AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(grantId))
        .setGranteeKeyId(ByteString.copyFrom(clinic.publicKey().keyId()))
        .setPurpose("treatment")
        .setNotAfterMillis(Long.MAX_VALUE);
    for (byte[] c : commitments) {
      g.addRecordCommitments(ByteString.copyFrom(c));
    }
    return txs.updateAccess(authority, g.build());
  }

  /** A read a second ago (for reads refused before the time matters, e.g. without a grant). */
  public byte[] access(byte[] grantId, byte[] commitment) {
    return access(grantId, commitment, System.currentTimeMillis() - 1000);
  }

  /**
   * The clinic's read of {@code commitment} under {@code grantId} at {@code readMillis}, which
   * must lie between the time of the block that wrote the grant and the time of the block that
   * logs the read.
   */
  public byte[] access(byte[] grantId, byte[] commitment, long readMillis) {
    return txs.logAccess(clinic, AccessEvent.newBuilder().setGrantId(ByteString.copyFrom(grantId))
        .setRecordCommitment(ByteString.copyFrom(commitment))
        .setReadMillis(readMillis).setPurpose("treatment").build());
  }

  // the grant and a record it covers written by each ledger's head block, by head hash
  private final java.util.Map<String, byte[][]> headGrants = new java.util.HashMap<>();

  /**
   * Seals {@code blocks} blocks of mixed traffic into the ledger, four transactions each: two
   * registrations, a grant of both records, and a read under the grant of the block before
   * (at that block's time: a read can only follow its grant's block), or a second grant when
   * the head was not written by this method.
   */
  public void fill(Ledger ledger, int blocks) throws Exception {
    for (int i = 0; i < blocks; i++) {
      byte[] c1 = randomCommitment();
      byte[] c2 = randomCommitment();
      byte[][] previous = headGrants.get(java.util.HexFormat.of().formatHex(
          ledger.state().headHash()));
      ledger.submit(register(c1));
      ledger.submit(register(c2));
      byte[] gid = txs.newGrantId();
      ledger.submit(grant(gid, c1, c2));
      ledger.submit(previous != null
          ? access(previous[0], previous[1], ledger.state().headTimestamp())
          : grant(txs.newGrantId(), c2));
      ledger.seal(proposer, commits);
      headGrants.put(java.util.HexFormat.of().formatHex(ledger.state().headHash()),
          new byte[][] {gid, c1});
    }
  }

  /**
   * A claim context for {@code chainId} and {@code height}, for a claim that {@code author} will
   * submit, with a fresh random nonce.
   */
  public static byte[] claimContext(String chainId, long height, LedgerSigningKey author) {
    byte[] nonce = new byte[ClaimContexts.NONCE_BYTES];
    new SecureRandom().nextBytes(nonce);
    return ClaimContexts.of(chainId, height, author.publicKey().keyId(), nonce);
  }

  /** {@code context} with its author part rewritten to name {@code author} (same nonce). */
  public static byte[] renamedContext(byte[] context, LedgerSigningKey author) {
    String text = new String(context, 0, context.length - ClaimContexts.NONCE_BYTES,
        java.nio.charset.StandardCharsets.US_ASCII);
    String[] parts = text.split("\\|");
    return ClaimContexts.of(parts[1], Long.parseLong(parts[2]), author.publicKey().keyId(),
        java.util.Arrays.copyOfRange(context, context.length - ClaimContexts.NONCE_BYTES,
            context.length));
  }

  /** Proves {@code policy} for the record at {@code index} of {@code tree} under its root. */
  public static byte[] proveClaim(io.pqzk.zk.ProofSystem system, io.pqzk.zk.registry.SparseMerkleTree tree,
      io.pqzk.zk.claims.Record record, int index, String policy, byte[] context) throws Exception {
    return system.prove(new io.pqzk.zk.claims.ClaimStatement(tree.root(),
        io.pqzk.zk.claims.Policy.parse(policy), io.pqzk.zk.claims.ClaimContext.of(context)),
        new io.pqzk.zk.claims.ClaimWitness(record, tree.path(index)));
  }

  /** An eligibility claim of {@code system} about the root of block {@code rootHeight}. */
  public static io.pqzk.ledger.proto.Claim claim(String system, long rootHeight, String policy,
      byte[] context, byte[] proof) {
    return io.pqzk.ledger.proto.Claim.newBuilder().setRootHeight(rootHeight).setPolicy(policy)
        .setContext(ByteString.copyFrom(context))
        .setProof(io.pqzk.ledger.proto.ProofAttachment.newBuilder().setSystem(system)
            .setClaim("eligibility").setProof(ByteString.copyFrom(proof)))
        .build();
  }

  /**
   * Opens a ledger in {@code dir} and seals {@code blocks} blocks of {@code perBlock} record
   * registrations each; registration i carries the claim registry leaves {@code leaves(i)}.
   */
  public Ledger openWithRegistrations(Path dir, int blocks, int perBlock,
      java.util.function.IntFunction<java.util.List<byte[]>> leaves) throws Exception {
    Ledger l = open(dir);
    for (int b = 0; b < blocks; b++) {
      for (int i = perBlock * b; i < perBlock * (b + 1); i++) {
        l.submit(txs.registerRecord(authority, randomCommitment(), "service-member/v1",
            leaves.apply(i)));
      }
      l.seal(proposer, commits);
    }
    return l;
  }
}
