package io.pqzk.zk.stark;

import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import java.util.List;

/** Test AIR: two columns (a, b) -> (b, a + b), a[0] = b[0] = 1, b[n-1] = result. */
final class FibonacciAir extends Air {
  private final int n;
  private final long result;

  FibonacciAir(int n, long result) {
    this.n = n;
    this.result = result;
  }

  static long[][] trace(int n) {
    long[][] t = new long[2][n];
    t[0][0] = 1;
    t[1][0] = 1;
    for (int i = 1; i < n; i++) {
      t[0][i] = t[1][i - 1];
      t[1][i] = Goldilocks.add(t[0][i - 1], t[1][i - 1]);
    }
    return t;
  }

  @Override
  public int width() {
    return 2;
  }

  @Override
  public int traceLength() {
    return n;
  }

  @Override
  public int numConstraints() {
    return 2;
  }

  @Override
  public int maxDegree() {
    return 1;
  }

  @Override
  public long[][] periodicColumns() {
    return new long[0][];
  }

  @Override
  public void evaluate(Ext3[] cur, Ext3[] next, Ext3[] periodic, Ext3[] out) {
    out[0] = next[0].sub(cur[1]);
    out[1] = next[1].sub(cur[0].add(cur[1]));
  }

  @Override
  public List<Assertion> assertions() {
    return List.of(new Assertion(0, 0, 1), new Assertion(1, 0, 1), new Assertion(1, n - 1, result));
  }

  @Override
  public byte[] identity() {
    return ("fibonacci/" + n + "/" + Long.toUnsignedString(result)).getBytes();
  }
}
