package io.pqzk.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Limits;
import io.pqzk.replication.proto.LimitsEntry;
import io.pqzk.replication.proto.MemberEntry;
import io.pqzk.replication.proto.NetworkConfig;
import io.pqzk.replication.proto.PinnedKey;
import io.pqzk.replication.proto.ValidatorEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * Builds a genesis file from a network's readable description ({@code network.json}, the JSON
 * form of {@code NetworkConfig}): validators with their ML-DSA and SLH-DSA public keys,
 * authorities and participants, the claim systems with any pinned key, limits and the SLH-DSA
 * policy. The result is checked as every node will check it ({@link Genesis#parse}).
 */
public final class NetworkGenesis {
  private NetworkGenesis() {}

  /** The genesis file bytes {@code networkJson} describes. */
  public static byte[] build(Path networkJson) throws ConfigException {
    NetworkConfig c = read(networkJson);
    Path base = networkJson.toAbsolutePath().getParent();
    String blockAlg = c.getBlockSignatureAlgorithm().isEmpty() ? "ML-DSA-65"
        : c.getBlockSignatureAlgorithm();
    String slhAlg = c.getSlhDsa().getAlgorithm().isEmpty() ? "SLH-DSA-SHA2-128f"
        : c.getSlhDsa().getAlgorithm();
    int every = c.getSlhDsa().getEveryNBlocks() == 0 ? 1 : c.getSlhDsa().getEveryNBlocks();
    GenesisBuilder g = new GenesisBuilder(c.getChainId(), c.getCreatedMillis() == 0
        ? System.currentTimeMillis() : c.getCreatedMillis()).blockAlgorithm(blockAlg)
        .slhDsa(slhAlg, every);
    if (c.getValidatorsCount() == 0) {
      throw new ConfigException("validators: a network needs at least one");
    }
    for (ValidatorEntry v : c.getValidatorsList()) {
      g.validator(v.getName(), key(base, "validators[" + v.getName() + "].ml_dsa_public",
          blockAlg, v.getMlDsaPublic()), key(base, "validators[" + v.getName()
          + "].slh_dsa_public", slhAlg, v.getSlhDsaPublic()));
    }
    for (MemberEntry m : c.getAuthoritiesList()) {
      g.authority(m.getName(), member(base, "authorities", m));
    }
    for (MemberEntry m : c.getParticipantsList()) {
      g.participant(m.getName(), member(base, "participants", m));
    }
    for (String system : c.getClaims().getSystemsList()) {
      PinnedKey pin = c.getClaims().getPinnedMap().get(system);
      if (pin == null) {
        g.claimSystem(system);
      } else {
        g.claimSystem(system, text(base, "claims.pinned[" + system + "].verification_key",
            pin.getVerificationKey()), pin.getSourceSha256(), pin.getProgramSha256());
      }
    }
    for (Map.Entry<String, PinnedKey> e : c.getClaims().getPinnedMap().entrySet()) {
      if (!c.getClaims().getSystemsList().contains(e.getKey())) {
        throw new ConfigException("claims.pinned names '" + e.getKey()
            + "', which is not in claims.systems");
      }
    }
    g.limits(limits(c.getLimits()));
    byte[] json = g.toJson();
    try {
      Genesis.parse(json);
    } catch (MalformedInputException e) {
      throw new ConfigException(networkJson + ": " + e.getMessage(), e);
    }
    return json;
  }

  private static Limits limits(LimitsEntry l) {
    Limits d = GenesisBuilder.DEFAULT_LIMITS;
    return Limits.newBuilder()
        .setMaxTransactionBytes(l.getMaxTransactionBytes() == 0 ? d.getMaxTransactionBytes()
            : l.getMaxTransactionBytes())
        .setMaxBlockBytes(l.getMaxBlockBytes() == 0 ? d.getMaxBlockBytes() : l.getMaxBlockBytes())
        .setMaxBlockTransactions(l.getMaxBlockTransactions() == 0 ? d.getMaxBlockTransactions()
            : l.getMaxBlockTransactions())
        .setMaxClockDriftMillis(l.getMaxClockDriftMillis() == 0 ? d.getMaxClockDriftMillis()
            : l.getMaxClockDriftMillis())
        .build();
  }

  private static NetworkConfig read(Path file) throws ConfigException {
    try {
      NetworkConfig.Builder b = NetworkConfig.newBuilder();
      io.pqzk.ledger.ProtoJson.merge(Files.readString(file, StandardCharsets.UTF_8), b);
      return b.build();
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new ConfigException(file + " is not a valid network description: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static LedgerPublicKey member(Path base, String section, MemberEntry m)
      throws ConfigException {
    return key(base, section + "[" + m.getName() + "].public_key",
        m.getAlgorithm().isEmpty() ? "ML-DSA-65" : m.getAlgorithm(), m.getPublicKey());
  }

  private static LedgerPublicKey key(Path base, String field, String algorithm, String file)
      throws ConfigException {
    try {
      return Signatures.publicKeyFromPem(algorithm, text(base, field, file));
    } catch (GeneralSecurityException e) {
      throw new ConfigException(field + ": " + file + " is not a " + algorithm + " public key ("
          + e.getMessage() + ")", e);
    }
  }

  private static String text(Path base, String field, String file) throws ConfigException {
    if (file.isEmpty()) {
      throw new ConfigException(field + " is required");
    }
    try {
      return Files.readString(base.resolve(file), StandardCharsets.UTF_8);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException(field + ": '" + file + "' is not a valid path (" + e.getReason()
          + ")", e);
    } catch (IOException e) {
      throw new ConfigException(field + ": cannot read " + file + " (" + e.getMessage() + ")", e);
    }
  }
}
