package io.pqzk.zk.claims;

import java.util.Locale;

/**
 * The fixed record schema ({@code docs/CLI.md}, "Records CSV"): every attribute is a
 * non-negative integer below 2^32, in this order, which is also the order inside commitments;
 * 2^32 - 1 ({@link #ABSENT}) records that the attribute is absent.
 */
public enum Attribute {
  SUBJECT_ID,
  BIRTH_YEAR,
  BLOOD_GROUP,
  FITNESS,
  /** YYYYMMDD. */
  VAX_DATE,
  CLEARANCE,
  ISSUER;

  /** Exclusive upper bound of every attribute value. */
  public static final long LIMIT = 1L << 32;

  /**
   * The value recording that a record does not carry the attribute (a FHIR bundle without a
   * fitness score): 2^32 - 1, which no real value takes (years, group codes, scores, YYYYMMDD
   * dates and levels are all far below). Present values are in [0, {@link #ABSENT}). A claim
   * about an absent attribute cannot be proven, and the verifier itself enforces it: predicate
   * constants are below {@link #ABSENT} ({@link Predicate}), so a {@code <=} or {@code ==} never
   * holds on it, and a {@code >=} is proven with the bound {@code <= }{@link #MAX_PRESENT} that
   * {@link Policy#effectivePredicates()} adds to every statement (the honest prover refuses
   * earlier, {@link Predicate#holds}).
   */
  public static final long ABSENT = LIMIT - 1;

  /** The largest value a present attribute takes: 2^32 - 2. */
  public static final long MAX_PRESENT = ABSENT - 1;

  /** Column name in the records CSV and in policies, e.g. {@code vax_date}. */
  public String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a column name; throws {@link IllegalArgumentException} naming the unknown one. */
  public static Attribute fromColumn(String name) {
    for (Attribute a : values()) {
      if (a.columnName().equals(name.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown attribute '" + name + "' (expected one of "
        + java.util.Arrays.stream(values()).map(Attribute::columnName).toList() + ")");
  }
}
