package io.pqzk.ledger;

import io.pqzk.ledger.merkle.FixedDepthTree;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.UnavailableProofSystemException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The record registries of the proof systems a genesis accepts claims for: one depth-20 tree per
 * system, over that system's own hash (RPO for the STARK), fed with the per-system leaf every
 * record registration carries. Their roots go into every block header, and a claim is verified
 * against the root of the block it names. Serializes as the concatenation of the trees'
 * frontiers, in the genesis order. Not thread-safe.
 */
public final class ClaimRegistries {
  private final List<String> systems;
  private final List<RegistryHash> hashes;
  private final List<FixedDepthTree> trees;

  private ClaimRegistries(List<String> systems, List<RegistryHash> hashes,
      List<FixedDepthTree> trees) {
    this.systems = systems;
    this.hashes = hashes;
    this.trees = trees;
  }

  /** Empty registries for every claim system of {@code genesis}. */
  public static ClaimRegistries initial(Genesis genesis) {
    List<RegistryHash> hs = hashes(genesis);
    List<FixedDepthTree> ts = new ArrayList<>();
    hs.forEach(h -> ts.add(new FixedDepthTree(h)));
    return new ClaimRegistries(genesis.claimSystems(), hs, ts);
  }

  /** Registries restored from {@link #toBytes()}. */
  public static ClaimRegistries fromBytes(Genesis genesis, byte[] bytes) {
    List<RegistryHash> hs = hashes(genesis);
    if (bytes.length != hs.size() * FixedDepthTree.SERIALIZED_LENGTH) {
      throw new IllegalStateException("claim registry frontier is " + bytes.length
          + " bytes, expected " + hs.size() * FixedDepthTree.SERIALIZED_LENGTH);
    }
    List<FixedDepthTree> ts = new ArrayList<>();
    for (int i = 0; i < hs.size(); i++) {
      int at = i * FixedDepthTree.SERIALIZED_LENGTH;
      ts.add(FixedDepthTree.fromBytes(hs.get(i),
          Arrays.copyOfRange(bytes, at, at + FixedDepthTree.SERIALIZED_LENGTH)));
    }
    return new ClaimRegistries(genesis.claimSystems(), hs, ts);
  }

  private static List<RegistryHash> hashes(Genesis genesis) {
    List<RegistryHash> hs = new ArrayList<>();
    for (String s : genesis.claimSystems()) {
      try {
        hs.add(ProofSystems.registryHash(s));
      } catch (UnavailableProofSystemException e) {
        throw new IllegalStateException("genesis claim system " + s + ": " + e.getMessage(), e);
      }
    }
    return hs;
  }

  public List<String> systems() {
    return systems;
  }

  /** Index of {@code system} in the genesis order, or -1. */
  public int indexOf(String system) {
    return systems.indexOf(system);
  }

  /**
   * Checks that {@code leaves} holds one canonical digest per system, in order; returns null when
   * they do, else what is wrong.
   */
  public String problemWith(List<byte[]> leaves) {
    if (leaves.size() != systems.size()) {
      return "carries " + leaves.size() + " claim registry leaves, the genesis needs "
          + systems.size() + (systems.isEmpty() ? "" : " (" + String.join(", ", systems) + ")");
    }
    for (int i = 0; i < leaves.size(); i++) {
      try {
        hashes.get(i).checkDigest(leaves.get(i));
      } catch (IllegalArgumentException e) {
        return "claim registry leaf for '" + systems.get(i) + "' is invalid: " + e.getMessage();
      }
    }
    return null;
  }

  /** Appends one registration's leaves (checked by {@link #problemWith}). */
  public void append(List<byte[]> leaves) {
    for (int i = 0; i < trees.size(); i++) {
      trees.get(i).append(leaves.get(i));
    }
  }

  /** Each system's root, in the genesis order. */
  public List<byte[]> roots() {
    List<byte[]> r = new ArrayList<>(trees.size());
    trees.forEach(t -> r.add(t.root()));
    return r;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    trees.forEach(t -> out.writeBytes(t.toBytes()));
    return out.toByteArray();
  }
}
