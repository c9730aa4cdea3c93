package io.pqzk.bench.zk.baseline.claim;

import io.pqzk.bench.zk.baseline.field.Goldilocks;
import io.pqzk.bench.zk.baseline.StarkOptions;
import io.pqzk.bench.zk.baseline.StarkProver;
import io.pqzk.bench.zk.baseline.StarkSecurity;
import io.pqzk.bench.zk.baseline.StarkVerifier;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.Record;
import io.pqzk.bench.zk.baseline.security.SecurityLevel;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The default proof system: a transparent, hash-based, zero-knowledge STARK over Goldilocks
 * (see zk-proofs/README.md). Soundness rests only on hash functions (SHA3-256 commitments,
 * RPO inside the statement), so it holds against quantum adversaries up to the usual Grover
 * square-root loss on the commitment hash.
 *
 * <p>Immutable and thread-safe. The registry depth (default 20) is part of the statement: a proof
 * for one depth does not verify under another.
 */
public final class StarkProofSystem implements ProofSystem {
  public static final String ID = "stark";
  public static final int DEFAULT_DEPTH = 20;

  private final int depth;
  private final StarkOptions options;
  private final StarkSecurity floor;
  private final StarkRegistryHash hash = new StarkRegistryHash();

  /** Depth 20, default options, default floor (100 proven / 128 conjectured bits). */
  public StarkProofSystem() {
    this(DEFAULT_DEPTH, StarkOptions.DEFAULT, StarkSecurity.DEFAULT);
  }

  public StarkProofSystem(int depth, StarkOptions options, StarkSecurity floor) {
    if (depth < 1 || depth > 40) {
      throw new IllegalArgumentException("registry depth must be in [1, 40]: " + depth);
    }
    if (2 * options.queries() + 2 > ClaimAir.MIN_RANDOM_ROWS) {
      // the revealed values depend on each trace column at z, g*z, every query x and its g*x:
      // more such points than random rows would let a verifier solve for witness cells
      throw new IllegalArgumentException("at most " + (ClaimAir.MIN_RANDOM_ROWS - 2) / 2
          + " queries keep the trace zero-knowledge, got " + options.queries());
    }
    this.depth = depth;
    this.options = options;
    this.floor = floor;
  }

  public int depth() {
    return depth;
  }

  public StarkOptions options() {
    return options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean postQuantum() {
    return true;
  }

  @Override
  public RegistryHash registryHash() {
    return hash;
  }

  @Override
  public byte[] prove(ClaimStatement statement, ClaimWitness witness) throws ProofException {
    ClaimAir air = air(statement);
    checkWitness(statement, witness);
    SecureRandom rnd = new SecureRandom();
    long[][] trace = ClaimTrace.build(air, witness.record(), witness.path(), rnd);
    try {
      return StarkProver.prove(air, trace, options, rnd);
    } catch (IllegalArgumentException e) {
      throw new ProofException("STARK prover failed: " + e.getMessage(), e);
    } finally {
      for (long[] col : trace) {
        java.util.Arrays.fill(col, 0);
      }
    }
  }

  /** Refuses witnesses that cannot satisfy the statement, naming why. */
  void checkWitness(ClaimStatement statement, ClaimWitness witness)
      throws ProofException {
    MerklePath path = witness.path();
    if (path.depth() != depth) {
      throw new ClaimNotSatisfiedException("registry path has depth " + path.depth()
          + ", this STARK is configured for depth " + depth);
    }
    Record record = witness.record();
    Predicate failing = statement.policy().firstFailing(record);
    if (failing != null) {
      throw new ClaimNotSatisfiedException("the record does not satisfy " + failing);
    }
    byte[] node = hash.leaf(record);
    try {
      for (int level = 0; level < depth; level++) {
        byte[] sib = path.sibling(level);
        node = ((path.index() >>> level) & 1) == 0 ? hash.node(node, sib) : hash.node(sib, node);
      }
    } catch (IllegalArgumentException e) {
      throw new ClaimNotSatisfiedException("registry path is not valid: " + e.getMessage());
    }
    if (!MessageDigest.isEqual(node, statement.root())) {
      throw new ClaimNotSatisfiedException("the record's registry path does not reach the root");
    }
  }

  ClaimAir air(ClaimStatement statement) throws ProofException {
    long[] root;
    try {
      root = StarkRegistryHash.fromBytes(statement.root());
    } catch (IllegalArgumentException e) {
      throw new ProofRejectedException("statement root: " + e.getMessage(), e);
    }
    return new ClaimAir(depth, root, statement.policy(), statement.context());
  }

  @Override
  public Verification verify(ClaimStatement statement, byte[] proof) throws ProofException {
    if (proof == null) {
      throw new MalformedProofException("no proof");
    }
    ClaimAir air = air(statement);
    SecurityLevel level;
    try {
      level = StarkVerifier.verify(air, proof, floor);
    } catch (RuntimeException e) {
      // defence in depth: no input may crash the verifier with an unchecked exception
      throw new ProofRejectedException("STARK proof rejected: " + e, e);
    }
    return new Verification(ID, level.conjecturedBits(), level.provenBits(),
        "STARK over Goldilocks^3, registry depth " + depth + ", " + options(proof) + ", "
            + proof.length + " bytes");
  }

  private static String options(byte[] proof) {
    try {
      StarkOptions o = StarkOptions.decode(java.util.Arrays.copyOfRange(proof, 8, 15));
      return "blowup " + o.blowup() + ", " + o.queries() + " queries, " + o.grindingBits()
          + "-bit grinding, folding " + o.folding();
    } catch (RuntimeException e) {
      return "unknown parameters";
    }
  }
}
