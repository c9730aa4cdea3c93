package io.pqzk.zk.curves;

/**
 * An encoded point or field element that is not acceptable: a coordinate not below p, a point
 * not on the curve, or not in the order-r subgroup. The message says which.
 */
public final class InvalidPointException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidPointException(String message) {
    super(message);
  }
}
