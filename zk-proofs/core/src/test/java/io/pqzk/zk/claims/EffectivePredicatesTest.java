package io.pqzk.zk.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Policy#effectivePredicates()}, the list both proof systems prove: what the circuits
 * check is plain arithmetic on the committed value ({@link #arithmetic}: the STARK's 32-bit range
 * check of v - c or c - v, ZoKrates' u32 comparisons), with no knowledge of
 * {@link Attribute#ABSENT}. Under that arithmetic the list is unsatisfiable whenever an attribute
 * it names is absent, and otherwise holds exactly when the policy does.
 */
class EffectivePredicatesTest {
  static final long MAX = Attribute.MAX_PRESENT;

  /** What a circuit checks: the comparison alone. */
  static boolean arithmetic(Predicate p, long v) {
    return switch (p.op()) {
      case GE -> v >= p.constant();
      case LE -> v <= p.constant();
      case EQ -> v == p.constant();
    };
  }

  static boolean arithmetic(List<Predicate> ps, long[] a) {
    return ps.stream().allMatch(p -> arithmetic(p, a[p.attribute().ordinal()]));
  }

  @Provide
  Arbitrary<Predicate> predicates() {
    Arbitrary<Long> constant = Arbitraries.oneOf(Arbitraries.longs().between(0, MAX),
        Arbitraries.of(0L, 1L, 70L, MAX - 1, MAX));
    return Combinators.combine(Arbitraries.of(Attribute.class),
        Arbitraries.of(Predicate.Op.class), constant).as(Predicate::new);
  }

  @Provide
  Arbitrary<Policy> policies() {
    return predicates().list().ofMinSize(1).ofMaxSize(Policy.MAX_PREDICATES).map(Policy::new);
  }

  /** Attribute values near the constants that matter, absent included. */
  @Provide
  Arbitrary<long[]> records() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, Attribute.ABSENT),
        Arbitraries.of(0L, 69L, 70L, 71L, MAX - 1, MAX, Attribute.ABSENT))
        .array(long[].class).ofSize(Attribute.values().length);
  }

  @Property(tries = 1000)
  void arithmetic_absentAttributeInPolicy_neverSatisfied(@ForAll("policies") Policy p,
      @ForAll("records") long[] a) {
    Attribute named = p.predicates().get(0).attribute();
    a[named.ordinal()] = Attribute.ABSENT;
    assertFalse(arithmetic(p.effectivePredicates(), a), p.toString());
  }

  @Property(tries = 1000)
  void arithmetic_effectiveList_holdsExactlyWhenThePolicyDoes(@ForAll("policies") Policy p,
      @ForAll("records") long[] a) {
    Record r = Record.of(a, new long[] {1, 2});
    assertEquals(p.holds(r), arithmetic(p.effectivePredicates(), a), p + " on "
        + java.util.Arrays.toString(a));
  }

  @Property(tries = 1000)
  void effective_policyIsItsPrefix_andDistinctPoliciesStayDistinct(@ForAll("policies") Policy p,
      @ForAll("policies") Policy q) {
    List<Predicate> e = p.effectivePredicates();
    assertEquals(p.predicates(), e.subList(0, p.predicates().size()));
    assertTrue(e.size() <= p.predicates().size() + Attribute.values().length);
    if (!p.equals(q)) {
      assertNotEquals(e, q.effectivePredicates(), p + " / " + q);
    }
  }

  /** The collision one-to-one rules out: the added bound written out by hand. */
  @Property(tries = 300)
  void effective_addedBoundWrittenOut_stillDistinct(@ForAll("policies") Policy p) {
    List<Predicate> e = p.effectivePredicates();
    if (e.size() == p.predicates().size() || e.size() > Policy.MAX_PREDICATES) {
      return;
    }
    Policy written = new Policy(e);
    assertNotEquals(e, written.effectivePredicates());
  }

  @Example
  void effective_examples() {
    assertEquals("[fitness>=70, fitness<=4294967294]", eff("fitness>=70"));
    assertEquals("[fitness>=70, fitness>=71, fitness<=4294967294]",
        eff("fitness>=70 && fitness>=71"));
    assertEquals("[clearance>=2, fitness>=70, fitness<=4294967294, clearance<=4294967294]",
        eff("clearance>=2 && fitness>=70"));
    assertEquals("[vax_date>=20260101, vax_date<=20261231]",
        eff("vax_date>=20260101 && vax_date<=20261231"));
    assertEquals("[fitness>=70, fitness==80]", eff("fitness>=70 && fitness==80"));
    assertEquals("[fitness<=60, birth_year<=2008]", eff("fitness<=60 && birth_year<=2008"));
    assertEquals("[fitness>=70, fitness<=4294967294, fitness<=4294967294]",
        eff("fitness>=70 && fitness<=4294967294"));
    assertEquals("[fitness>=70, vax_date>=20260101, birth_year<=2008, clearance>=2,"
        + " fitness<=4294967294, vax_date<=4294967294, clearance<=4294967294]",
        eff("fitness>=70 && vax_date>=20260101 && birth_year<=2008 && clearance>=2"));
    assertEquals(List.of(), Policy.none().effectivePredicates());
  }

  static String eff(String policy) {
    return Policy.parse(policy).effectivePredicates().toString();
  }
}
