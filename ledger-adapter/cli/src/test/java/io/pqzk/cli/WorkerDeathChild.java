package io.pqzk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A child JVM for {@link MainTest}, with the handler {@code pqzk} installs for threads that die:
 * {@code bug} ends a thread with an exception; {@code oom} fills the heap, then has a parallel
 * stream's workers allocate (some die outside their task, which left the joining thread waiting
 * forever). Either way the handler must print one line and end the process with exit 3.
 */
public final class WorkerDeathChild {
  private static final List<byte[]> HELD = new ArrayList<>();

  private WorkerDeathChild() {}

  public static void main(String[] args) throws Exception {
    Thread.setDefaultUncaughtExceptionHandler(Main.WorkerDeath.install());
    if (args[0].equals("bug")) {
      Thread t = new Thread(() -> {
        throw new IllegalStateException("a bug");
      }, "worker");
      t.start();
      t.join(); // returns only if the handler did not end the process
    } else {
      try {
        while (true) {
          HELD.add(new byte[1 << 20]);
        }
      } catch (OutOfMemoryError e) {
        HELD.remove(HELD.size() - 1); // room for the stream's own objects, not for its arrays
      }
      Object[] arrays = IntStream.range(0, 64).parallel().mapToObj(i -> new byte[4 << 20])
          .toArray();
      System.out.println("allocated " + arrays.length);
    }
    System.out.println("NOT ENDED");
  }
}
