package io.pqzk.chains.attest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.proto.Attesters.Builder;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.proto.GenesisKey;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.SignerSet;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attesters of one foreign chain, read from an attesters file ({@code pqzk-attesters/v1},
 * JSON in the protobuf mapping of {@link io.pqzk.chains.proto.Attesters}; members in the genesis
 * file's {@code Member} format). Every key is checked when loaded: a known ML-DSA or SLH-DSA
 * parameter set, canonical SPKI, a key id that is the SHA3-256 of that SPKI. Each member has one
 * ML-DSA key and, in every member or none, one SLH-DSA key.
 */
public final class Attesters {
  public static final String FORMAT = "pqzk-attesters/v1";

  private final io.pqzk.chains.proto.Attesters proto;
  private final List<String> names;
  private final List<LedgerPublicKey> mlDsa;
  private final List<LedgerPublicKey> slhDsa;
  private final Map<String, Integer> byKeyId;

  private Attesters(io.pqzk.chains.proto.Attesters proto, List<String> names,
      List<LedgerPublicKey> mlDsa, List<LedgerPublicKey> slhDsa) {
    this.proto = proto;
    this.names = List.copyOf(names);
    this.mlDsa = List.copyOf(mlDsa);
    this.slhDsa = List.copyOf(slhDsa);
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < mlDsa.size(); i++) {
      m.put(mlDsa.get(i).keyIdHex(), i);
    }
    this.byKeyId = Map.copyOf(m);
  }

  /** Reads and checks an attesters file. */
  public static Attesters parse(byte[] file) throws AttestationException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      throw new AttestationException("attesters file is not UTF-8 text");
    }
    Builder b = io.pqzk.chains.proto.Attesters.newBuilder();
    try {
      io.pqzk.ledger.ProtoJson.merge(text, b);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new AttestationException("attesters file is not " + FORMAT + " JSON: "
          + e.getMessage());
    }
    return of(b.build());
  }

  /** Checks an attesters message. */
  public static Attesters of(io.pqzk.chains.proto.Attesters p) throws AttestationException {
    if (!FORMAT.equals(p.getFormat())) {
      throw new AttestationException("attesters file format '" + p.getFormat() + "', expected '"
          + FORMAT + "'");
    }
    if (!ChainAdapters.names().contains(p.getChain())) {
      throw new AttestationException("attesters file names chain '" + p.getChain()
          + "' (expected one of " + ChainAdapters.names() + ")");
    }
    if (p.getChainId().isEmpty() || p.getChainId().length() > 128) {
      throw new AttestationException("attesters file must name the chain id (1..128 characters)");
    }
    int n = p.getMembersCount();
    if (n == 0 || n > QuorumCertificates.MAX_SIGNATURES) {
      throw new AttestationException("attesters file lists " + n + " members (1.."
          + QuorumCertificates.MAX_SIGNATURES + ")");
    }
    if (p.getQuorum() > n) {
      throw new AttestationException("quorum " + p.getQuorum() + " of only " + n + " members");
    }
    List<String> names = new ArrayList<>();
    List<LedgerPublicKey> ml = new ArrayList<>();
    List<LedgerPublicKey> slh = new ArrayList<>();
    Set<String> seenNames = new HashSet<>();
    Set<String> seenKeys = new HashSet<>();
    for (Member m : p.getMembersList()) {
      if (m.getName().isEmpty() || !seenNames.add(m.getName())) {
        throw new AttestationException("member name '" + m.getName() + "' empty or twice");
      }
      LedgerPublicKey mk = null;
      LedgerPublicKey sk = null;
      for (GenesisKey k : m.getKeysList()) {
        LedgerPublicKey key = key(m.getName(), k);
        if (!seenKeys.add(key.keyIdHex())) {
          throw new AttestationException("key " + key.keyIdHex() + " listed twice");
        }
        if (Signatures.isMlDsa(key.algorithm())) {
          if (mk != null) {
            throw new AttestationException("'" + m.getName() + "' has two ML-DSA keys");
          }
          mk = key;
        } else {
          if (sk != null) {
            throw new AttestationException("'" + m.getName() + "' has two SLH-DSA keys");
          }
          sk = key;
        }
      }
      if (mk == null) {
        throw new AttestationException("'" + m.getName() + "' has no ML-DSA key");
      }
      names.add(m.getName());
      ml.add(mk);
      if (sk != null) {
        slh.add(sk);
      }
    }
    if (!slh.isEmpty() && slh.size() != n) {
      throw new AttestationException("SLH-DSA keys for " + slh.size() + " of " + n
          + " members: give every member one, or none");
    }
    if (p.getSlhDsaRequired() && slh.isEmpty()) {
      throw new AttestationException("SLH-DSA signatures required but no member has a key");
    }
    return new Attesters(p, names, ml, slh);
  }

  private static LedgerPublicKey key(String owner, GenesisKey k) throws AttestationException {
    LedgerPublicKey pk;
    try {
      pk = Signatures.publicKey(Signatures.check(k.getAlgorithm()), k.getSpki().toByteArray());
    } catch (GeneralSecurityException e) {
      throw new AttestationException("key of '" + owner + "': " + e.getMessage());
    }
    if (!pk.keyIdHex().equalsIgnoreCase(k.getKeyId())) {
      throw new AttestationException("key id " + k.getKeyId() + " of '" + owner
          + "' does not match its spki (" + pk.keyIdHex() + ")");
    }
    return pk;
  }

  /**
   * An attesters file (JSON) for {@code names}, each with {@code mlDsa.get(i)} and, when {@code
   * slhDsa} is not empty, {@code slhDsa.get(i)}; quorum 0 means floor(2n/3)+1.
   */
  public static byte[] file(String chain, String chainId, int quorum, boolean slhDsaRequired,
      List<String> names, List<LedgerPublicKey> mlDsa, List<LedgerPublicKey> slhDsa) {
    Builder b = io.pqzk.chains.proto.Attesters.newBuilder().setFormat(FORMAT).setChain(chain)
        .setChainId(chainId).setQuorum(quorum).setSlhDsaRequired(slhDsaRequired);
    for (int i = 0; i < names.size(); i++) {
      Member.Builder m = Member.newBuilder().setName(names.get(i))
          .addKeys(Genesis.keyEntry(mlDsa.get(i)));
      if (!slhDsa.isEmpty()) {
        m.addKeys(Genesis.keyEntry(slhDsa.get(i)));
      }
      b.addMembers(m);
    }
    try {
      return (JsonFormat.printer().print(b) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  public String chain() {
    return proto.getChain();
  }

  public String chainId() {
    return proto.getChainId();
  }

  public int size() {
    return mlDsa.size();
  }

  /** The file's quorum: its {@code quorum}, or floor(2n/3)+1 when that is 0. */
  public int quorum() {
    return proto.getQuorum() == 0 ? SignerSet.commitThreshold(size()) : proto.getQuorum();
  }

  public boolean slhDsaRequired() {
    return proto.getSlhDsaRequired();
  }

  public boolean hasSlhDsaKeys() {
    return !slhDsa.isEmpty();
  }

  public List<String> names() {
    return names;
  }

  /** The index of the member whose ML-DSA key has this id. */
  public Optional<Integer> indexOf(byte[] keyId) {
    return Optional.ofNullable(byKeyId.get(HexFormat.of().formatHex(keyId)));
  }

  /** The signer set with {@code k} of the members as threshold. */
  public SignerSet signerSet(int k) {
    return new SignerSet(names, mlDsa, slhDsa, k, proto.getSlhDsaRequired());
  }

  /** The file as a message. */
  public io.pqzk.chains.proto.Attesters proto() {
    return proto;
  }
}
