package io.pqzk.ledger.quorum;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.codec.Canonical;
import io.pqzk.ledger.codec.NonCanonicalException;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.QuorumCertificate;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Making and checking {@link QuorumCertificate}s: signatures of at least a threshold of distinct
 * members of a {@link SignerSet} over one {@link Statement}. Checking is split in two: the
 * structure (statement, threshold, signer indices sorted and unique, lengths) is checked at once
 * and throws, the signatures are returned as {@link Signatures.Check}s, so a validator verifies
 * them in one parallel batch with the block's other signatures.
 */
public final class QuorumCertificates {
  /** More signatures than any signer set has members is refused before any verification. */
  public static final int MAX_SIGNATURES = 1024;

  private QuorumCertificates() {}

  /** One member's signature over {@code s} (SLH-DSA too when {@code slhDsa} is not null). */
  public static CertificateSignature sign(int signer, LedgerSigningKey mlDsa,
      LedgerSigningKey slhDsa, Statement s) {
    byte[] msg = s.signedBytes();
    CertificateSignature.Builder b = CertificateSignature.newBuilder().setSigner(signer)
        .setMlDsa(ByteString.copyFrom(Signatures.sign(mlDsa, msg, s.context())));
    if (slhDsa != null) {
      b.setSlhDsa(ByteString.copyFrom(Signatures.sign(slhDsa, msg, s.context())));
    }
    return b.build();
  }

  /** The certificate of {@code s} from {@code signatures}, put in signer order. */
  public static QuorumCertificate assemble(Statement s, List<CertificateSignature> signatures) {
    List<CertificateSignature> sorted = new ArrayList<>(signatures);
    sorted.sort(Comparator.comparingInt(CertificateSignature::getSigner));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).getSigner() == sorted.get(i - 1).getSigner()) {
        throw new IllegalArgumentException("signer " + sorted.get(i).getSigner() + " twice");
      }
    }
    return QuorumCertificate.newBuilder().setDomain(s.domain()).setChainId(s.chainId())
        .setHeight(s.height()).setSubjectHash(ByteString.copyFrom(s.subjectHash()))
        .addAllSignatures(sorted).build();
  }

  /** Decodes a certificate, accepting only its canonical encoding. */
  public static QuorumCertificate parse(byte[] bytes, String what) throws QuorumException {
    try {
      return Canonical.parse(QuorumCertificate.parser(), bytes, what);
    } catch (NonCanonicalException e) {
      throw new QuorumException(e.getMessage());
    }
  }

  /**
   * Checks everything but the signatures and returns those as checks labelled with {@code what}
   * and {@code block} (the height a failure is reported at).
   *
   * @throws QuorumException naming the first problem
   */
  public static List<Signatures.Check> checks(QuorumCertificate qc, Statement expected,
      SignerSet set, String what, long block) throws QuorumException {
    // the certificate's own domain and chain id are a stranger's text: never echoed
    if (!qc.getDomain().equals(expected.domain())) {
      throw new QuorumException(what + " is not a '" + expected.domain() + "' certificate");
    }
    if (!qc.getChainId().equals(expected.chainId())) {
      throw new QuorumException(what + " is for another chain than '" + expected.chainId()
          + "'");
    }
    if (qc.getHeight() != expected.height()) {
      throw new QuorumException(what + " certifies height " + qc.getHeight() + ", not "
          + expected.height());
    }
    if (!MessageDigest.isEqual(qc.getSubjectHash().toByteArray(), expected.subjectHash())) {
      throw new QuorumException(what + " signs another hash than the one it must certify");
    }
    int n = qc.getSignaturesCount();
    if (n > MAX_SIGNATURES || n > set.size()) {
      throw new QuorumException(what + " carries " + n + " signatures, more than the "
          + set.size() + " signers of the set");
    }
    if (n < set.threshold()) {
      throw new QuorumException(what + " carries " + n + " signature" + (n == 1 ? "" : "s")
          + ", the quorum is " + set.threshold() + " of " + set.size());
    }
    byte[] msg = expected.signedBytes();
    byte[] ctx = expected.context();
    List<Signatures.Check> out = new ArrayList<>(n * 2);
    int previous = -1;
    for (CertificateSignature sig : qc.getSignaturesList()) {
      int i = sig.getSigner();
      if (i < 0 || i >= set.size()) {
        throw new QuorumException(what + " names signer " + Integer.toUnsignedString(i)
            + ", outside the " + set.size() + " members of the set");
      }
      if (i <= previous) {
        throw new QuorumException(what + " names signer " + i + (i == previous ? " twice"
            : " out of order") + " (signers must be distinct and in increasing order)");
      }
      previous = i;
      String who = what + ": signer " + i + " ('" + set.names().get(i) + "')";
      out.add(new Signatures.Check(set.mlDsa().get(i), msg, ctx, sig.getMlDsa().toByteArray(),
          who + " ML-DSA signature", block));
      if (!sig.getSlhDsa().isEmpty()) {
        if (set.slhDsa().isEmpty()) {
          throw new QuorumException(who + " carries an SLH-DSA signature the set has no key for");
        }
        out.add(new Signatures.Check(set.slhDsa().get(i), msg, ctx, sig.getSlhDsa().toByteArray(),
            who + " SLH-DSA signature", block));
      } else if (set.slhDsaRequired()) {
        throw new QuorumException(who + " lacks the SLH-DSA signature the set requires");
      }
    }
    return out;
  }

  /** Checks the structure and every signature (on every core). */
  public static void verify(QuorumCertificate qc, Statement expected, SignerSet set, String what)
      throws QuorumException {
    try {
      Signatures.verifyAll(checks(qc, expected, set, what, expected.height()));
    } catch (Signatures.BatchFailure e) {
      throw new QuorumException(e.getMessage());
    }
  }
}
