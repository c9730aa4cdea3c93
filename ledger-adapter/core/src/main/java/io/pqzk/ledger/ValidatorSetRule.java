package io.pqzk.ledger;

import io.pqzk.ledger.codec.Canonical;
import io.pqzk.ledger.codec.NonCanonicalException;
import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.GenesisKey;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.ledger.proto.ValidatorChange;
import io.pqzk.ledger.proto.ValidatorSetUpdate;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.QuorumException;
import io.pqzk.ledger.quorum.Statement;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Adds, removes or re-keys a validator. The change is authorised by a quorum certificate of the
 * set in force (not by its author, who may be any known key): floor(2n/3)+1 of the current
 * validators signed the change's exact bytes, which name the version of the set they apply to,
 * so a certificate is good for one change to one set. The new set applies from the next block:
 * it proposes and certifies that block. A stolen validator key is removed or rotated this way.
 * State: {@code 'V' "set" -> StoredValidatorSet}.
 */
public final class ValidatorSetRule implements TransactionRule {
  static final byte PREFIX = 'V';
  /** The state key of the set in force from the next block on. */
  static final byte[] SET_KEY = StateKeys.key(PREFIX, "set".getBytes(
      java.nio.charset.StandardCharsets.US_ASCII));
  /** The certificate domain of validator-set changes. */
  public static final String DOMAIN = "pqzk/v1/validator-set";
  private static final String CHANGE_HASH = "pqzk/v1/validator-change";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int MAX_ADDRESS = 255;

  @Override
  public TransactionBody.PayloadCase kind() {
    return TransactionBody.PayloadCase.VALIDATOR_SET_UPDATE;
  }

  @Override
  public Genesis.Role authorRole() {
    return null; // the certificate authorises the change
  }

  @Override
  public byte statePrefix() {
    return PREFIX;
  }

  /** What the validators certify for {@code changeBytes} (a serialized ValidatorChange). */
  public static Statement statement(String chainId, long setVersion, byte[] changeBytes) {
    return new Statement(DOMAIN, chainId, setVersion,
        Hashes.hash(CHANGE_HASH, chainId, changeBytes));
  }

  @Override
  public void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException {
    ValidatorSetUpdate u = tx.body().getValidatorSetUpdate();
    byte[] changeBytes = u.getChange().toByteArray();
    ValidatorChange c;
    QuorumCertificate qc;
    try {
      c = Canonical.parse(ValidatorChange.parser(), changeBytes, "validator change");
      qc = QuorumCertificates.parse(u.getCertificate().toByteArray(),
          "validator change certificate");
    } catch (NonCanonicalException | QuorumException e) {
      throw BlockDraft.reject(tx, e.getMessage());
    }
    ValidatorSet current = current(draft);
    if (c.getSetVersion() != current.version()) {
      throw BlockDraft.reject(tx, "applies to validator set version " + c.getSetVersion()
          + ", the set in force is version " + current.version());
    }
    ValidatorSet next = changed(tx, draft.genesis(), current, c);
    Statement s = statement(draft.genesis().chainId(), current.version(), changeBytes);
    List<Signatures.Check> checks;
    try {
      checks = QuorumCertificates.checks(qc, s, current.commitSigners(),
          "validator change certificate", draft.height());
    } catch (QuorumException e) {
      throw BlockDraft.reject(tx, e.getMessage());
    }
    draft.deferProof(tx, "validator change certificate", () -> {
      try {
        Signatures.verifyAll(checks);
      } catch (Signatures.BatchFailure e) {
        throw new TransactionRejectedException(e.getMessage());
      }
    });
    draft.put(SET_KEY, next.encoded());
  }

  /** The set the draft sees: the chain's next set, or what an earlier change in the block made. */
  static ValidatorSet current(BlockDraft draft) {
    byte[] v = draft.get(SET_KEY);
    return v == null ? draft.base().validators() : ValidatorSet.decode(draft.genesis(), v);
  }

  private static ValidatorSet changed(ParsedTransaction tx, Genesis g, ValidatorSet current,
      ValidatorChange c) throws TransactionRejectedException {
    String name = c.getValidator().getName();
    if (!NAME.matcher(name).matches()) {
      throw BlockDraft.reject(tx, "validator name must be 1 to 64 characters of [A-Za-z0-9._-]");
    }
    if (!c.getPeerAddress().isEmpty() && !Printable.isPrintable(c.getPeerAddress(), MAX_ADDRESS)) {
      throw BlockDraft.reject(tx, "peer address must be at most " + MAX_ADDRESS
          + " printable characters");
    }
    List<Genesis.Validator> vs = new ArrayList<>(current.validators());
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < vs.size(); i++) {
      addresses.add(current.peerAddress(i));
    }
    Genesis.Validator existing = current.byName(name);
    switch (c.getKind()) {
      case ADD -> {
        if (existing != null) {
          throw BlockDraft.reject(tx, "validator '" + name + "' is already in the set");
        }
        if (vs.size() >= QuorumCertificates.MAX_SIGNATURES) {
          throw BlockDraft.reject(tx, "the set already has " + vs.size() + " validators");
        }
        vs.add(keys(tx, g, current, name, c, null));
        addresses.add(c.getPeerAddress());
      }
      case REMOVE -> {
        if (existing == null) {
          throw BlockDraft.reject(tx, "validator '" + name + "' is not in the set");
        }
        if (vs.size() == 1 || c.getValidator().getKeysCount() != 0) {
          throw BlockDraft.reject(tx, vs.size() == 1 ? "the last validator cannot be removed"
              : "a removal names the validator only, no keys");
        }
        addresses.remove(existing.index());
        vs.remove(existing.index());
      }
      case ROTATE -> {
        if (existing == null) {
          throw BlockDraft.reject(tx, "validator '" + name + "' is not in the set");
        }
        vs.set(existing.index(), keys(tx, g, current, name, c, existing));
        if (!c.getPeerAddress().isEmpty()) {
          addresses.set(existing.index(), c.getPeerAddress());
        }
      }
      default -> throw BlockDraft.reject(tx, "validator change has no kind (add, remove or"
          + " rotate)");
    }
    return ValidatorSet.of(current.version() + 1, vs, addresses);
  }

  /** The change's keys: one of each genesis algorithm, valid, used by nobody else. */
  private static Genesis.Validator keys(ParsedTransaction tx, Genesis g, ValidatorSet current,
      String name, ValidatorChange c, Genesis.Validator replacing)
      throws TransactionRejectedException {
    List<GenesisKey> ks = c.getValidator().getKeysList();
    if (ks.size() != 2 || !ks.get(0).getAlgorithm().equals(g.blockAlgorithm())
        || !ks.get(1).getAlgorithm().equals(g.slhDsaAlgorithm())) {
      throw BlockDraft.reject(tx, "validator '" + name + "' needs one " + g.blockAlgorithm()
          + " key, then one " + g.slhDsaAlgorithm() + " key");
    }
    LedgerPublicKey ml = key(tx, ks.get(0));
    LedgerPublicKey slh = key(tx, ks.get(1));
    for (LedgerPublicKey k : List.of(ml, slh)) {
      Genesis.Author a = g.author(k.keyId());
      Genesis.Validator v = current.validator(k.keyId());
      if ((a != null && !(a.role() == Genesis.Role.VALIDATOR && a.name().equals(name)))
          || (v != null && !v.name().equals(name))) {
        throw BlockDraft.reject(tx, "key " + k.keyIdHex() + " already belongs to another member");
      }
      if (replacing != null && (k.equals(replacing.mlDsa()) || k.equals(replacing.slhDsa()))) {
        throw BlockDraft.reject(tx, "a rotation must replace both keys of '" + name + "'");
      }
    }
    return new Genesis.Validator(0, name, ml, slh);
  }

  private static LedgerPublicKey key(ParsedTransaction tx, GenesisKey k)
      throws TransactionRejectedException {
    LedgerPublicKey pk;
    try {
      pk = Signatures.publicKey(k.getAlgorithm(), k.getSpki().toByteArray());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw BlockDraft.reject(tx, "key is not a valid " + Printable.escape(k.getAlgorithm())
          + " public key: " + e.getMessage());
    }
    if (!pk.keyIdHex().equalsIgnoreCase(k.getKeyId())) {
      throw BlockDraft.reject(tx, "key_id " + Printable.escape(k.getKeyId())
          + " does not match its spki");
    }
    return pk;
  }
}
