package io.pqzk.ledger.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.QuorumException;
import io.pqzk.ledger.quorum.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Commit certificates as a block carries them ({@link QuorumCertificates#parse}, {@link
 * QuorumCertificates#checks}, then every signature). The first input byte picks the statement
 * the certificate must certify: 0 and 1 are the real commits of blocks 0 and 1 (their genuine
 * certificates are the seeds), 2 and 3 are statements no validator signed (block 1's height with
 * block 0's hash; block 1 on another chain). A certificate is accepted only for a statement its
 * signers signed; anything else is refused with {@link QuorumException} (or a failed signature
 * batch) whose message is one printable line.
 */
class QuorumCertificateFuzzTest {
  @FuzzTest
  @Timeout(20)
  void verify(byte[] input) {
    if (input.length == 0) {
      return;
    }
    LedgerFixture f = LedgerFixture.get();
    int pick = Byte.toUnsignedInt(input[0]) % 4;
    Statement expected = switch (pick) {
      case 0 -> f.rules.commitStatement(0, f.prefixHashes.get(0));
      case 1 -> f.rules.commitStatement(1, f.prefixHashes.get(1));
      case 2 -> f.rules.commitStatement(1, f.prefixHashes.get(0));
      default -> Statement.commit("another-chain", 1, f.prefixHashes.get(1));
    };
    byte[] bytes = Arrays.copyOfRange(input, 1, input.length);
    try {
      QuorumCertificate qc = QuorumCertificates.parse(bytes, "commit certificate");
      Signatures.verifyAll(QuorumCertificates.checks(qc, expected,
          f.genesis.commitSigners(), "commit certificate", expected.height() + 1));
    } catch (QuorumException | Signatures.BatchFailure refused) {
      LedgerFixture.printable(refused);
      return;
    }
    if (pick >= 2) {
      throw new AssertionError("a certificate verified for a statement nobody signed ("
          + pick + ")");
    }
  }
}
