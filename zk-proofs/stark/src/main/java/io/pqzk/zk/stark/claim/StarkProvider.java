package io.pqzk.zk.stark.claim;

import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystemId;
import io.pqzk.zk.ProofSystemProvider;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.UnsupportedParametersException;
import io.pqzk.zk.stark.StarkOptions;
import java.util.List;

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

  @Override
  public List<String> defaultParameterSets() {
    return List.of(StarkOptions.DEFAULT.name());
  }

  /**
   * Accepting exactly the named sets ({@code b32-q34-g16-f8-r255-sha256}), each checked against
   * the default floor at the depth-20 claim.
   */
  @Override
  public ProofSystem withParameterSets(List<String> names) throws ProofException {
    try {
      return StarkProofSystem.ofParameterSets(names);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedParametersException(e.getMessage(), e);
    }
  }
}
