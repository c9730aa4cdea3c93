package io.pqzk.zk.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * A conjunction of 1 to {@link #MAX_PREDICATES} predicates, in the command-line syntax of
 * {@code docs/CLI.md}: {@code fitness>=70 && vax_date>=20260101 && birth_year<=2008}. A date
 * window is two predicates on the same attribute. {@link #none()}, the empty conjunction, serves
 * only integrity claims (a document digest and nothing else; see {@link ClaimStatement}).
 */
public record Policy(List<Predicate> predicates) {
  /**
   * The most predicates a policy has. The STARK proves every policy; Groth16's 8 predicate slots
   * hold its {@link #effectivePredicates()}, which may be longer.
   */
  public static final int MAX_PREDICATES = 8;

  private static final Policy NONE = new Policy(List.of());

  /** At most {@link #MAX_PREDICATES}; an empty list is {@link #none()}. */
  public Policy {
    predicates = List.copyOf(predicates);
    if (predicates.size() > MAX_PREDICATES) {
      throw new IllegalArgumentException(
          "a policy has 1 to " + MAX_PREDICATES + " predicates, got " + predicates.size());
    }
  }

  /** The empty policy: no predicate (integrity claims only). */
  public static Policy none() {
    return NONE;
  }

  /** Whether this is {@link #none()}. */
  public boolean isEmpty() {
    return predicates.isEmpty();
  }

  /**
   * Parses {@code ATTRIBUTE OP INTEGER} terms joined by {@code &&}; throws
   * {@link IllegalArgumentException} naming the offending term.
   */
  public static Policy parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("empty policy");
    }
    List<Predicate> out = new ArrayList<>();
    for (String term : expression.split("&&", -1)) {
      out.add(parseTerm(term.trim()));
    }
    return new Policy(out);
  }

  private static Predicate parseTerm(String term) {
    for (Predicate.Op op : Predicate.Op.values()) {
      int at = term.indexOf(op.symbol());
      if (at > 0) {
        String attr = term.substring(0, at).trim();
        String num = term.substring(at + op.symbol().length()).trim();
        if (!num.matches("[0-9]{1,10}")) {
          throw new IllegalArgumentException(
              "policy term '" + term + "': '" + num + "' is not a non-negative integer");
        }
        return new Predicate(Attribute.fromColumn(attr), op, Long.parseLong(num));
      }
    }
    throw new IllegalArgumentException(
        "policy term '" + term + "' is not ATTRIBUTE OP INTEGER with OP one of >=, <=, ==");
  }

  /**
   * The predicates a proof system proves and a verifier checks for this policy: its own, in
   * order, then {@code a<=}{@link Attribute#MAX_PRESENT} for each attribute {@code a} (in
   * {@link Attribute} order) that the policy bounds with a {@code >=} but neither with an
   * {@code ==} nor with a {@code <=} whose constant is below {@link Attribute#MAX_PRESENT}.
   * Since no constant is {@link Attribute#ABSENT}, every predicate of the list fails on an
   * absent attribute, inside the proof as well as in {@link #holds}; and the list holds on a
   * record exactly when the policy does.
   *
   * <p>Both proof systems build their statement from this list, so a {@code >=} may cost a
   * second predicate slot. The map is one-to-one: a {@code <=} with the constant
   * {@link Attribute#MAX_PRESENT} itself never stands in for the added bound, so a policy and the
   * same policy with that bound written out ({@code fitness>=70} and {@code fitness>=70 &&
   * fitness<=4294967294}) have different lists; adding such bounds lengthens the list, and the
   * policy is its prefix. Empty for {@link #none()}.
   */
  public List<Predicate> effectivePredicates() {
    boolean[] lower = new boolean[Attribute.values().length];
    boolean[] upper = new boolean[lower.length];
    for (Predicate p : predicates) {
      int a = p.attribute().ordinal();
      switch (p.op()) {
        case GE -> lower[a] = true;
        case EQ -> upper[a] = true;
        case LE -> upper[a] |= p.constant() < Attribute.MAX_PRESENT;
      }
    }
    List<Predicate> out = new ArrayList<>(predicates);
    for (Attribute a : Attribute.values()) {
      if (lower[a.ordinal()] && !upper[a.ordinal()]) {
        out.add(new Predicate(a, Predicate.Op.LE, Attribute.MAX_PRESENT));
      }
    }
    return List.copyOf(out);
  }

  /** Whether every predicate holds on the record. */
  public boolean holds(Record record) {
    boolean all = true;
    for (Predicate p : predicates) {
      all &= p.holds(record.get(p.attribute()));
    }
    return all;
  }

  /** The first predicate that fails on the record, or null. */
  public Predicate firstFailing(Record record) {
    for (Predicate p : predicates) {
      if (!p.holds(record.get(p.attribute()))) {
        return p;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return String.join(" && ", predicates.stream().map(Predicate::toString).toList());
  }
}
