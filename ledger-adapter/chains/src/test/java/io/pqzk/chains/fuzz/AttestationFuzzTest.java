package io.pqzk.chains.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
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
  static final String SEEDS = "AttestationFuzzTestInputs/decide/";
  private static Attesters attesters;
  private static ForeignBlock signed;
  private static ForeignBlock other;
  private static List<Attestation> bundle;

  private static synchronized void load() throws ChainException {
    if (attesters == null) {
      // all or nothing: a fixture that does not load fails every call, not only the first
      Attesters a = Attesters.parse(ChainFuzzChecks.resource(DIR + "attesters.json"));
      signed = ForeignBlockFuzzTest.FABRIC.parse(ChainFuzzChecks.resource(
          "/io/pqzk/chains/fabric/mychannel-2.block"));
      other = ForeignBlockFuzzTest.FABRIC.parse(ChainFuzzChecks.resource(
          "/io/pqzk/chains/fabric/mychannel-3.block"));
      bundle = Attestations.parse(ChainFuzzChecks.resource(DIR + "bundle.bin"), "bundle");
      attesters = a;
    }
  }

  /**
   * What the target makes of one input: the call its first byte picks, the block decided and the
   * decision, {@code null} when the input decides nothing (a Fabric block carrying no bundle, an
   * attesters file for another chain).
   */
  record Outcome(int pick, ForeignBlock block, Decision decision) {}

  /** The target's dispatch (see the class comment); a refusal is the {@link ChainException}. */
  static Outcome outcome(byte[] input) throws ChainException {
    load();
    int pick = Byte.toUnsignedInt(input[0]) % 4;
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    ForeignBlock block = pick == 1 ? other : signed;
    Decision d;
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
          return new Outcome(pick, block, null);
        }
        block = ForeignBlockFuzzTest.FABRIC.parse(rest);
        d = QuorumDecision.decide(block, attesters, attesters.quorum(),
            Attestations.parse(carried.get(), "attestations"));
      }
    }
    return new Outcome(pick, block, d);
  }

  @FuzzTest
  @Timeout(20)
  void decide(byte[] input) throws ChainException {
    if (input.length < 1) {
      return;
    }
    load();
    Outcome o;
    try {
      o = outcome(input);
    } catch (ChainException refused) {
      ChainFuzzChecks.printable(refused);
      return;
    }
    Decision d = o.decision();
    if (d != null) {
      // pqzk attest verify prints why each attestation was left out
      for (Decision.Rejected r : d.rejected()) {
        ChainFuzzChecks.printable(new AttestationFailure(r.reason()));
      }
    }
    if (d != null && d.attested() && o.pick() != 2
        && !Arrays.equals(o.block().subject(), signed.subject())) {
      throw new AttestationFailure("block " + o.block().hashHex() + " attested, but the"
          + " attesters signed only " + signed.hashHex());
    }
  }

  /**
   * The fixture and the seeds ChainSeeds writes still do what the target relies on (they stop
   * doing it silently when a format changes, and the target then explores refusals only):
   * bundle.bin has a quorum of attesters.json's attesters attest the signed Fabric block
   * mychannel-2, every attestation in it counted, and does not attest mychannel-3; through the
   * target's own dispatch, the bundle seed attests the signed block, the other-block seed parses
   * to the whole bundle and attests nothing, the attesters-file seed attests the signed block with
   * the genuine bundle, and the Fabric block carrying its bundle is the signed block, attested.
   * The finding-* and crash-* inputs are refusals and not checked here.
   */
  @Test
  void fixtureAndSeeds_stillAttestTheSignedBlockOnly() throws ChainException {
    try {
      load();
    } catch (ChainException refused) {
      throw new AssertionError(ChainFuzzChecks.stale("attesters.json + bundle.bin",
          "refused: " + refused.getMessage()), refused);
    }
    Decision genuine = QuorumDecision.decide(signed, attesters, attesters.quorum(), bundle);
    assertTrue(genuine.attested() && genuine.rejected().isEmpty()
        && genuine.counted().size() == bundle.size(), ChainFuzzChecks.stale(
            "attesters.json + bundle.bin", "mychannel-2 is not attested by every attestation of"
            + " the bundle: " + genuine.summary() + " " + genuine.rejected()));
    assertEquals(2, signed.number(), "the signed block is mychannel-2");
    Decision another = QuorumDecision.decide(other, attesters, attesters.quorum(), bundle);
    assertFalse(another.attested() || !another.counted().isEmpty(), ChainFuzzChecks.stale(
        "attesters.json + bundle.bin", "mychannel-3 counts attestations: " + another.summary()));

    attestsTheSignedBlock("bundle-of-the-signed-block", 0);
    Outcome forAnother = seedOutcome("bundle-for-another-block", 1);
    assertFalse(forAnother.decision().attested(), ChainFuzzChecks.stale(SEEDS
        + "bundle-for-another-block", "attests mychannel-3: " + forAnother.decision().summary()));
    assertEquals(bundle.size(), forAnother.decision().rejected().size(), ChainFuzzChecks.stale(
        SEEDS + "bundle-for-another-block", "is not the whole bundle, each attestation left out"
        + " as another block's: " + forAnother.decision().rejected()));
    attestsTheSignedBlock("attesters-file", 2);
    attestsTheSignedBlock("fabric-block-carrying-its-bundle", 3);
  }

  private static void attestsTheSignedBlock(String name, int pick) {
    Outcome o = seedOutcome(name, pick);
    assertTrue(o.decision().attested(), ChainFuzzChecks.stale(SEEDS + name, "does not attest"
        + " the signed block: " + o.decision().summary() + " " + o.decision().rejected()));
    assertArrayEquals(signed.subject(), o.block().subject(), ChainFuzzChecks.stale(SEEDS + name,
        "decides " + o.block() + ", not the signed block " + signed));
  }

  /** A seed through the target's dispatch: not refused, picking {@code pick}, deciding. */
  private static Outcome seedOutcome(String name, int pick) {
    byte[] input = ChainFuzzChecks.resource(DIR + SEEDS + name);
    Outcome o;
    try {
      o = outcome(input);
    } catch (ChainException refused) {
      throw new AssertionError(ChainFuzzChecks.stale(SEEDS + name, "refused: "
          + refused.getMessage()), refused);
    }
    assertEquals(pick, o.pick(), ChainFuzzChecks.stale(SEEDS + name, "its first byte picks"
        + " another call"));
    assertNotNull(o.decision(), ChainFuzzChecks.stale(SEEDS + name, "decides nothing (no"
        + " bundle carried, or an attesters file for another chain)"));
    return o;
  }

  static final class AttestationFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    AttestationFailure(String message) {
      super(message);
    }
  }
}
