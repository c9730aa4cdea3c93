package io.pqzk.bench.ledger;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the process (the caller, the fork-join workers, GC: every thread but the JIT
 * compiler's) in nanoseconds, read precisely enough to time one block.
 *
 * <p>{@code OperatingSystemMXBean.getProcessCpuTime()} counts on Linux in clock ticks (10 ms
 * here), coarser than validating one block (about 5 ms): block by block its readings were 0, 10
 * or 20 ms, and the ratios of rounds of 40 blocks ranged from 0.96 to 2.7. Linux keeps each
 * thread's run time in nanoseconds in {@code /proc/self/task/TID/schedstat} (first field, the
 * scheduler's own accounting); this clock sums those. The caller's own thread is read last when
 * starting and first when stopping, so that reading the other threads' files is not counted.
 * Where {@code /proc} is missing, it falls back to the MXBean (and says so).
 *
 * <p>The JIT compiler's threads are counted apart ({@link #compiler}): HotSpot was still
 * compiling the validator's code 20 rounds of 40 blocks in (8 to 60 ms a round, against about
 * 110 ms of validation), which is the JVM warming up, not the cost of a block. GC threads are
 * counted: allocation is part of the cost.
 */
final class ProcessCpuClock {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final Path SELF = Path.of("/proc/thread-self/schedstat");
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final boolean precise = Files.isReadable(SELF) && Files.isDirectory(TASKS);
  /** Thread names by task id (a JVM's threads keep theirs). */
  private final Map<String, String> names = new HashMap<>();
  private long compilerStart;
  private long compiler;

  /** How this clock reads, for the report. */
  String describe() {
    return precise ? "per-thread scheduler run time (/proc/self/task/*/schedstat, ns), every"
        + " thread but the JIT compiler's"
        : "OperatingSystemMXBean.getProcessCpuTime (clock ticks: coarse; compiler included)";
  }

  /** A reading taken before the measured work. */
  long start() {
    if (!precise) {
      return OS.getProcessCpuTime();
    }
    long[] others = others();
    compilerStart = others[1];
    return others[0] + runTime(SELF);
  }

  /** A reading taken after the measured work. */
  long stop() {
    if (!precise) {
      return OS.getProcessCpuTime();
    }
    long self = runTime(SELF);
    long[] others = others();
    compiler += others[1] - compilerStart;
    return self + others[0];
  }

  /** JIT compiler threads' run time between every start and stop so far, in nanoseconds. */
  long compiler() {
    return compiler;
  }

  /** Run time of every thread of the process but the caller's: {the others, the compiler's}. */
  private long[] others() {
    String self;
    try {
      self = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot resolve /proc/thread-self: " + e.getMessage(), e);
    }
    long sum = 0;
    long jit = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path t : tasks) {
        String tid = t.getFileName().toString();
        if (tid.equals(self)) {
          continue;
        }
        long run = runTime(t.resolve("schedstat"));
        if (names.computeIfAbsent(tid, k -> name(t)).contains("CompilerThre")) {
          jit += run;
        } else {
          sum += run;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + TASKS + ": " + e.getMessage(), e);
    }
    return new long[] {sum, jit};
  }

  private static String name(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** First field of a schedstat file; 0 for a thread that ended meanwhile. */
  private static long runTime(Path schedstat) {
    String s;
    try {
      s = Files.readString(schedstat);
    } catch (IOException e) {
      return 0; // the thread exited between listing and reading: its time is gone from both
    }
    int space = s.indexOf(' ');
    return Long.parseLong(space < 0 ? s.strip() : s.substring(0, space));
  }
}
