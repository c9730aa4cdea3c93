package io.pqzk.bench.sig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the benchmark thread, next to JMH's wall-clock score. On a machine shared with other
 * jobs, wall time per operation swings with the load; the thread's own CPU time does much less,
 * so {@link OverheadReport} also compares {@code cpuNanos / calls} (both are summed by JMH the
 * same way, so their ratio is the CPU time per operation).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU nanoseconds spent in measured operations during this iteration. */
  public long cpuNanos;
  /** Operations measured during this iteration. */
  public long calls;

  @Setup(Level.Iteration)
  public void reset() {
    cpuNanos = 0;
    calls = 0;
  }

  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  void add(long start) {
    cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    calls++;
  }
}
