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
