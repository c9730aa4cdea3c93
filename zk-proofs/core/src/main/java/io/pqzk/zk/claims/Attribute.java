package io.pqzk.zk.claims;

import java.util.Locale;

/**
 * The fixed record schema ({@code docs/CLI.md}, "Records CSV"): every attribute is a
 * non-negative integer below 2^32, in this order, which is also the order inside commitments.
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
   * dates and levels are all far below). No predicate holds on it ({@link Predicate#holds}), so
   * an honest prover refuses any claim about an absent attribute; and since it is above every
   * other value, a policy that bounds the attribute from above ({@code fitness<=100}, or an
   * {@code ==}) cannot be proven about it by any prover: verifiers pair a {@code >=} with such a
   * bound when absence matters.
   */
  public static final long ABSENT = LIMIT - 1;

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
