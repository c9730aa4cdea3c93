package io.pqzk.chains.attest;

import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.proto.Attestation;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.QuorumException;
import io.pqzk.ledger.quorum.SignerSet;
import io.pqzk.ledger.quorum.Statement;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The k-of-n decision for one foreign block. Attestations for another chain or block, by a key
 * outside the attesters file, or repeated, are left out first; the rest become one {@link
 * QuorumCertificate} over the block's statement, checked by {@link QuorumCertificates#checks}
 * (the same machinery as block commits) and verified in one parallel batch. A signature that does
 * not verify is left out and the certificate checked again, so the verdict is "enough valid
 * attestations cover exactly this block", whatever else the input holds.
 */
public final class QuorumDecision {
  private QuorumDecision() {}

  /**
   * Decides whether {@code block} is attested by {@code k} of {@code attesters}.
   *
   * @throws AttestationException when the attesters file is for another chain than the block, or
   *     {@code k} is outside 1..n
   */
  public static Decision decide(ForeignBlock block, Attesters attesters, int k,
      List<Attestation> attestations) throws AttestationException {
    if (!attesters.chain().equals(block.chain())) {
      throw new AttestationException("the attesters file is for " + attesters.chain()
          + " blocks, this is a " + block.chain() + " block");
    }
    String chainId = Attestations.chainIdOf(block, attesters.chainId());
    if (k < 1 || k > attesters.size()) {
      throw new AttestationException("quorum " + k + " outside 1.." + attesters.size());
    }
    Statement statement = Attestations.statement(block, chainId);
    List<Decision.Rejected> rejected = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    Set<Integer> signers = new HashSet<>();
    for (int i = 0; i < attestations.size(); i++) {
      Attestation a = attestations.get(i);
      String why = mismatch(a, block, chainId);
      Optional<Integer> signer = attesters.indexOf(a.getAttesterKeyId().toByteArray());
      if (why == null && signer.isEmpty()) {
        why = "signed by a key outside the attesters file";
      }
      if (why == null && !signers.add(signer.get())) {
        why = "a second attestation by '" + attesters.names().get(signer.get()) + "'";
      }
      if (why == null && !a.getSlhDsa().isEmpty() && !attesters.hasSlhDsaKeys()) {
        why = "carries an SLH-DSA signature the attesters file has no key for";
      }
      if (why == null && a.getSlhDsa().isEmpty() && attesters.slhDsaRequired()) {
        why = "lacks the SLH-DSA signature the attesters file requires";
      }
      if (why != null) {
        rejected.add(new Decision.Rejected(i, why));
      } else {
        candidates.add(new Candidate(i, CertificateSignature.newBuilder()
            .setSigner(signer.get()).setMlDsa(a.getMlDsa()).setSlhDsa(a.getSlhDsa()).build()));
      }
    }
    candidates.sort(Comparator.comparingInt(c -> c.signature.getSigner()));
    SignerSet set = attesters.signerSet(k);
    String what = "the attestations of " + block.chain() + " block " + block.number();
    while (candidates.size() >= k) {
      QuorumCertificate qc = QuorumCertificates.assemble(statement,
          candidates.stream().map(c -> c.signature).toList());
      List<Signatures.Check> checks;
      try {
        checks = QuorumCertificates.checks(qc, statement, set, what, block.number());
      } catch (QuorumException e) {
        throw new AttestationException(e.getMessage(), e);
      }
      try {
        Signatures.verifyAll(checks);
        return decision(true, k, attesters, candidates, rejected, qc);
      } catch (Signatures.BatchFailure f) {
        int bad = owner(checks, f.check(), candidates);
        Candidate c = candidates.remove(bad);
        rejected.add(new Decision.Rejected(c.input, f.getMessage()));
      }
    }
    return decision(false, k, attesters, candidates, rejected, null);
  }

  private static Decision decision(boolean ok, int k, Attesters attesters,
      List<Candidate> counted, List<Decision.Rejected> rejected, QuorumCertificate qc) {
    List<Decision.Rejected> inOrder = new ArrayList<>(rejected);
    inOrder.sort(Comparator.comparingInt(Decision.Rejected::index));
    return new Decision(ok, k, attesters.size(),
        counted.stream().map(c -> attesters.names().get(c.signature.getSigner())).toList(),
        inOrder, Optional.ofNullable(qc));
  }

  /** Which candidate a failed check belongs to: checks come in signer order, 1 or 2 each. */
  private static int owner(List<Signatures.Check> checks, Signatures.Check failed,
      List<Candidate> candidates) {
    int at = 0;
    for (int c = 0; c < candidates.size(); c++) {
      int n = candidates.get(c).signature.getSlhDsa().isEmpty() ? 1 : 2;
      for (int j = 0; j < n; j++) {
        if (checks.get(at + j) == failed) {
          return c;
        }
      }
      at += n;
    }
    throw new IllegalStateException("failed check not in the batch");
  }

  private static String mismatch(Attestation a, ForeignBlock block, String chainId) {
    if (!a.getChain().equals(block.chain()) || !a.getChainId().equals(chainId)) {
      return "for " + a.getChain() + " chain '" + a.getChainId() + "', not " + block.chain()
          + " chain '" + chainId + "'";
    }
    if (a.getBlockNumber() != block.number()) {
      return "for block " + Long.toUnsignedString(a.getBlockNumber()) + ", not "
          + block.number();
    }
    if (!MessageDigest.isEqual(a.getBlockHash().toByteArray(), block.hash())
        || !MessageDigest.isEqual(a.getCoveredDigest().toByteArray(), block.coveredDigest())) {
      return "for another block " + block.number() + " (its hash or covered metadata differ)";
    }
    return null;
  }

  private record Candidate(int input, CertificateSignature signature) {}
}
