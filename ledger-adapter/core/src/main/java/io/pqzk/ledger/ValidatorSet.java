package io.pqzk.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.GenesisKey;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.StoredValidatorSet;
import io.pqzk.ledger.quorum.SignerSet;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validators in force at one height: who may propose a block there, and whose quorum of
 * floor(2n/3)+1 certifies it. It starts as the genesis lists it (version 0) and changes only
 * through certified {@code validator_set_update} transactions ({@link ValidatorSetRule}); {@link
 * ChainState} keeps it. A validator's index in {@link #validators()} names it in commit
 * certificates. Immutable and thread-safe.
 */
public final class ValidatorSet {
  private final long version;
  private final List<Genesis.Validator> validators;
  private final List<String> peerAddresses;
  private final Map<String, Genesis.Validator> byMlDsaKey = new LinkedHashMap<>();
  private final SignerSet commitSigners;
  private final byte[] encoded;

  private ValidatorSet(long version, List<Genesis.Validator> validators,
      List<String> peerAddresses) {
    this.version = version;
    this.validators = List.copyOf(validators);
    this.peerAddresses = List.copyOf(peerAddresses);
    for (Genesis.Validator v : validators) {
      byMlDsaKey.put(v.mlDsa().keyIdHex(), v);
    }
    this.commitSigners = new SignerSet(validators.stream().map(Genesis.Validator::name).toList(),
        validators.stream().map(Genesis.Validator::mlDsa).toList(), null,
        SignerSet.commitThreshold(validators.size()), false);
    this.encoded = toProto().toByteArray();
  }

  /** The genesis validators: version 0. */
  public static ValidatorSet of(Genesis genesis) {
    List<Genesis.Validator> vs = genesis.validators();
    return new ValidatorSet(0, vs, Collections.nCopies(vs.size(), ""));
  }

  /** A set from validators in order (their indices are renumbered to their positions). */
  static ValidatorSet of(long version, List<Genesis.Validator> validators,
      List<String> peerAddresses) {
    List<Genesis.Validator> renumbered = new ArrayList<>(validators.size());
    for (Genesis.Validator v : validators) {
      renumbered.add(new Genesis.Validator(renumbered.size(), v.name(), v.mlDsa(), v.slhDsa()));
    }
    return new ValidatorSet(version, renumbered, peerAddresses);
  }

  /** Decodes the state's record; the keys were checked when the change was accepted. */
  static ValidatorSet decode(Genesis genesis, byte[] bytes) {
    try {
      StoredValidatorSet s = StoredValidatorSet.parseFrom(bytes);
      List<Genesis.Validator> vs = new ArrayList<>();
      for (Member m : s.getMembersList()) {
        vs.add(new Genesis.Validator(vs.size(), m.getName(),
            key(genesis.blockAlgorithm(), m.getKeys(0)), key(genesis.slhDsaAlgorithm(),
                m.getKeys(1))));
      }
      return new ValidatorSet(s.getVersion(), vs, s.getPeerAddressesList());
    } catch (InvalidProtocolBufferException | GeneralSecurityException
        | IndexOutOfBoundsException e) {
      throw new IllegalStateException("the state holds a damaged validator set: "
          + e.getMessage(), e);
    }
  }

  private static LedgerPublicKey key(String algorithm, GenesisKey k)
      throws GeneralSecurityException {
    return Signatures.publicKey(algorithm, k.getSpki().toByteArray());
  }

  /** The record {@link ChainState} stores. */
  public StoredValidatorSet toProto() {
    StoredValidatorSet.Builder b = StoredValidatorSet.newBuilder().setVersion(version);
    for (Genesis.Validator v : validators) {
      b.addMembers(Member.newBuilder().setName(v.name()).addKeys(Genesis.keyEntry(v.mlDsa()))
          .addKeys(Genesis.keyEntry(v.slhDsa())));
    }
    return b.addAllPeerAddresses(peerAddresses).build();
  }

  byte[] encoded() {
    return encoded.clone();
  }

  /** How many changes led to this set (0: the genesis set). */
  public long version() {
    return version;
  }

  public List<Genesis.Validator> validators() {
    return validators;
  }

  public int size() {
    return validators.size();
  }

  /** The replication endpoint a change announced for validator {@code i}, or "" if none. */
  public String peerAddress(int i) {
    return peerAddresses.get(i);
  }

  /** The validator with this ML-DSA key id, or null. */
  public Genesis.Validator validator(byte[] mlDsaKeyId) {
    return byMlDsaKey.get(HexFormat.of().formatHex(mlDsaKeyId));
  }

  /** The validator named {@code name}, or null. */
  public Genesis.Validator byName(String name) {
    for (Genesis.Validator v : validators) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    return null;
  }

  /** Who certifies a block while this set is in force: floor(2n/3)+1 of its members. */
  public SignerSet commitSigners() {
    return commitSigners;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidatorSet s && java.util.Arrays.equals(encoded, s.encoded);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "validator set v" + version + " " + validators.stream().map(Genesis.Validator::name)
        .toList();
  }
}
