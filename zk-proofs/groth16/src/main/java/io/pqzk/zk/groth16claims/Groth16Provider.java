package io.pqzk.zk.groth16claims;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystemId;
import io.pqzk.zk.ProofSystemProvider;
import io.pqzk.zk.RegistryHash;

/**
 * Registers Groth16 via ZoKrates with {@link io.pqzk.zk.ProofSystems}: pairing-based, so NOT
 * post-quantum sound (a quantum computer solves discrete logarithms on BN254), and its keys come
 * from a trusted setup that whoever relies on the proofs must pin. Registry hash: Poseidon over
 * BN254.
 */
public final class Groth16Provider implements ProofSystemProvider {
  private static final ProofSystemId ID = new ProofSystemId(ZokratesGroth16ProofSystem.ID);

  @Override
  public ProofSystemId id() {
    return ID;
  }

  @Override
  public boolean postQuantum() {
    return false;
  }

  @Override
  public boolean hasTrustedSetup() {
    return true;
  }

  @Override
  public RegistryHash registryHash() {
    return new PoseidonRegistryHash();
  }

  @Override
  public ProofSystem create() {
    return new ZokratesGroth16ProofSystem();
  }

  @Override
  public ProofSystem withVerificationKey(String verificationKey) throws ProofException {
    return ZokratesGroth16ProofSystem.withVerificationKey(ClaimCircuit.load(), verificationKey);
  }
}
