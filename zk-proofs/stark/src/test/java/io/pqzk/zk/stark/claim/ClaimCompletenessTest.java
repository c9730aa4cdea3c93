package io.pqzk.zk.stark.claim;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkSecurity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Completeness: random records with random policies (1 to 8 predicates, random attributes,
 * operators and constants chosen so the predicate holds, including boundary constants equal to
 * the value) always prove and verify. Depth 3 for speed (50 cases a run, 12-bit grinding);
 * depths 1, 2 and 20 with the default parameters; 100 more at depth 20 under the slow tag.
 */
class ClaimCompletenessTest {
  static final StarkOptions OPT = StarkOptions.DEFAULT;
  /**
   * Default parameters with 12-bit grinding for the many-case property: completeness does not
   * depend on the work factor (the verifier still checks the nonce). The depth-20 cases use the
   * defaults.
   */
  static final StarkOptions QUICK = new StarkOptions(32, 34, 12, 8, 255);
  static final StarkSecurity NO_FLOOR = new StarkSecurity(0, 0);

  static Policy satisfiedPolicy(Record rec, Random r) {
    int k = 1 + r.nextInt(Policy.MAX_PREDICATES);
    List<Predicate> ps = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Attribute a = Attribute.values()[r.nextInt(Attribute.values().length)];
      long v = rec.get(a);
      Predicate.Op op = Predicate.Op.values()[r.nextInt(3)];
      long c = switch (op) {
        case GE -> r.nextBoolean() ? v : (long) (r.nextDouble() * v);
        case LE -> r.nextBoolean() ? v : v + (long) (r.nextDouble() * (Attribute.LIMIT - 1 - v));
        case EQ -> v;
      };
      ps.add(new Predicate(a, op, c));
    }
    return new Policy(ps);
  }

  @Property(tries = 50)
  void proveVerify_randomSatisfiedClaims_depth3(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 7) int index) throws ProofException {
    check(seed, index, 3, QUICK, NO_FLOOR);
  }

  @Test
  void proveVerify_shallowDepths() throws ProofException {
    // depths 1 and 2 use fewer hash rows than the 33 range-check rows
    check(1L, 1, 1);
    check(2L, 3, 2);
  }

  @Test
  void verify_nonCanonicalRoot_rejected() throws ProofException {
    Random r = new Random(9);
    ClaimFixtures.Fixture f = ClaimFixtures.place(ClaimFixtures.randomRecord(r), 3, 1, r);
    ClaimStatement s = new ClaimStatement(f.root(), Policy.parse("fitness>=0"),
        ClaimContext.ofHex("01"));
    StarkProofSystem stark = new StarkProofSystem(3, OPT, StarkSecurity.DEFAULT);
    byte[] proof = stark.prove(s, f.witness());
    byte[] bad = new byte[32];
    java.util.Arrays.fill(bad, (byte) 0xFF);
    org.junit.jupiter.api.Assertions.assertThrows(io.pqzk.zk.ProofRejectedException.class,
        () -> stark.verify(new ClaimStatement(bad, s.policy(), s.context()), proof));
    org.junit.jupiter.api.Assertions.assertThrows(io.pqzk.zk.MalformedProofException.class,
        () -> stark.verify(s, new byte[0]));
  }

  @Test
  void proveVerify_depth20() throws ProofException {
    check(20261124L, 654321, 20);
  }

  @net.jqwik.api.Tag("slow")
  @Property(tries = 100)
  void proveVerify_randomSatisfiedClaims_depth20(@ForAll long seed) throws ProofException {
    check(seed, Math.floorMod(seed, 1 << 20), 20);
  }

  static void check(long seed, long index, int depth) throws ProofException {
    check(seed, index, depth, OPT, StarkSecurity.DEFAULT);
  }

  static void check(long seed, long index, int depth, StarkOptions opt, StarkSecurity floor)
      throws ProofException {
    Random r = new Random(seed);
    // the edge: zeros and the largest present value (LIMIT - 1 is ABSENT, where nothing holds)
    Record rec = r.nextInt(4) == 0
        ? ClaimFixtures.record(0, 0, 0, 0, 0, 0, Attribute.ABSENT - 1, r)
        : ClaimFixtures.randomRecord(r);
    ClaimFixtures.Fixture f = ClaimFixtures.place(rec, depth, index, r);
    byte[] ctx = new byte[1 + r.nextInt(64)];
    r.nextBytes(ctx);
    ClaimStatement s = new ClaimStatement(f.root(), satisfiedPolicy(rec, r), ClaimContext.of(ctx));
    StarkProofSystem stark = new StarkProofSystem(depth, opt, floor);
    byte[] proof = stark.prove(s, f.witness());
    assertEquals("stark", stark.verify(s, proof).system());
  }
}
