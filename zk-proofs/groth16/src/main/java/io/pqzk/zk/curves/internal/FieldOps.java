package io.pqzk.zk.curves.internal;

/** The field operations the generic curve arithmetic needs (GF(p) or GF(p^2)). */
public interface FieldOps<E> {
  E zero();

  E one();

  boolean isZero(E a);

  boolean eq(E a, E b);

  E add(E a, E b);

  E sub(E a, E b);

  E neg(E a);

  E dbl(E a);

  E mul(E a, E b);

  E sqr(E a);

  /** Inverse; throws ArithmeticException on zero. Not for hot loops. */
  E inv(E a);
}
