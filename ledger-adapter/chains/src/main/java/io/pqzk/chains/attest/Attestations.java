package io.pqzk.chains.attest;

import com.google.protobuf.ByteString;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.proto.Attestation;
import io.pqzk.chains.proto.AttestationBundle;
import io.pqzk.ledger.codec.Canonical;
import io.pqzk.ledger.codec.NonCanonicalException;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Making and reading attestations of foreign blocks. An attestation signs the quorum {@link
 * Statement} of its block (domain {@code pqzk/v1/attest/<chain>}, the foreign chain id, the block
 * number, and the block's {@link ForeignBlock#subject()}), with ML-DSA and optionally SLH-DSA,
 * under the FIPS 204 / 205 context string {@code pqzk/v1/attest/<chain>|<chain id>}: a signature
 * for one chain, purpose or block is never one for another. Signing goes through the ledger's
 * one door to the signature module, {@link QuorumCertificates#sign}.
 */
public final class Attestations {
  public static final String BUNDLE_FORMAT = "pqzk-attestations/v1";
  static final String DOMAIN_PREFIX = "pqzk/v1/attest/";
  /** More attestations in one file than this is refused before any is read. */
  public static final int MAX_BUNDLE = QuorumCertificates.MAX_SIGNATURES * 4;

  private Attestations() {}

  /** The statement every attester of {@code block} on {@code chainId} signs. */
  public static Statement statement(ForeignBlock block, String chainId) {
    return new Statement(DOMAIN_PREFIX + block.chain(), chainId, block.number(), block.subject());
  }

  /**
   * The chain id an attestation of {@code block} names: the one the block names (Fabric's
   * channel), which {@code given} must then equal, or {@code given} (Ethereum headers name none).
   */
  public static String chainIdOf(ForeignBlock block, String given) throws AttestationException {
    Optional<String> own = block.chainId();
    if (own.isPresent()) {
      if (given != null && !given.equals(own.get())) {
        throw new AttestationException("the block is on " + block.chain() + " chain '"
            + own.get() + "', not '" + given + "'");
      }
      return own.get();
    }
    if (given == null || given.isEmpty()) {
      throw new AttestationException(block.chain() + " blocks do not name their chain id: give"
          + " it");
    }
    return given;
  }

  /** One attester's attestation of {@code block}; {@code slhDsa} may be null. */
  public static Attestation sign(ForeignBlock block, String chainId, LedgerSigningKey mlDsa,
      LedgerSigningKey slhDsa) {
    if (!Signatures.isMlDsa(mlDsa.algorithm())
        || (slhDsa != null && !Signatures.isSlhDsa(slhDsa.algorithm()))) {
      throw new IllegalArgumentException("an ML-DSA key, and optionally an SLH-DSA key");
    }
    CertificateSignature s = QuorumCertificates.sign(0, mlDsa, slhDsa, statement(block, chainId));
    return Attestation.newBuilder().setChain(block.chain()).setChainId(chainId)
        .setBlockNumber(block.number()).setBlockHash(ByteString.copyFrom(block.hash()))
        .setCoveredDigest(ByteString.copyFrom(block.coveredDigest()))
        .setAttesterKeyId(ByteString.copyFrom(mlDsa.publicKey().keyId()))
        .setMlDsa(s.getMlDsa()).setSlhDsa(s.getSlhDsa()).build();
  }

  /** The file or metadata bytes of {@code attestations}. */
  public static byte[] bundle(List<Attestation> attestations) {
    return AttestationBundle.newBuilder().setFormat(BUNDLE_FORMAT)
        .addAllAttestations(attestations).build().toByteArray();
  }

  /**
   * Reads an attestation file (a bundle of one or more), accepting only its canonical encoding.
   *
   * @throws AttestationException when it is not one
   */
  public static List<Attestation> parse(byte[] bytes, String what) throws AttestationException {
    AttestationBundle b;
    try {
      b = Canonical.parse(AttestationBundle.parser(), bytes, what);
    } catch (NonCanonicalException e) {
      throw new AttestationException(e.getMessage(), e);
    }
    if (!BUNDLE_FORMAT.equals(b.getFormat())) {
      throw new AttestationException(what + " has format '" + b.getFormat() + "', expected '"
          + BUNDLE_FORMAT + "'");
    }
    if (b.getAttestationsCount() == 0 || b.getAttestationsCount() > MAX_BUNDLE) {
      throw new AttestationException(what + " holds " + b.getAttestationsCount()
          + " attestations (1.." + MAX_BUNDLE + ")");
    }
    return b.getAttestationsList();
  }
}
