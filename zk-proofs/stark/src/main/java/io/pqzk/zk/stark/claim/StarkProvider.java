package io.pqzk.zk.stark.claim;

import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystemId;
import io.pqzk.zk.ProofSystemProvider;
import io.pqzk.zk.RegistryHash;

/**
 * Registers the STARK with {@link io.pqzk.zk.ProofSystems}: transparent (no trusted setup),
 * post-quantum (soundness rests on hash functions only), registry hash RPO over Goldilocks.
 */
public final class StarkProvider implements ProofSystemProvider {
  private static final ProofSystemId ID = new ProofSystemId(StarkProofSystem.ID);

  @Override
  public ProofSystemId id() {
    return ID;
  }

  @Override
  public boolean postQuantum() {
    return true;
  }

  @Override
  public boolean hasTrustedSetup() {
    return false;
  }

  @Override
  public RegistryHash registryHash() {
    return new StarkRegistryHash();
  }

  @Override
  public ProofSystem create() {
    return new StarkProofSystem();
  }
}
