package io.pqzk.zk.stark.claim;

import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkSecurity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.claims.ClaimStatement;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClaimProofTest {
  static final int DEPTH = 4;
  final StarkProofSystem stark =
      new StarkProofSystem(DEPTH, StarkOptions.DEFAULT, StarkSecurity.DEFAULT);
  final Random r = new Random(42);

  ClaimFixtures.Fixture fixture() {
    return ClaimFixtures.place(
        ClaimFixtures.record(1001, 1990, 2, 75, 20260115, 3, 7, r), DEPTH, 5, r);
  }

  @Test
  void prove_satisfiedPolicy_verifies() throws ProofException {
    ClaimFixtures.Fixture f = fixture();
    ClaimStatement s = f.statement("fitness>=70 && vax_date>=20260101 && birth_year<=2008"
        + " && issuer==7", "0a0b");
    byte[] proof = stark.prove(s, f.witness());
    ProofSystem.Verification v = stark.verify(s, proof);
    assertEquals("stark", v.system());
    assertTrue(v.provenBits() >= 100 && v.conjecturedBits() >= 128, v.toString());
  }

  @Test
  void prove_failingPredicate_refuses() {
    ClaimFixtures.Fixture f = fixture();
    ClaimStatement s = f.statement("fitness>=80", "01");
    ClaimNotSatisfiedException e =
        assertThrows(ClaimNotSatisfiedException.class, () -> stark.prove(s, f.witness()));
    assertTrue(e.getMessage().contains("fitness>=80"), e.getMessage());
  }

  @Test
  void prove_wrongRoot_refuses() {
    ClaimFixtures.Fixture f = fixture();
    ClaimFixtures.Fixture other = fixture();
    ClaimStatement s = other.statement("fitness>=70", "01");
    assertThrows(ClaimNotSatisfiedException.class, () -> stark.prove(s, f.witness()));
  }
}
