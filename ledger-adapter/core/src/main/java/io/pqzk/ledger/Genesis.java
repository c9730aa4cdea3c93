package io.pqzk.ledger;

import io.pqzk.ledger.crypto.Hashes;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.crypto.UnsupportedAlgorithmException;
import io.pqzk.ledger.proto.CircuitDigests;
import io.pqzk.ledger.proto.Claims;
import io.pqzk.ledger.proto.GenesisKey;
import io.pqzk.ledger.proto.Limits;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed, checked genesis file: the chain id, the validator set (each with one ML-DSA and one
 * SLH-DSA key), the authorities and participants, and the SLH-DSA policy. Its {@link #hash()}
 * covers the exact file bytes, and block 0 links to it, so editing the file after the fact
 * breaks the chain. Immutable and thread-safe.
 */
public final class Genesis {
  public static final String FORMAT = "pqzk-genesis/v2";
  private static final Pattern FORMAT_FIELD = Pattern.compile("\"format\"\\s*:\\s*\"([^\"]{0,64})\"");
  public static final String FILE_NAME = "genesis.json";
  private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  /** No genesis may allow blocks larger than this (the block file record's length field). */
  static final long MAX_BLOCK_BYTES_CEILING = 256L << 20;

  /**
   * A validator: its index in the genesis list (how commit certificates name it), name, block
   * (ML-DSA) key and SLH-DSA key.
   */
  public record Validator(int index, String name, LedgerPublicKey mlDsa, LedgerPublicKey slhDsa) {}

  /** Who a key belongs to. */
  public enum Role { VALIDATOR, AUTHORITY, PARTICIPANT, CUSTODIAN }

  /** A record custodian: its name, its event-signing key and its jurisdiction's code. */
  public record CustodianInfo(String name, LedgerPublicKey key, String jurisdiction) {}

  /** A known transaction author. */
  public record Author(String name, Role role, LedgerPublicKey key) {}

  private final io.pqzk.ledger.proto.Genesis proto;
  private byte[] hash;
  private final Map<String, Validator> validatorsByMlDsaKey = new LinkedHashMap<>();
  private final Map<String, Author> authors = new LinkedHashMap<>();
  private final Map<String, CustodianInfo> custodians = new LinkedHashMap<>();
  private final Map<String, io.pqzk.ledger.proto.Jurisdiction> jurisdictions =
      new LinkedHashMap<>();
  private final Map<String, io.pqzk.ledger.proto.RoleDefinition> roles = new LinkedHashMap<>();
  // the systems that verify this chain's claims, checked (and keys parsed) once, here
  private final Map<String, io.pqzk.zk.ProofSystem> claimProofSystems = new LinkedHashMap<>();
  private io.pqzk.ledger.quorum.SignerSet commitSigners;
  private io.pqzk.zk.claims.RecordSchema recordSchema = io.pqzk.zk.claims.RecordSchema.V1;

  private Genesis(io.pqzk.ledger.proto.Genesis proto) {
    this.proto = proto;
  }

  /** Reads {@code file}; every problem is a {@link MalformedInputException} naming it. */
  public static Genesis load(Path file) throws MalformedInputException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new MalformedInputException("genesis file " + file + " does not exist");
    } catch (IOException e) {
      throw new MalformedInputException("cannot read genesis file " + file + ": " + e.getMessage());
    }
    return parse(bytes);
  }

  /** Parses and checks genesis file bytes. */
  public static Genesis parse(byte[] fileBytes) throws MalformedInputException {
    String text = new String(fileBytes, StandardCharsets.UTF_8);
    java.util.regex.Matcher f = FORMAT_FIELD.matcher(text);
    if (f.find() && !f.group(1).equals(FORMAT)) {
      // read the version before the layout: a file of another version is refused, never misread
      throw new UnsupportedVersionException("genesis format is '" + Printable.escape(f.group(1))
          + "'; this pqzk"
          + " reads " + FORMAT + " only. A chain of another format cannot be opened by this"
          + " version: keep using the pqzk that made it, or start a new chain (pqzk demo)");
    }
    io.pqzk.ledger.proto.Genesis.Builder b = io.pqzk.ledger.proto.Genesis.newBuilder();
    try {
      ProtoJson.merge(text, b);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      // the parser's message may quote the file (a field name): shown escaped
      throw new MalformedInputException("genesis file is not valid JSON for " + FORMAT + ": "
          + Printable.escape(why.replaceFirst("^[\\w.]+Exception: ", "")));
    }
    Genesis g = new Genesis(b.build());
    g.check();
    // hashed once checked: the chain id is then at most 64 characters, as the hash's tag needs
    g.hash = Hashes.hash(Hashes.GENESIS, g.proto.getChainId(), fileBytes);
    return g;
  }

  /** The JSON text of a genesis message, as written to {@value #FILE_NAME}. */
  public static byte[] toJson(io.pqzk.ledger.proto.Genesis proto) {
    try {
      return (JsonFormat.printer().print(proto) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A genesis key entry for {@code key}. */
  public static GenesisKey keyEntry(LedgerPublicKey key) {
    return GenesisKey.newBuilder().setAlgorithm(key.algorithm()).setKeyId(key.keyIdHex())
        .setSpki(ByteString.copyFrom(key.spki())).build();
  }

  private void check() throws MalformedInputException {
    if (!FORMAT.equals(proto.getFormat())) {
      throw new MalformedInputException("genesis format is '"
          + Printable.escape(proto.getFormat()) + "', expected '"
          + FORMAT + "'");
    }
    if (!CHAIN_ID.matcher(proto.getChainId()).matches()) {
      throw new MalformedInputException("genesis chain id '" + Printable.escape(proto.getChainId())
          + "' must be 1 to 64 characters of [A-Za-z0-9._-]");
    }
    Validators vs = proto.getValidators();
    String blockAlg = algorithm(vs.getBlockSignatureAlgorithm(),
        "validators.block_signature_algorithm");
    if (!Signatures.isMlDsa(blockAlg)) {
      throw new MalformedInputException("validators.block_signature_algorithm must be ML-DSA, got "
          + blockAlg);
    }
    String slhAlg = algorithm(vs.getSlhDsaPolicy().getAlgorithm(),
        "validators.slh_dsa_policy.algorithm");
    if (!Signatures.isSlhDsa(slhAlg)) {
      throw new MalformedInputException("validators.slh_dsa_policy.algorithm must be SLH-DSA, got "
          + slhAlg);
    }
    if (vs.getSlhDsaPolicy().getEveryNBlocks() < 1) {
      throw new MalformedInputException("validators.slh_dsa_policy.every_n_blocks must be at least 1");
    }
    if (vs.getMembersCount() == 0) {
      throw new MalformedInputException("genesis names no validator");
    }
    if (vs.getMembersCount() > io.pqzk.ledger.quorum.QuorumCertificates.MAX_SIGNATURES) {
      throw new MalformedInputException("genesis names " + vs.getMembersCount()
          + " validators, at most " + io.pqzk.ledger.quorum.QuorumCertificates.MAX_SIGNATURES);
    }
    checkLimits(proto.getLimits(), vs.getMembersCount());
    Claims claims = proto.getClaims();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String sys : claims.getSystemsList()) {
      if (!io.pqzk.zk.ProofSystems.ids().contains(sys)) {
        throw new MalformedInputException("claim_systems: unknown proof system '"
            + Printable.escape(sys)
            + "' (expected one of " + io.pqzk.zk.ProofSystems.ids() + ")");
      }
      if (!seen.add(sys)) {
        throw new MalformedInputException("claim_systems names '" + Printable.escape(sys)
            + "' twice");
      }
      String key = claims.getVerificationKeysMap().get(sys);
      boolean trustedSetup = io.pqzk.zk.ProofSystems.hasTrustedSetup(sys);
      if (trustedSetup && key == null) {
        throw new MalformedInputException("claims.systems: '" + sys + "' has a trusted setup:"
            + " claims.verification_keys must pin its verification key");
      }
      if (trustedSetup) {
        checkCircuit(sys, claims.getCircuitsMap().get(sys));
      }
      claimProofSystems.put(sys, claimProofSystem(claims, sys, key, trustedSetup));
    }
    for (String sys : claims.getParameterSetsMap().keySet()) {
      if (!seen.contains(sys)) {
        throw new MalformedInputException("claims.parameter_sets names '" + Printable.escape(sys)
            + "', which is not in claims.systems");
      }
    }
    if (!claims.getRecordSchema().isEmpty()) {
      try {
        recordSchema = io.pqzk.zk.claims.RecordSchema.parse(claims.getRecordSchema());
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException("claims.record_schema: "
            + Printable.escape(e.getMessage()));
      }
      if (!recordSchema.id().equals(claims.getRecordSchema())) {
        throw new MalformedInputException("claims.record_schema must be written as '"
            + recordSchema.id() + "', not '" + Printable.escape(claims.getRecordSchema()) + "'");
      }
    }
    for (String sys : claims.getVerificationKeysMap().keySet()) {
      if (!seen.contains(sys) || !io.pqzk.zk.ProofSystems.hasTrustedSetup(sys)) {
        throw new MalformedInputException("claims.verification_keys names '"
            + Printable.escape(sys) + "', which is"
            + (seen.contains(sys) ? " transparent and takes no key" : " not in claims.systems"));
      }
    }
    for (String sys : claims.getCircuitsMap().keySet()) {
      if (!claims.getVerificationKeysMap().containsKey(sys)) {
        throw new MalformedInputException("claims.circuits names '" + Printable.escape(sys)
            + "', which has no"
            + " pinned verification key");
      }
    }
    for (Member m : vs.getMembersList()) {
      LedgerPublicKey ml = null;
      LedgerPublicKey slh = null;
      for (GenesisKey k : m.getKeysList()) {
        LedgerPublicKey pk = key(m.getName(), k);
        if (pk.algorithm().equals(blockAlg) && ml == null) {
          ml = pk;
        } else if (pk.algorithm().equals(slhAlg) && slh == null) {
          slh = pk;
        } else {
          throw new MalformedInputException("validator '" + Printable.escape(m.getName())
              + "' has an extra "
              + pk.algorithm() + " key");
        }
      }
      if (ml == null || slh == null) {
        throw new MalformedInputException("validator '" + Printable.escape(m.getName())
            + "' needs one " + blockAlg
            + " and one " + slhAlg + " key");
      }
      validatorsByMlDsaKey.put(ml.keyIdHex(),
          new Validator(validatorsByMlDsaKey.size(), m.getName(), ml, slh));
      addAuthor(new Author(m.getName(), Role.VALIDATOR, ml));
    }
    addMembers(proto.getAuthoritiesList(), Role.AUTHORITY);
    addMembers(proto.getParticipantsList(), Role.PARTICIPANT);
    RecordSections.check(proto, this::addCustodian, jurisdictions, roles);
    List<Validator> v = validators();
    commitSigners = new io.pqzk.ledger.quorum.SignerSet(
        v.stream().map(Validator::name).toList(), v.stream().map(Validator::mlDsa).toList(),
        null, io.pqzk.ledger.quorum.SignerSet.commitThreshold(v.size()), false);
  }

  /**
   * Room a block needs besides its transactions, at most: header and envelopes, the proposer's
   * ML-DSA and SLH-DSA signatures (below 64 KiB for every parameter set) and the carried commit
   * certificate (below 8 KiB per validator). A block limit above max_transaction_bytes plus this
   * always has room for the largest transaction.
   */
  static long blockOverheadBound(int validators) {
    return (64L << 10) + (8L << 10) * validators;
  }

  private static void checkLimits(Limits l, int validators) throws MalformedInputException {
    if (l.getMaxTransactionBytes() < 1024 || l.getMaxBlockBytes() < l.getMaxTransactionBytes()
        || l.getMaxBlockTransactions() < 1 || l.getMaxClockDriftMillis() < 1) {
      throw new MalformedInputException("genesis limits must all be set: max_transaction_bytes"
          + " (at least 1024), max_block_bytes (at least max_transaction_bytes),"
          + " max_block_transactions and max_clock_drift_millis (at least 1); got "
          + l.getMaxTransactionBytes() + ", " + l.getMaxBlockBytes() + ", "
          + l.getMaxBlockTransactions() + ", " + l.getMaxClockDriftMillis());
    }
    if (l.getMaxBlockBytes() < l.getMaxTransactionBytes() + blockOverheadBound(validators)) {
      throw new MalformedInputException("genesis limits.max_block_bytes " + l.getMaxBlockBytes()
          + " leaves no room for a largest transaction (" + l.getMaxTransactionBytes()
          + " bytes) beside the block's signatures and commit certificate: it must be at least "
          + (l.getMaxTransactionBytes() + blockOverheadBound(validators)));
    }
    if (l.getMaxBlockBytes() > MAX_BLOCK_BYTES_CEILING) {
      throw new MalformedInputException("genesis limits.max_block_bytes " + l.getMaxBlockBytes()
          + " exceeds what a node can hold, " + MAX_BLOCK_BYTES_CEILING);
    }
  }

  /**
   * The system that verifies the chain's claims of {@code sys}: bound to the pinned key (a
   * trusted setup), or accepting exactly the pinned parameter sets, or, for a system with
   * parameter sets that the file does not pin, exactly its default ones.
   */
  private static io.pqzk.zk.ProofSystem claimProofSystem(Claims claims, String sys, String key,
      boolean trustedSetup) throws MalformedInputException {
    io.pqzk.ledger.proto.ParameterSets pinned = claims.getParameterSetsMap().get(sys);
    String field = "claims.systems: '" + Printable.escape(sys) + "'";
    try {
      if (trustedSetup) {
        if (pinned != null) {
          throw new MalformedInputException("claims.parameter_sets names '"
              + Printable.escape(sys) + "', which has a trusted setup: its pinned verification"
              + " key fixes what it accepts");
        }
        field = "claims.verification_keys['" + Printable.escape(sys) + "']";
        return io.pqzk.zk.ProofSystems.withVerificationKey(sys, key);
      }
      if (pinned == null) {
        java.util.List<String> defaults = io.pqzk.zk.ProofSystems.defaultParameterSets(sys);
        return defaults.isEmpty() ? io.pqzk.zk.ProofSystems.get(sys)
            : io.pqzk.zk.ProofSystems.withParameterSets(sys, defaults);
      }
      field = "claims.parameter_sets['" + Printable.escape(sys) + "']";
      java.util.List<String> names = pinned.getNamesList();
      if (names.isEmpty() || new java.util.HashSet<>(names).size() != names.size()) {
        throw new MalformedInputException(field + " must name at least one set, each once: "
            + Printable.escape(names.toString()));
      }
      return io.pqzk.zk.ProofSystems.withParameterSets(sys, names);
    } catch (io.pqzk.zk.ProofException e) {
      // the proof system's refusal quotes the file's own set names
      throw new MalformedInputException(field + ": " + Printable.escape(e.getMessage()), e);
    }
  }

  private static void checkCircuit(String sys, CircuitDigests d) throws MalformedInputException {
    if (d == null || !HEX64.matcher(d.getSourceSha256()).matches()
        || !HEX64.matcher(d.getProgramSha256()).matches()) {
      throw new MalformedInputException("claims.circuits['" + sys + "'] must pin the SHA-256 of"
          + " the circuit's source and compiled program (64 lowercase hex digits each): a"
          + " verification key alone does not say which circuit its ceremony was for");
    }
  }

  private void addMembers(List<Member> members, Role role) throws MalformedInputException {
    for (Member m : members) {
      if (m.getKeysCount() == 0) {
        throw new MalformedInputException(role.name().toLowerCase() + " '"
            + Printable.escape(m.getName())
            + "' has no key");
      }
      for (GenesisKey k : m.getKeysList()) {
        addAuthor(new Author(m.getName(), role, key(m.getName(), k)));
      }
    }
  }

  private void addCustodian(io.pqzk.ledger.proto.Custodian c) throws MalformedInputException {
    if (c.getKeysCount() != 1) {
      throw new MalformedInputException("custodian '" + c.getName() + "' needs exactly one"
          + " ML-DSA key (it signs access events), has " + c.getKeysCount());
    }
    LedgerPublicKey k = key(c.getName(), c.getKeys(0));
    if (!Signatures.isMlDsa(k.algorithm())) {
      throw new MalformedInputException("custodian '" + c.getName() + "': its key must be ML-DSA,"
          + " got " + k.algorithm());
    }
    addAuthor(new Author(c.getName(), Role.CUSTODIAN, k));
    custodians.put(k.keyIdHex(), new CustodianInfo(c.getName(), k, c.getJurisdiction()));
  }

  private void addAuthor(Author a) throws MalformedInputException {
    if (authors.putIfAbsent(a.key().keyIdHex(), a) != null) {
      throw new MalformedInputException("key " + a.key().keyIdHex() + " of '"
          + Printable.escape(a.name())
          + "' appears twice in the genesis");
    }
  }

  private static String algorithm(String name, String field) throws MalformedInputException {
    try {
      return Signatures.check(name);
    } catch (UnsupportedAlgorithmException e) {
      throw new MalformedInputException("genesis " + field + ": unknown signature algorithm '"
          + Printable.escape(String.valueOf(name)) + "' (expected one of "
          + Signatures.ALGORITHMS.stream().sorted().toList() + ")");
    }
  }

  private static LedgerPublicKey key(String owner, GenesisKey k) throws MalformedInputException {
    String alg = algorithm(k.getAlgorithm(), "key of '" + Printable.escape(owner) + "'");
    LedgerPublicKey pk;
    try {
      pk = Signatures.publicKey(alg, k.getSpki().toByteArray());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new MalformedInputException("genesis key of '" + Printable.escape(owner)
          + "' is not a valid " + alg
          + " public key: " + e.getMessage());
    }
    if (!pk.keyIdHex().equalsIgnoreCase(k.getKeyId())) {
      throw new MalformedInputException("genesis key of '" + Printable.escape(owner) + "': key_id "
          + Printable.escape(k.getKeyId())
          + " does not match its spki (" + pk.keyIdHex() + ")");
    }
    return pk;
  }

  public String chainId() {
    return proto.getChainId();
  }

  /** Proof systems whose claims the chain accepts, in registration-leaf and header order. */
  public List<String> claimSystems() {
    return proto.getClaims().getSystemsList();
  }

  /**
   * The record schema of this chain's claim registries: what every registration's leaves commit
   * to and every claim statement names ({@code pqzk-record/1} when the file names none).
   */
  public io.pqzk.zk.claims.RecordSchema recordSchema() {
    return recordSchema;
  }

  /**
   * The parameter sets a system's claims are verified under (the pinned ones, or the system's
   * defaults when the file pins none); empty for a system without parameter sets.
   */
  public List<String> claimParameterSets(String system) {
    io.pqzk.ledger.proto.ParameterSets p = proto.getClaims().getParameterSetsMap().get(system);
    if (p != null) {
      return p.getNamesList();
    }
    try {
      return io.pqzk.zk.ProofSystems.hasTrustedSetup(system) ? List.of()
          : io.pqzk.zk.ProofSystems.defaultParameterSets(system);
    } catch (io.pqzk.zk.UnavailableProofSystemException e) {
      return List.of();
    }
  }

  /** The pinned circuit digests of a system with a trusted setup, or null. */
  public CircuitDigests claimCircuit(String system) {
    return proto.getClaims().getCircuitsMap().get(system);
  }

  public Limits limits() {
    return proto.getLimits();
  }

  /**
   * The signer set of block commits while the genesis set is in force: the genesis validators
   * in order, a quorum of floor(2n/3)+1 of them. After a certified change the set in force is
   * {@link ChainState#validators()}.
   */
  public io.pqzk.ledger.quorum.SignerSet commitSigners() {
    return commitSigners;
  }

  /**
   * The proof system that verifies this chain's claims of {@code system} (one of {@link
   * #claimSystems()}); for a system with a trusted setup, bound to the verification key the
   * genesis pins; for one with parameter sets, accepting exactly {@link #claimParameterSets}.
   * Built and checked when the genesis was parsed.
   */
  public io.pqzk.zk.ProofSystem claimProofSystem(String system) {
    io.pqzk.zk.ProofSystem p = claimProofSystems.get(system);
    if (p == null) {
      throw new IllegalArgumentException("'" + system + "' is not a claim system of this genesis");
    }
    return p;
  }

  /** Hash of the exact genesis file bytes: block 0's previous hash. */
  public byte[] hash() {
    return hash.clone();
  }

  public String blockAlgorithm() {
    return proto.getValidators().getBlockSignatureAlgorithm();
  }

  public String slhDsaAlgorithm() {
    return proto.getValidators().getSlhDsaPolicy().getAlgorithm();
  }

  public int slhDsaEvery() {
    return proto.getValidators().getSlhDsaPolicy().getEveryNBlocks();
  }

  /** Whether the block at {@code height} must carry an SLH-DSA signature. */
  public boolean slhDsaRequiredAt(long height) {
    return height % slhDsaEvery() == 0;
  }

  /** The validator owning this ML-DSA key id, or null. */
  public Validator validator(byte[] mlDsaKeyId) {
    return validatorsByMlDsaKey.get(HexFormat.of().formatHex(mlDsaKeyId));
  }

  public List<Validator> validators() {
    return Collections.unmodifiableList(new ArrayList<>(validatorsByMlDsaKey.values()));
  }

  /** The known author with this key id, or null. */
  public Author author(byte[] keyId) {
    return authors.get(HexFormat.of().formatHex(keyId));
  }

  /** The custodian with this key id, or null. */
  public CustodianInfo custodian(byte[] keyId) {
    return custodians.get(HexFormat.of().formatHex(keyId));
  }

  public List<CustodianInfo> custodians() {
    return List.copyOf(custodians.values());
  }

  /** The jurisdiction with this code, or null. */
  public io.pqzk.ledger.proto.Jurisdiction jurisdiction(String code) {
    return jurisdictions.get(code);
  }

  /** The role with this name, or null. */
  public io.pqzk.ledger.proto.RoleDefinition role(String name) {
    return roles.get(name);
  }

  public io.pqzk.ledger.proto.Genesis proto() {
    return proto;
  }
}
