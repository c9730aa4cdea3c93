package io.pqzk.ledger;

import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.proto.CircuitDigests;
import io.pqzk.ledger.proto.Claims;
import io.pqzk.ledger.proto.Limits;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.SlhDsaPolicy;
import io.pqzk.ledger.proto.Validators;

/**
 * Builds a genesis message section by section, with the project's default limits unless told
 * otherwise. {@link #toJson()} gives the file bytes; {@link Genesis#parse} checks them.
 */
public final class GenesisBuilder {
  /** 1 MiB per transaction, 16 MiB and 4096 transactions per block, 30 s of clock drift. */
  public static final Limits DEFAULT_LIMITS = Limits.newBuilder()
      .setMaxTransactionBytes(1 << 20).setMaxBlockBytes(16 << 20).setMaxBlockTransactions(4096)
      .setMaxClockDriftMillis(30_000).build();

  private final io.pqzk.ledger.proto.Genesis.Builder g = io.pqzk.ledger.proto.Genesis.newBuilder();
  private final Validators.Builder validators = Validators.newBuilder();
  private final Claims.Builder claims = Claims.newBuilder();
  private Limits limits = DEFAULT_LIMITS;
  private io.pqzk.zk.claims.RecordSchema recordSchema = io.pqzk.zk.claims.RecordSchema.V1;

  public GenesisBuilder(String chainId, long createdMillis) {
    g.setFormat(Genesis.FORMAT).setChainId(chainId).setCreatedMillis(createdMillis);
    validators.setBlockSignatureAlgorithm("ML-DSA-65").setSlhDsaPolicy(
        SlhDsaPolicy.newBuilder().setAlgorithm("SLH-DSA-SHA2-128f").setEveryNBlocks(1));
  }

  public GenesisBuilder blockAlgorithm(String mlDsa) {
    validators.setBlockSignatureAlgorithm(mlDsa);
    return this;
  }

  public GenesisBuilder slhDsa(String algorithm, int everyNBlocks) {
    validators.setSlhDsaPolicy(SlhDsaPolicy.newBuilder().setAlgorithm(algorithm)
        .setEveryNBlocks(everyNBlocks));
    return this;
  }

  /** The next validator (its index is the number added before it). */
  public GenesisBuilder validator(String name, LedgerPublicKey mlDsa, LedgerPublicKey slhDsa) {
    validators.addMembers(Member.newBuilder().setName(name).addKeys(Genesis.keyEntry(mlDsa))
        .addKeys(Genesis.keyEntry(slhDsa)));
    return this;
  }

  public GenesisBuilder authority(String name, LedgerPublicKey key) {
    g.addAuthorities(Member.newBuilder().setName(name).addKeys(Genesis.keyEntry(key)));
    return this;
  }

  public GenesisBuilder participant(String name, LedgerPublicKey key) {
    g.addParticipants(Member.newBuilder().setName(name).addKeys(Genesis.keyEntry(key)));
    return this;
  }

  /** A record custodian with its event-signing ML-DSA key, in a declared jurisdiction. */
  public GenesisBuilder custodian(String name, LedgerPublicKey key, String jurisdiction) {
    g.addCustodians(io.pqzk.ledger.proto.Custodian.newBuilder().setName(name)
        .addKeys(Genesis.keyEntry(key)).setJurisdiction(jurisdiction));
    return this;
  }

  /**
   * A jurisdiction: its code and name, whether reads need the patient's explicit permit, and the
   * other jurisdictions whose readers may receive its records.
   */
  public GenesisBuilder jurisdiction(String code, String name, boolean consentRequired,
      String... releaseTo) {
    g.addJurisdictions(io.pqzk.ledger.proto.Jurisdiction.newBuilder().setCode(code).setName(name)
        .setConsentRequired(consentRequired).addAllReleaseTo(java.util.List.of(releaseTo)));
    return this;
  }

  /** A role authorities may assign to readers; break-glass roles name their purposes of use. */
  public GenesisBuilder role(String name, io.pqzk.ledger.proto.RoleKind kind,
      String... purposes) {
    g.addRoles(io.pqzk.ledger.proto.RoleDefinition.newBuilder().setName(name).setKind(kind)
        .addAllPurposes(java.util.List.of(purposes)));
    return this;
  }

  public GenesisBuilder limits(Limits l) {
    limits = l;
    return this;
  }

  /**
   * Accept claims of a transparent system (no key to pin), pinning its default parameter sets
   * when it has any (the STARK: {@code b32-q34-g16-f8-r255-sha256}).
   */
  public GenesisBuilder claimSystem(String system) {
    java.util.List<String> defaults;
    try {
      defaults = io.pqzk.zk.ProofSystems.defaultParameterSets(system);
    } catch (io.pqzk.zk.UnavailableProofSystemException e) {
      defaults = java.util.List.of(); // Genesis.parse refuses the unknown system by name
    }
    return defaults.isEmpty() ? claimSystem(system, java.util.List.of())
        : claimSystem(system, defaults);
  }

  /**
   * Accept claims of a transparent system under exactly these parameter sets (a proof made under
   * any other is refused); none: pin nothing, so validators use the system's defaults.
   */
  public GenesisBuilder claimSystem(String system, java.util.List<String> parameterSets) {
    claims.addSystems(system);
    if (!parameterSets.isEmpty()) {
      claims.putParameterSets(system, io.pqzk.ledger.proto.ParameterSets.newBuilder()
          .addAllNames(parameterSets).build());
    }
    return this;
  }

  /** The record schema of the chain's claim registries (default {@code pqzk-record/1}). */
  public GenesisBuilder recordSchema(io.pqzk.zk.claims.RecordSchema schema) {
    recordSchema = schema;
    return this;
  }

  /** Accept claims of a system with a trusted setup, pinning its key and circuit digests. */
  public GenesisBuilder claimSystem(String system, String verificationKey, String sourceSha256,
      String programSha256) {
    claims.addSystems(system).putVerificationKeys(system, verificationKey)
        .putCircuits(system, CircuitDigests.newBuilder().setSourceSha256(sourceSha256)
            .setProgramSha256(programSha256).build());
    return this;
  }

  /** The genesis; one with claim systems names its record schema. */
  public io.pqzk.ledger.proto.Genesis build() {
    Claims.Builder c = claims.clone();
    if (c.getSystemsCount() > 0) {
      c.setRecordSchema(recordSchema.id());
    }
    return g.clone().setValidators(validators).setLimits(limits).setClaims(c).build();
  }

  public byte[] toJson() {
    return Genesis.toJson(build());
  }
}
