package io.pqzk.zk.stark.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.StarkSecurity;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The finding: an absent attribute is 2^32 - 1 in the commitment, and only the Java-side
 * {@code Predicate.holds} refused it, so a prover that skips that check proved {@code
 * fitness>=70} about a record without a fitness score, and the verifier accepted. Each attack is
 * run here through the prover's internals ({@link ClaimTrace} and the unchecked prover, past
 * {@code checkWitness}) against the AIR the verifier itself derives from the statement; the
 * verifier must refuse the proof. Depth 4, default parameters.
 */
class AbsentAttributeClaimTest {
  static final int DEPTH = 4;
  final StarkProofSystem stark =
      new StarkProofSystem(DEPTH, StarkOptions.DEFAULT, StarkSecurity.DEFAULT);
  final Random r = new Random(17);
  /** A FHIR import without a fitness score or clearance: both absent. */
  final ClaimFixtures.Fixture absent = ClaimFixtures.place(ClaimFixtures.record(1001, 1990, 2,
      Attribute.ABSENT, 20260115, Attribute.ABSENT, 7, r), DEPTH, 6, r);

  /** The proof a modified prover makes: the honest trace of the witness, no checks at all. */
  byte[] forcedProof(ClaimStatement s) {
    ClaimAir air = ClaimAir.of(DEPTH, s, StarkOptions.DEFAULT);
    SecureRandom rnd = new SecureRandom();
    long[][] t = ClaimTrace.build(air, absent.record(), absent.path(), rnd);
    return StarkProver.proveUncheckedForTesting(air, t, StarkOptions.DEFAULT, rnd);
  }

  @Test
  void verify_forcedProofOfLowerBoundOnAbsentAttribute_rejected() {
    for (String policy : new String[] {"fitness>=70", "fitness>=0",
        "vax_date>=20260101 && clearance>=2", "fitness>=70 && fitness>=71"}) {
      ClaimStatement s = absent.statement(policy, "0a0b");
      byte[] forced = forcedProof(s);
      ProofRejectedException e = assertThrows(ProofRejectedException.class,
          () -> stark.verify(s, forced), policy);
      assertTrue(e.getMessage().contains("out-of-domain") || e.getMessage().contains("FRI"),
          e.getMessage());
    }
  }

  @Test
  void prove_absentAttribute_honestProverRefuses() {
    ClaimNotSatisfiedException e = assertThrows(ClaimNotSatisfiedException.class,
        () -> stark.prove(absent.statement("fitness>=70", "0a"), absent.witness()));
    assertTrue(e.getMessage().contains("fitness>=70"), e.getMessage());
  }

  /** An upper bound or an equality with the absent value is not a statement at all any more. */
  @Test
  void policy_constantEqualToAbsent_refusedBeforeAnyProof() {
    for (String policy : new String[] {"fitness<=4294967295", "fitness==4294967295",
        "fitness>=4294967295"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Policy.parse(policy), policy);
      assertTrue(e.getMessage().contains("absent"), e.getMessage());
    }
  }

  /** The claims that do not touch the absent attributes still prove; the edge value too. */
  @Test
  void proveVerify_presentAttributesAndLargestPresentValue_accepted() throws ProofException {
    ClaimStatement s = absent.statement("vax_date>=20260101 && birth_year<=2008", "0c");
    stark.verify(s, stark.prove(s, absent.witness()));
    ClaimFixtures.Fixture edge = ClaimFixtures.place(ClaimFixtures.record(1002, 1990, 2,
        Attribute.ABSENT - 1, 20260115, 0, 7, r), DEPTH, 3, r);
    ClaimStatement top = edge.statement("fitness>=4294967294 && clearance>=0", "0d");
    assertEquals("stark", stark.verify(top, stark.prove(top, edge.witness())).system());
  }
}
