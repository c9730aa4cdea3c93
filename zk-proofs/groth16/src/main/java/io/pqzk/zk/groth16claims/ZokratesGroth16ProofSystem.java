package io.pqzk.zk.groth16claims;

import com.google.gson.JsonParser;
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
import io.pqzk.zk.groth16.Groth16Proof;
import io.pqzk.zk.groth16.Groth16Verifier;
import io.pqzk.zk.groth16.Groth16VerifyingKey;
import io.pqzk.zk.groth16.ZokratesCurve;
import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

/**
 * {@code zokrates-groth16}: eligibility claims proven with Groth16 on BN254 through ZoKrates
 * ({@code circuits/claim.zok}, depth-20 Poseidon registry, 8 predicate slots) and verified in pure
 * Java ({@link Groth16Verifier}, no Node).
 *
 * <p>Security: Groth16 is NOT post-quantum sound (pairings fall to Shor's algorithm) and needs a
 * trusted setup: whoever keeps the setup's randomness can forge proofs. About 100 bits classically
 * (BN254 after the exTNFS attacks); its soundness proof is in the generic group model only, so no
 * bits are reported as proven. Proofs are zero-knowledge: they reveal the statement only.
 *
 * <p>Proving needs Node and zokrates-js ({@link ZoKrates}); the first proof compiles the circuit
 * and runs the setup, then reuses both from {@link ClaimCircuit#directory()}; program and proving
 * key are read once per system and kept by the worker between proofs ({@link ZoKrates.Loaded}).
 * Verifying needs only that directory's {@code verification.key.json}; proofs above
 * {@link #MAX_PROOF_BYTES} are refused unparsed. The Node worker starts on the first proof and is
 * stopped by {@link #close()} (or when the JVM exits, as the worker stops at end of input). Each
 * worker call times out after {@code -Dpqzk.zokrates.timeoutSeconds} (default 900: a setup on a
 * loaded machine is slow).
 */
public final class ZokratesGroth16ProofSystem implements ProofSystem, AutoCloseable {
  public static final String ID = "zokrates-groth16";
  private static final double CLASSICAL_BITS = 100;
  /**
   * Largest proof.json looked at: 30 public inputs and 8 coordinates of 66 characters each make
   * about 2.8 KB of compact JSON; 8 KiB leaves room for whitespace. Refused above it, unparsed.
   */
  public static final int MAX_PROOF_BYTES = 8 << 10;

  private final ClaimCircuit circuit;
  private final Duration timeout;
  private final String pinnedJson; // null: the key of the directory's setup
  private ZoKrates zokrates;
  private ZoKrates.Loaded loaded;
  private volatile Groth16VerifyingKey key;

  /** The circuit from the class path and its default artifact directory. */
  public ZokratesGroth16ProofSystem() {
    this(ClaimCircuit.load());
  }

  public ZokratesGroth16ProofSystem(ClaimCircuit circuit) {
    this(circuit, null, null);
  }

  /** {@code json} and {@code key}: the pinned key, or both null for the directory's setup. */
  private ZokratesGroth16ProofSystem(ClaimCircuit circuit, String json, Groth16VerifyingKey key) {
    this.circuit = circuit;
    this.timeout = Duration.ofSeconds(Long.getLong("pqzk.zokrates.timeoutSeconds", 900));
    this.pinnedJson = json;
    this.key = key;
  }

  /**
   * A system that verifies against {@code verificationKeyJson} only (as a ledger pins it in its
   * genesis), whatever setup {@code circuit}'s directory holds. Proving still uses the directory's
   * setup, and is refused when that setup's key is not the pinned one: its proofs could never
   * verify here.
   *
   * @throws MalformedProofException when the key is not a ZoKrates bn128 Groth16 key of the claim
   *     circuit (malformed JSON, points off the curve or out of the subgroup, wrong input count)
   */
  public static ZokratesGroth16ProofSystem withVerificationKey(ClaimCircuit circuit,
      String verificationKeyJson) throws ProofException {
    return new ZokratesGroth16ProofSystem(circuit, verificationKeyJson,
        checkedKey(verificationKeyJson, "the pinned key"));
  }

  /** Parses a ZoKrates verification key and checks it is one of the claim circuit's. */
  static Groth16VerifyingKey checkedKey(String json, String where) throws ProofException {
    Groth16VerifyingKey k = Groth16VerifyingKey.fromJson(json);
    if (k.curve() != ZokratesCurve.BN128) {
      throw new MalformedProofException(where + " is on " + k.curve().id() + "; claim keys are on bn128");
    }
    if (k.publicInputCount() != ClaimInputs.PUBLIC_COUNT) {
      throw new MalformedProofException(where + " is not the claim circuit's (" + k.publicInputCount()
          + " public inputs, the circuit has " + ClaimInputs.PUBLIC_COUNT + ")");
    }
    return k;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean postQuantum() {
    return false;
  }

  @Override
  public RegistryHash registryHash() {
    return new PoseidonRegistryHash();
  }

  public ClaimCircuit circuit() {
    return circuit;
  }

  @Override
  public byte[] prove(ClaimStatement statement, ClaimWitness witness) throws ProofException {
    String args;
    try {
      if (witness.record().schema() != statement.schema()) {
        throw new ClaimNotSatisfiedException("the record is of " + witness.record().schema()
            + ", the statement is about a registry of " + statement.schema());
      }
      if (statement.document().isPresent()
          && !statement.document().equals(witness.record().document())) {
        throw new ClaimNotSatisfiedException(
            "the document digest is not the one committed in the record");
      }
      Predicate failing = statement.policy().firstFailing(witness.record());
      if (failing != null) {
        throw new ClaimNotSatisfiedException("the record does not satisfy " + failing);
      }
      if (!underRoot(statement.root(), witness)) {
        throw new ClaimNotSatisfiedException("the record is not under the registry root");
      }
      args = ClaimInputs.witnessArguments(statement, witness);
    } catch (IllegalArgumentException e) {
      throw new ProofException("cannot prove: " + e.getMessage(), e);
    }
    synchronized (this) {
      if (zokrates == null) {
        zokrates = ZoKrates.create(timeout);
      }
      if (loaded == null) {
        ClaimCircuit.Prover p = circuit.prover(zokrates);
        if (pinnedJson != null && !JsonParser.parseString(circuit.verificationKeyJson())
            .equals(JsonParser.parseString(pinnedJson))) {
          throw new ProofException("the setup in " + circuit.directory() + " is not the one"
              + " whose verification key is pinned here: its proofs would be rejected (point"
              + " PQZK_ZOKRATES_DIR at the directory of the pinned setup)");
        }
        // read once; the worker keeps program and proving key between proofs
        loaded = zokrates.load(p.program(), p.keys());
      }
      try {
        return zokrates.prove(loaded, args).getBytes(StandardCharsets.UTF_8);
      } catch (ZoKratesException.Witness e) {
        throw new ClaimNotSatisfiedException("ZoKrates rejected the witness: " + e.getMessage());
      }
    }
  }

  private static boolean underRoot(byte[] root, ClaimWitness witness) {
    PoseidonRegistryHash h = new PoseidonRegistryHash();
    MerklePath path = witness.path();
    byte[] node = h.leaf(witness.record());
    for (int level = 0; level < path.depth(); level++) {
      boolean right = ((path.index() >>> level) & 1) == 1;
      node = right ? h.node(path.sibling(level), node) : h.node(node, path.sibling(level));
    }
    return MessageDigest.isEqual(node, root);
  }

  @Override
  public Verification verify(ClaimStatement statement, byte[] proof) throws ProofException {
    if (proof == null) {
      throw new MalformedProofException("no proof");
    }
    if (proof.length > MAX_PROOF_BYTES) {
      throw new MalformedProofException("proof of " + proof.length + " bytes exceeds the "
          + MAX_PROOF_BYTES + " bytes of any " + ID + " claim proof");
    }
    List<BigInteger> expected;
    try {
      expected = ClaimInputs.publicInputs(statement);
    } catch (IllegalArgumentException e) {
      throw new MalformedProofException("statement does not fit the claim circuit: " + e.getMessage(), e);
    }
    // The byte form checks the length against Groth16Proof.MAX_JSON_BYTES before decoding.
    Groth16Proof p = Groth16Proof.fromJson(proof);
    if (p.curve() != ZokratesCurve.BN128) {
      throw new MalformedProofException("a " + ID + " proof is on bn128, this one on " + p.curve().id());
    }
    List<BigInteger> got = p.inputs();
    if (got.size() != expected.size()) {
      throw new MalformedProofException("a claim proof has " + expected.size()
          + " public inputs, this one " + got.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(got.get(i))) {
        throw new ProofRejectedException("the proof is for another statement: its " + inputName(i)
            + " differs");
      }
    }
    Groth16Verifier.verify(verifyingKey(), p);
    return new Verification(ID, CLASSICAL_BITS, 0,
        "Groth16 on BN254, NOT post-quantum, trusted setup; registry depth " + ClaimInputs.DEPTH
            + ", " + proof.length + " bytes");
  }

  private Groth16VerifyingKey verifyingKey() throws ProofException {
    Groth16VerifyingKey k = key;
    if (k == null) {
      k = checkedKey(circuit.verificationKeyJson(), "the verification key in " + circuit.directory());
      key = k;
    }
    return k;
  }

  static String inputName(int i) {
    int s = ClaimInputs.SLOTS;
    int after = i - ClaimInputs.SCHEMA_INPUT;
    if (i == 0) {
      return "registry root";
    } else if (after == -1) {
      return "context";
    } else if (after >= 0) {
      return new String[] {"record schema", "disclosure flag", "document digest (first half)",
          "document digest (second half)"}[after];
    }
    String[] groups = {"attribute", "operator", "constant"};
    return "policy slot " + ((i - 1) % s) + " " + groups[(i - 1) / s];
  }

  /** Stops the Node worker, if one was started. */
  @Override
  public synchronized void close() {
    if (zokrates != null) {
      zokrates.close();
      zokrates = null;
    }
    loaded = null;
  }

  @Override
  public String toString() {
    return "ZokratesGroth16ProofSystem[" + circuit.directory() + "]";
  }
}
