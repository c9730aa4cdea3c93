package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.RecordPurgeRule;
import io.pqzk.ledger.RecordRegistrationRule;
import io.pqzk.records.AccessRefusedException;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.UnauthenticatedException;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemException;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.kem.KemPublicKey;
import io.pqzk.records.proto.ExportedOpening;
import io.pqzk.records.proto.OpeningRequest;
import io.pqzk.records.proto.OpeningResponse;
import io.pqzk.records.proto.RecordOpening;
import io.pqzk.records.proto.RegistryPath;
import io.pqzk.records.proto.SignedOpeningRequest;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.SparseMerkleTree;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A record's opening for its owner, so it can prove claims about a vaulted record ({@code pqzk
 * claim prove --opening FILE}): the attributes and salt, and for each claim system of the genesis
 * the record's path in that system's registry tree with the root the chain holds at the finalized
 * height. Only the record's owner may ask (its genesis key signs the request); the opening is
 * HPKE-sealed to the X-Wing key the request names. The file is protobuf JSON ({@code
 * pqzk-opening/1}) and a secret: it opens the commitment.
 */
public final class Openings {
  public static final String FORMAT = "pqzk-opening/1";
  private final Custodian c;

  Openings(Custodian c) {
    this.c = c;
  }

  static byte[] info(String chainId) {
    return ("pqzk/v1/opening|" + chainId).getBytes(StandardCharsets.US_ASCII);
  }

  OpeningResponse export(SignedOpeningRequest signed) throws RecordsException, LedgerException {
    OpeningRequest r = Requests.parse(signed);
    Genesis.Author owner = c.genesis.author(r.getAuthorityKeyId().toByteArray());
    if (owner == null || owner.role() != Genesis.Role.AUTHORITY) {
      throw new UnauthenticatedException("an opening is asked for by an authority of the genesis");
    }
    try {
      Requests.verify(owner.key(), c.genesis.chainId(), Requests.CTX_OPENING,
          signed.getRequest().toByteArray(), signed.getSignature().toByteArray());
    } catch (GeneralSecurityException e) {
      throw new UnauthenticatedException("the opening request's signature does not verify under"
          + " authority '" + owner.name() + "'s key");
    }
    long now = c.now();
    String terms = Requests.termsProblem(c.genesis.chainId(), c.keyId(), r.getChainId(),
        r.getCustodianKeyId(), r.getNonce().toByteArray(), r.getIssuedMillis(),
        r.getExpiresMillis(), now);
    if (terms != null) {
      throw new InvalidRecordInputException(terms);
    }
    if (!c.vault.useNonce(r.getAuthorityKeyId().toByteArray(), r.getNonce().toByteArray(),
        r.getExpiresMillis(), now)) {
      throw new InvalidRecordInputException("this opening request was presented before");
    }
    Optional<byte[]> found = c.vault.commitmentOf(RecordDocument.SCHEMA, r.getSubjectId());
    if (found.isEmpty() || c.vault.tombstone(found.get()).isPresent()) {
      throw new AccessRefusedException("custodian '" + c.info.name() + "' keeps no record of"
          + " this subject" + (found.isPresent() ? " any more: it was purged" : ""));
    }
    byte[] record = found.get();
    byte[] ownerId = c.state(s -> RecordRegistrationRule.owner(s, record));
    if (ownerId == null || !MessageDigest.isEqual(ownerId, r.getAuthorityKeyId().toByteArray())
        || c.state(s -> RecordPurgeRule.purge(s, record)) != null) {
      throw new AccessRefusedException("only the owner of a record obtains its opening");
    }
    ExportedOpening o = build(record);
    try {
      Hpke.Sealed s = Hpke.seal(KemPublicKey.of(r.getKemPublicKey().toByteArray()),
          info(c.genesis.chainId()), Requests.digest(c.genesis.chainId(),
              r.getAuthorityKeyId().toByteArray(), io.pqzk.records.proto.SignedReadRequest
                  .newBuilder().setRequest(signed.getRequest()).build()),
          JsonFormat.printer().print(o).getBytes(StandardCharsets.UTF_8));
      return OpeningResponse.newBuilder().setHpkeEnc(ByteString.copyFrom(s.enc()))
          .setHpkeCiphertext(ByteString.copyFrom(s.ciphertext())).build();
    } catch (InvalidProtocolBufferException | KemException e) {
      throw new InvalidRecordInputException("cannot seal the opening: " + e.getMessage(), e);
    }
  }

  /** The digest an opening response is bound to (its HPKE associated data). */
  public static byte[] responseAad(String chainId, SignedOpeningRequest signed,
      byte[] authorityKeyId) {
    return Requests.digest(chainId, authorityKeyId, io.pqzk.records.proto.SignedReadRequest
        .newBuilder().setRequest(signed.getRequest()).build());
  }

  /** Opens a response with the owner's X-Wing key: the exported opening as JSON text. */
  public static String open(OpeningResponse response, KemPrivateKey ownerKem, String chainId,
      SignedOpeningRequest signed, byte[] authorityKeyId) throws KemException {
    byte[] clear = Hpke.open(ownerKem, new Hpke.Sealed(response.getHpkeEnc().toByteArray(),
        response.getHpkeCiphertext().toByteArray()), info(chainId),
        responseAad(chainId, signed, authorityKeyId));
    return new String(clear, StandardCharsets.UTF_8);
  }

  /** The opening of {@code record} with its registry paths at the finalized height. */
  ExportedOpening build(byte[] record) throws RecordsException, LedgerException {
    RecordOpening op = c.vault.opening(record);
    ChainIndex idx = c.index();
    long leaf = idx.leafIndex(record);
    long height = c.ledger.finalizedHeight();
    long size = c.state(s -> s.registry().size());
    List<String> systems = c.genesis.claimSystems();
    ExportedOpening.Builder b = ExportedOpening.newBuilder().setFormat(FORMAT)
        .setChainId(c.genesis.chainId()).setRecordCommitment(ByteString.copyFrom(record))
        .setSchema(RecordDocument.SCHEMA).addAllSalt(op.getSaltList());
    for (Attribute a : Attribute.values()) {
      b.putAttributes(a.columnName(), op.getAttributes(a.ordinal()));
    }
    List<List<byte[]>> leaves = idx.claimLeaves(systems.size(), size);
    for (int i = 0; i < systems.size(); i++) {
      RegistryHash h = RecordCommitments.registryHash(systems.get(i));
      SparseMerkleTree tree = SparseMerkleTree.build(h, leaves.get(i));
      int sys = i;
      byte[] root = c.state(s -> s.claimRootAt(sys, height));
      if (root == null || !MessageDigest.isEqual(root, tree.root())) {
        throw new io.pqzk.records.VaultStorageException("the chain index's " + systems.get(i)
            + " registry does not reach the root of block " + height + ": rebuild the index");
      }
      MerklePath p = tree.path(leaf);
      RegistryPath.Builder rp = RegistryPath.newBuilder().setSystem(systems.get(i))
          .setLeafIndex(leaf).setRootHeight(height).setRoot(ByteString.copyFrom(root));
      p.siblings().forEach(x -> rp.addSiblings(ByteString.copyFrom(x)));
      b.addPaths(rp);
    }
    return b.build();
  }

  /** A parsed exported opening: the record it opens and its path in one system's registry. */
  public record Opened(Record record, MerklePath path, byte[] root, long rootHeight,
      String chainId, byte[] commitment) {
    @Override
    public String toString() {
      return "Opened[record redacted, root height " + rootHeight + "]";
    }
  }

  /**
   * Reads an exported opening's JSON for {@code system} and checks it: the attributes and salt
   * hash to the ledger commitment it names, and the record's leaf with the path reaches the root
   * it names. (That root is the chain's at root_height: a verifier checks it against the chain.)
   */
  public static Opened read(String json, String system) throws InvalidRecordInputException {
    ExportedOpening.Builder b = ExportedOpening.newBuilder();
    try {
      io.pqzk.ledger.ProtoJson.merge(json, b);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new InvalidRecordInputException("not an exported opening (" + FORMAT + "): "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    ExportedOpening o = b.build();
    if (!FORMAT.equals(o.getFormat())) {
      // the file's own string: shown escaped and cut (OpeningExportFuzzTest: a line break)
      throw new InvalidRecordInputException("opening format is '"
          + io.pqzk.ledger.Printable.line(o.getFormat(), 64) + "', expected " + FORMAT);
    }
    if (o.getChainId().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
      // a chain id is hashed with a one-byte length (OpeningExportFuzzTest: the hash refused a
      // 300-byte one with IllegalArgumentException)
      throw new InvalidRecordInputException("the opening's chain id is longer than 255 bytes");
    }
    long[] attrs = new long[Attribute.values().length];
    for (Attribute a : Attribute.values()) {
      Long v = o.getAttributesMap().get(a.columnName());
      if (v == null) {
        throw new InvalidRecordInputException("the opening lacks attribute " + a.columnName());
      }
      attrs[a.ordinal()] = v;
    }
    long[] salt = o.getSaltList().stream().mapToLong(Long::longValue).toArray();
    Record rec;
    try {
      rec = Record.of(attrs, salt);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordInputException("the opening's record: " + e.getMessage(), e);
    }
    if (!MessageDigest.isEqual(RecordCommitments.commitment(o.getChainId(), o.getSchema(), rec),
        o.getRecordCommitment().toByteArray())) {
      throw new InvalidRecordInputException("the opening's attributes and salt do not hash to"
          + " the commitment it names");
    }
    for (RegistryPath p : o.getPathsList()) {
      if (!p.getSystem().equals(system)) {
        continue;
      }
      if (p.getSiblingsCount() != SparseMerkleTree.DEPTH) {
        throw new InvalidRecordInputException("the opening's " + system + " path has "
            + p.getSiblingsCount() + " siblings; a registry path has " + SparseMerkleTree.DEPTH);
      }
      List<byte[]> siblings = new ArrayList<>();
      p.getSiblingsList().forEach(x -> siblings.add(x.toByteArray()));
      RegistryHash h = RecordCommitments.registryHash(system);
      MerklePath path;
      boolean reaches;
      try {
        path = new MerklePath(p.getLeafIndex(), siblings);
        reaches = SparseMerkleTree.verify(h, h.leaf(rec), path, p.getRoot().toByteArray());
      } catch (IllegalArgumentException e) {
        // a sibling or root that is no digest of this system, a leaf index beyond the tree
        // (OpeningExportFuzzTest: "a STARK registry digest is 32 bytes, got 2" escaped)
        throw new InvalidRecordInputException("the opening's " + system + " path is malformed: "
            + io.pqzk.ledger.Printable.escape(String.valueOf(e.getMessage())));
      }
      if (!reaches) {
        throw new InvalidRecordInputException("the opening's " + system + " path does not reach"
            + " the root it names");
      }
      return new Opened(rec, path, p.getRoot().toByteArray(), p.getRootHeight(),
          o.getChainId(), o.getRecordCommitment().toByteArray());
    }
    throw new InvalidRecordInputException("the opening has no path for proof system " + system
        + " (it has " + io.pqzk.ledger.Printable.line(o.getPathsList().stream()
            .map(RegistryPath::getSystem).toList().toString(), 200) + ")");
  }
}
