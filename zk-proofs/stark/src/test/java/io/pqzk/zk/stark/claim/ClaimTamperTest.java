package io.pqzk.zk.stark.claim;

import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.StarkSecurity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.Policy;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tampering with public inputs and proof bytes: one honest depth-4 proof with default
 * parameters; changing the root, any policy constant, attribute or operator, or the context, or
 * flipping any single byte of the proof (every 61st offset plus the first and last 64) makes
 * verification fail. A failing policy cannot be proven, and a proof forced from a trace whose
 * range check wraps is rejected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimTamperTest {
  static final int DEPTH = 4;
  static final String POLICY = "fitness>=70 && vax_date>=20260101 && birth_year<=2008"
      + " && issuer==7";
  final StarkProofSystem stark =
      new StarkProofSystem(DEPTH, StarkOptions.DEFAULT, StarkSecurity.DEFAULT);
  ClaimFixtures.Fixture f;
  ClaimStatement statement;
  byte[] proof;

  @BeforeAll
  void prove() throws ProofException {
    Random r = new Random(3);
    f = ClaimFixtures.place(ClaimFixtures.record(1001, 1990, 2, 75, 20260115, 3, 7, r), DEPTH,
        9, r);
    statement = f.statement(POLICY, "c0ffee");
    proof = stark.prove(statement, f.witness());
  }

  void assertRejected(ClaimStatement s) {
    assertThrows(ProofRejectedException.class, () -> stark.verify(s, proof), s.toString());
  }

  @Test
  void verify_honest_accepts() throws ProofException {
    assertEquals("stark", stark.verify(statement, proof).system());
  }

  @Test
  void verify_otherRoot_throws() {
    byte[] root = statement.root();
    root[0] ^= 1;
    assertRejected(new ClaimStatement(root, statement.policy(), statement.context()));
  }

  @Test
  void verify_changedPolicy_throws() {
    for (String p : new String[] {
        "fitness>=71 && vax_date>=20260101 && birth_year<=2008 && issuer==7",
        "fitness>=70 && vax_date>=20260102 && birth_year<=2008 && issuer==7",
        "fitness>=70 && vax_date>=20260101 && birth_year<=2007 && issuer==7",
        "fitness>=70 && vax_date>=20260101 && birth_year<=2008 && issuer==8",
        "fitness<=70 && vax_date>=20260101 && birth_year<=2008 && issuer==7",
        "clearance>=70 && vax_date>=20260101 && birth_year<=2008 && issuer==7",
        "fitness>=70 && vax_date>=20260101 && birth_year<=2008",
        "fitness>=70 && vax_date>=20260101 && birth_year<=2008 && issuer==7 && fitness>=0"}) {
      assertRejected(new ClaimStatement(statement.root(), Policy.parse(p), statement.context()));
    }
  }

  @Test
  void verify_otherContext_throws() {
    assertRejected(new ClaimStatement(statement.root(), statement.policy(),
        ClaimContext.ofHex("c0ffef")));
    assertRejected(new ClaimStatement(statement.root(), statement.policy(),
        ClaimContext.ofHex("c0ffee00")));
  }

  @Test
  void verify_anySingleByteFlipped_throws() {
    int checked = 0;
    for (int off = 0; off < proof.length; off++) {
      if (off % 61 != 0 && off > 64 && off < proof.length - 64) {
        continue;
      }
      byte[] bad = proof.clone();
      bad[off] ^= (byte) (1 << (off % 8));
      int at = off;
      assertThrows(ProofException.class, () -> stark.verify(statement, bad), "byte " + at);
      checked++;
    }
    assertTrue(checked > proof.length / 64, "checked " + checked);
  }

  @Test
  void verify_wrongDepth_throws() {
    StarkProofSystem other = new StarkProofSystem(DEPTH + 1, StarkOptions.DEFAULT,
        StarkSecurity.DEFAULT);
    assertThrows(ProofException.class, () -> other.verify(statement, proof));
  }

  @Test
  void verify_forcedProofOfFailingPolicy_throws() {
    // fitness 75 >= 80 is false: x - t wraps mod p and cannot be decomposed into 32 bits
    ClaimStatement s = f.statement("fitness>=80", "c0ffee");
    ClaimAir air = ClaimAir.of(DEPTH, s, StarkOptions.DEFAULT);
    SecureRandom rnd = new SecureRandom();
    long[][] t = ClaimTrace.build(air, f.record(), f.path(), rnd);
    byte[] forced = StarkProver.proveUncheckedForTesting(air, t, StarkOptions.DEFAULT, rnd);
    assertThrows(ProofRejectedException.class, () -> stark.verify(s, forced));
  }

  @Test
  void verify_proofForOtherStatementReplayed_throws() throws ProofException {
    ClaimStatement weaker = f.statement("fitness>=70", "c0ffee");
    byte[] p2 = stark.prove(weaker, f.witness());
    assertThrows(ProofRejectedException.class, () -> stark.verify(statement, p2));
  }
}
