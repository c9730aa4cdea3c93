package io.pqzk.zk.claims;

/**
 * One comparison of an attribute against a public constant in [0, 2^32 - 1): the constant is
 * never {@link Attribute#ABSENT}, so no {@code <=} or {@code ==} holds on an absent attribute in
 * any proof system ({@link Policy#effectivePredicates()} covers {@code >=}).
 */
public record Predicate(Attribute attribute, Op op, long constant) {

  /** Comparison operators. */
  public enum Op {
    GE(">="),
    LE("<="),
    EQ("==");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Predicate {
    java.util.Objects.requireNonNull(attribute, "attribute");
    java.util.Objects.requireNonNull(op, "op");
    if (constant < 0 || constant >= Attribute.ABSENT) {
      throw new IllegalArgumentException("constant of " + attribute.columnName()
          + " out of range [0, 2^32 - 1) (2^32 - 1 encodes an absent attribute): " + constant);
    }
  }

  /** Evaluates the predicate on a value; never holds on {@link Attribute#ABSENT}. */
  public boolean holds(long value) {
    if (value == Attribute.ABSENT) {
      return false;
    }
    return switch (op) {
      case GE -> value >= constant;
      case LE -> value <= constant;
      case EQ -> value == constant;
    };
  }

  @Override
  public String toString() {
    return attribute.columnName() + op.symbol + constant;
  }
}
