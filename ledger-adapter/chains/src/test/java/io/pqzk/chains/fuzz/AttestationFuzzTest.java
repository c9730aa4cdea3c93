package io.pqzk.chains.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.ChainException;
import io.pqzk.chains.FabricAttestations;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.attest.Attestations;
import io.pqzk.chains.attest.Attesters;
import io.pqzk.chains.attest.Decision;
import io.pqzk.chains.attest.QuorumDecision;
import io.pqzk.chains.proto.Attestation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Attestations of foreign blocks as {@code pqzk attest verify} reads them. Input: one byte
 * choosing what the rest is: 0 an attestation bundle ({@link Attestations#parse}) decided
 * ({@link QuorumDecision#decide}) for the Fabric block its four fixture attesters signed; 1 the
 * same for another block, which nobody attested; 2 an attesters file ({@link Attesters#parse})
 * deciding the genuine bundle; 3 a Fabric block carrying a bundle at its metadata index ({@link
 * FabricAttestations#read}). A block is attested only if it is the one the attesters signed;
 * every refusal is a {@link ChainException} whose message is one printable line, and so is the
 * reason given for each attestation left out.
 */
class AttestationFuzzTest {
  static final String DIR = "/io/pqzk/chains/fuzz/";
  private static Attesters attesters;
  private static ForeignBlock signed;
  private static ForeignBlock other;
  private static List<Attestation> bundle;

  private static synchronized void load() throws ChainException {
    if (attesters == null) {
      attesters = Attesters.parse(ChainFuzzChecks.resource(DIR + "attesters.json"));
      signed = ForeignBlockFuzzTest.FABRIC.parse(ChainFuzzChecks.resource(
          "/io/pqzk/chains/fabric/mychannel-2.block"));
      other = ForeignBlockFuzzTest.FABRIC.parse(ChainFuzzChecks.resource(
          "/io/pqzk/chains/fabric/mychannel-3.block"));
      bundle = Attestations.parse(ChainFuzzChecks.resource(DIR + "bundle.bin"), "bundle");
    }
  }

  @FuzzTest
  @Timeout(20)
  void decide(byte[] input) throws ChainException {
    if (input.length < 1) {
      return;
    }
    load();
    int pick = Byte.toUnsignedInt(input[0]) % 4;
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    ForeignBlock block = pick == 1 ? other : signed;
    Decision d;
    try {
      switch (pick) {
        case 0, 1 -> d = QuorumDecision.decide(block, attesters, attesters.quorum(),
            Attestations.parse(rest, "attestations"));
        case 2 -> {
          Attesters a = Attesters.parse(rest);
          d = a.chain().equals(ChainAdapters.FABRIC)
              ? QuorumDecision.decide(block, a, a.quorum(), bundle) : null;
        }
        default -> {
          Optional<byte[]> carried = FabricAttestations.read(rest);
          if (carried.isEmpty()) {
            return;
          }
          block = ForeignBlockFuzzTest.FABRIC.parse(rest);
          d = QuorumDecision.decide(block, attesters, attesters.quorum(),
              Attestations.parse(carried.get(), "attestations"));
        }
      }
    } catch (ChainException refused) {
      ChainFuzzChecks.printable(refused);
      return;
    }
    if (d != null) {
      // pqzk attest verify prints why each attestation was left out
      for (Decision.Rejected r : d.rejected()) {
        ChainFuzzChecks.printable(new AttestationFailure(r.reason()));
      }
    }
    if (d != null && d.attested() && pick != 2
        && !Arrays.equals(block.subject(), signed.subject())) {
      throw new AttestationFailure("block " + block.hashHex() + " attested, but the attesters"
          + " signed only " + signed.hashHex());
    }
  }

  static final class AttestationFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    AttestationFailure(String message) {
      super(message);
    }
  }
}
