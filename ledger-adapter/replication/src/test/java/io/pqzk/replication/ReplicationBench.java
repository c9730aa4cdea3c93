package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replication benchmark: committed transactions per second, submit-to-final latency (p50,
 * p99) and the CPU time of all node processes per committed transaction, for 1, 4 and 7 nodes
 * on loopback. The nodes share this host's cores, so transactions per second alone would
 * mislead: the CPU time per transaction is the figure to compare (every node re-validates every
 * block, so 4 nodes cost at least 4 times 1 node). Transactions are signed before the clock
 * starts; a warm-up batch runs first. Writes target/replication-bench.txt.
 */
@Tag("slow")
class ReplicationBench {
  /** The first submission that did not become final, for the assertion's message. */
  private static final AtomicReference<String> FIRST_FAILURE = new AtomicReference<>();

  record Row(int nodes, int transactions, double perSecond, double p50Millis, double p99Millis,
      double cpuMillisPerTx) {}

  @Test
  void oneFourSeven(@TempDir Path dir) throws Exception {
    int n = Integer.getInteger("pqzk.bench.transactions", 1500);
    List<Row> rows = new ArrayList<>();
    for (int nodes : new int[] {1, 4, 7}) {
      rows.add(run(dir.resolve("n" + nodes), nodes, n));
    }
    StringBuilder out = new StringBuilder(String.format(
        "replication benchmark: %d record registrations, 200 in flight, %d cores%n",
        n, Runtime.getRuntime().availableProcessors()));
    out.append("nodes  tx/s    p50 ms   p99 ms   node CPU ms/tx%n".formatted());
    for (Row r : rows) {
      out.append(String.format("%5d  %6.1f  %7.0f  %7.0f  %8.2f%n", r.nodes(), r.perSecond(),
          r.p50Millis(), r.p99Millis(), r.cpuMillisPerTx()));
    }
    out.append(String.format("CPU per committed transaction, 4 nodes / 1 node: %.2fx%n",
        rows.get(1).cpuMillisPerTx() / rows.get(0).cpuMillisPerTx()));
    System.out.print(out);
    Files.writeString(Path.of("target", "replication-bench.txt"), out.toString());
  }

  private static Row run(Path dir, int nodes, int n) throws Exception {
    try (TestNetwork net = new TestNetwork(dir, nodes, 4096)) {
      net.startAll();
      net.leader(net.all(), 300);
      List<LedgerClient> clients = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        clients.add(net.client(i));
      }
      List<byte[]> warm = sign(net, 300);
      List<byte[]> txs = sign(net, n);
      submitAll(clients, warm, new ConcurrentLinkedQueue<>());
      long cpu0 = cpu(net);
      long t0 = System.nanoTime();
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      int ok = submitAll(clients, txs, latencies);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long cpu = cpu(net) - cpu0;
      clients.forEach(LedgerClient::close);
      assertEquals(n, ok, "every transaction final (first failure: " + FIRST_FAILURE.get() + ")");
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return new Row(nodes, n, n / seconds, sorted.get(sorted.size() / 2) / 1e6,
          sorted.get((int) (sorted.size() * 0.99)) / 1e6, cpu / 1e6 / n);
    }
  }

  private static List<byte[]> sign(TestNetwork net, int n) {
    List<byte[]> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(net.registration());
    }
    return l;
  }

  private static int submitAll(List<LedgerClient> clients, List<byte[]> txs,
      ConcurrentLinkedQueue<Long> latencies) throws Exception {
    Semaphore window = new Semaphore(200);
    AtomicInteger ok = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < txs.size(); i++) {
      window.acquire();
      long start = System.nanoTime();
      all.add(clients.get(i % clients.size()).submitAsync(txs.get(i), 300)
          .whenComplete((r, e) -> {
            if (e == null) {
              latencies.add(System.nanoTime() - start);
              ok.incrementAndGet();
            } else {
              FIRST_FAILURE.compareAndSet(null, e.toString());
            }
            window.release();
          }));
    }
    for (CompletableFuture<?> f : all) {
      f.handle((r, e) -> null).get();
    }
    return ok.get();
  }

  /** CPU time so far of every node process, in nanoseconds. */
  private static long cpu(TestNetwork net) {
    long total = 0;
    for (Process p : net.processes) {
      total += p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
    }
    return total;
  }
}
