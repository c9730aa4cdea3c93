package io.pqzk.zk.stark.claim;

import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.stark.StarkAcceptance;
import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.StarkSecurity;
import io.pqzk.zk.stark.StarkVerifier;
import io.pqzk.zk.stark.security.PostQuantumEstimate;
import io.pqzk.zk.stark.security.SecurityLevel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;

/**
 * The default proof system: a transparent, hash-based, zero-knowledge STARK over Goldilocks
 * (see zk-proofs/stark/README.md). Soundness rests only on hash functions (SHA-256 commitments and
 * transcript, RPO inside the statement). The bits it reports are classical random-oracle bounds;
 * against a quantum adversary it reports the estimate of {@link PostQuantumEstimate} (about half
 * as many bits), never the classical figure.
 *
 * <p>The verifier accepts exactly the option sets it is configured with ({@link StarkAcceptance},
 * by default {@link StarkOptions#DEFAULT} only) and proves with the first; a proof longer than the
 * largest accepted set allows for the statement is refused before any parsing. The registry depth
 * (default 20) and the record schema are part of the statement. Immutable and thread-safe.
 */
public final class StarkProofSystem implements ProofSystem {
  public static final String ID = "stark";
  public static final int DEFAULT_DEPTH = 20;

  private final int depth;
  private final StarkAcceptance acceptance;
  private final StarkRegistryHash hash = new StarkRegistryHash();

  /** Depth 20, accepting and proving with the default options at the default floor. */
  public StarkProofSystem() {
    this(DEFAULT_DEPTH, StarkAcceptance.DEFAULT);
  }

  /** Proving with {@code options} and accepting exactly them. */
  public StarkProofSystem(int depth, StarkOptions options, StarkSecurity floor) {
    this(depth, StarkAcceptance.of(floor, options));
  }

  /**
   * Proving with the first accepted set, accepting exactly {@code acceptance}'s.
   *
   * @throws IllegalArgumentException when a set does not reach the floor at this depth, or does
   *     not fit the claim AIR (blowup below its degree 8, too many queries for its trace)
   */
  public StarkProofSystem(int depth, StarkAcceptance acceptance) {
    if (depth < 1 || depth > 40) {
      throw new IllegalArgumentException("registry depth must be in [1, 40]: " + depth);
    }
    for (StarkOptions o : acceptance.accepted()) {
      int n = ClaimAir.traceLength(depth, StarkProver.revealedPoints(o));
      SecurityLevel level = StarkSecurity.estimate(o, n);
      if (!acceptance.floor().accepts(level)) {
        throw new IllegalArgumentException("parameter set " + o + " gives " + level
            + " at the depth-" + depth + " claim (trace " + n + "), below the floor of "
            + acceptance.floor().minProvenBits() + " proven / "
            + acceptance.floor().minConjecturedBits() + " conjectured bits");
      }
      if (o.blowup() < 8 || n <= o.queries() + 2) {
        throw new IllegalArgumentException("parameter set " + o + " does not fit the claim AIR"
            + " (blowup at least 8, fewer queries than the trace length " + n + ")");
      }
    }
    this.depth = depth;
    this.acceptance = acceptance;
  }

  /**
   * The default depth, accepting exactly the named sets ({@link StarkOptions#name()}) at the
   * default floor: what a genesis pins.
   *
   * @throws IllegalArgumentException naming a set that does not parse or is not acceptable
   */
  public static StarkProofSystem ofParameterSets(List<String> names) {
    List<StarkOptions> sets = new java.util.ArrayList<>();
    for (String name : names) {
      try {
        sets.add(StarkOptions.parse(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("parameter set '" + name + "': " + e.getMessage(), e);
      }
    }
    return new StarkProofSystem(DEFAULT_DEPTH, new StarkAcceptance(StarkSecurity.DEFAULT, sets));
  }

  public int depth() {
    return depth;
  }

  /** The set this system proves with. */
  public StarkOptions options() {
    return acceptance.preferred();
  }

  /** What the verifier accepts. */
  public StarkAcceptance acceptance() {
    return acceptance;
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
    StarkOptions opt = options();
    ClaimAir air = air(statement, opt);
    checkWitness(statement, witness);
    SecureRandom rnd = new SecureRandom();
    long[][] trace = ClaimTrace.build(air, witness.record(), witness.path(), rnd);
    try {
      return StarkProver.prove(air, trace, opt, rnd);
    } catch (IllegalArgumentException e) {
      throw new ProofException("STARK prover failed: " + e.getMessage(), e);
    } finally {
      for (long[] col : trace) {
        java.util.Arrays.fill(col, 0);
      }
    }
  }

  /** Refuses witnesses that cannot satisfy the statement, naming why. */
  void checkWitness(ClaimStatement statement, ClaimWitness witness) throws ProofException {
    MerklePath path = witness.path();
    if (path.depth() != depth) {
      throw new ClaimNotSatisfiedException("registry path has depth " + path.depth()
          + ", this STARK is configured for depth " + depth);
    }
    Record record = witness.record();
    if (record.schema() != statement.schema()) {
      throw new ClaimNotSatisfiedException("the record is of " + record.schema()
          + ", the statement is about a registry of " + statement.schema());
    }
    if (statement.document().isPresent()
        && !statement.document().equals(record.document())) {
      throw new ClaimNotSatisfiedException(
          "the document digest is not the one committed in the record");
    }
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

  ClaimAir air(ClaimStatement statement, StarkOptions opt) throws ProofException {
    try {
      return ClaimAir.of(depth, statement, opt);
    } catch (IllegalArgumentException e) {
      throw new ProofRejectedException("statement root: " + e.getMessage(), e);
    }
  }

  /** The largest proof any accepted set allows for this statement (refused above it). */
  public long maxProofBytes(ClaimStatement statement) throws ProofException {
    long max = 0;
    for (StarkOptions o : acceptance.accepted()) {
      max = Math.max(max, StarkVerifier.maxProofBytes(air(statement, o), o));
    }
    return max;
  }

  @Override
  public Verification verify(ClaimStatement statement, byte[] proof) throws ProofException {
    if (proof == null) {
      throw new MalformedProofException("no proof");
    }
    long cap = maxProofBytes(statement);
    if (proof.length > cap) {
      throw new MalformedProofException("proof of " + proof.length + " bytes is longer than "
          + cap + ", the most any accepted parameter set allows for this statement");
    }
    StarkOptions opt = StarkVerifier.readOptions(proof);
    acceptance.require(opt);
    ClaimAir air = air(statement, opt);
    SecurityLevel level;
    try {
      level = StarkVerifier.verify(air, proof, acceptance);
    } catch (RuntimeException e) {
      // defence in depth: no input may crash the verifier with an unchecked exception
      throw new ProofRejectedException("STARK proof rejected: " + e, e);
    }
    PostQuantumEstimate pq = StarkSecurity.postQuantum(opt, air.traceLength());
    return new Verification(ID, level.conjecturedBits(), level.provenBits(),
        pq.conjecturedBits(), pq.provenBits(), "STARK over Goldilocks^3, registry depth " + depth
            + ", " + opt + " (blowup " + opt.blowup() + ", " + opt.queries() + " queries, "
            + opt.grindingBits() + "-bit grinding, " + opt.hash().label() + "), "
            + proof.length + " bytes; classical bits; post-quantum estimate "
            + pq.conjecturedBits() + " conjectured / " + pq.provenBits() + " proven");
  }
}
