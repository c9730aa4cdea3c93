package io.pqzk.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.store.BlockScanner;
import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.store.StoredBlock;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak: concurrent clients submit transactions to every node of a four-node network while
 * the leader is SIGKILLed at random moments and restarted. A transaction counts as
 * acknowledged only when a node answered that it is final; a submission that fails (its node
 * died) is sent again, same bytes, to another node. Afterwards every acknowledged transaction is
 * on every node exactly once, the block files are byte-identical, every block is certified and
 * each node's directory passes the independent verifier.
 */
final class SoakRun {
  record Result(int acknowledged, int presentEverywhere, int lost, long blocks, int kills,
      double seconds) {
    String line() {
      return String.format("acknowledged %d, present on every node %d, lost %d (%d blocks, %d"
          + " leader kills, %.1f s)", acknowledged, presentEverywhere, lost, blocks, kills,
          seconds);
    }
  }

  static Result run(Path dir, int transactions, int kills, int inFlight) throws Exception {
    long t0 = System.nanoTime();
    Random random = new Random();
    try (TestNetwork net = new TestNetwork(dir, 4, 1024)) {
      net.startAll();
      net.leader(net.all(), 180);
      List<LedgerClient> clients = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        clients.add(net.client(i));
      }
      Set<ByteBuffer> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger failures = new AtomicInteger();
      Semaphore window = new Semaphore(inFlight);
      List<Double> killAt = new ArrayList<>();
      for (int k = 0; k < kills; k++) {
        double lo = (k + 0.3) / (kills + 0.5);
        killAt.add(lo + random.nextDouble() * 0.4 / (kills + 0.5));
      }
      BlockRules rules = new BlockRules(net.genesis);
      int killed = 0;
      for (int n = 0; n < transactions; n++) {
        // by submissions, not acknowledgements: on a loaded machine the acknowledgements lagged
        // so far behind that the loop ended before the second kill's share was acknowledged
        if (killed < kills && n >= killAt.get(killed) * transactions) {
          int leader = net.leader(net.all(), 120);
          net.kill(leader);
          List<Integer> others = new ArrayList<>(net.all());
          others.remove(Integer.valueOf(leader));
          int next = net.leader(others, 120);
          System.out.printf("soak: killed leader n%d after %d acknowledged; n%d leads%n", leader,
              acknowledged.size(), next);
          net.start(leader);
          killed++;
        }
        byte[] tx = net.registration();
        byte[] id = rules.transactionId(Transaction.parseFrom(tx).getBody().toByteArray());
        window.acquire();
        submit(clients, tx, id, random.nextInt(4), 0, acknowledged, failures, window);
      }
      window.acquire(inFlight); // every submission answered (acknowledged or given up)
      net.awaitAll(net.all(), "every node final at one head", 300, s ->
          s.getFinalizedHeight() == s.getHeight() && s.getPendingTransactions() == 0
              && s.getHeight() == maxHeight(net));
      clients.forEach(LedgerClient::close);
      for (int i = 0; i < 4; i++) {
        net.stop(i);
      }
      // byte-identical block files
      List<Path> segments = segments(net.ledgerDir(0));
      for (int i = 1; i < 4; i++) {
        List<Path> other = segments(net.ledgerDir(i));
        assertEquals(segments.size(), other.size(), "segment count of n" + i);
        for (int s = 0; s < segments.size(); s++) {
          assertArrayEquals(Files.readAllBytes(segments.get(s)), Files.readAllBytes(other.get(s)),
              "n" + i + " " + other.get(s).getFileName());
        }
      }
      // every block certified, independently verified, on every node
      long blocks = -1;
      for (int i = 0; i < 4; i++) {
        ChainVerifier.Report r = new ChainVerifier(rules).verify(net.ledgerDir(i), null);
        assertEquals(r.blocks() - 1, r.finalizedHeight(), "n" + i + ": the head is certified");
        blocks = r.blocks();
      }
      // every acknowledged transaction exactly once, on every node
      int present = Integer.MAX_VALUE;
      for (int i = 0; i < 4; i++) {
        Map<ByteBuffer, Integer> count = txCounts(rules, net.ledgerDir(i));
        int here = 0;
        for (ByteBuffer id : acknowledged) {
          Integer c = count.get(id);
          assertTrue(c == null || c == 1, "a transaction twice on n" + i);
          if (c != null) {
            here++;
          }
        }
        present = Math.min(present, here);
      }
      int ack = acknowledged.size();
      return new Result(ack, present, ack - present, blocks, killed,
          (System.nanoTime() - t0) / 1e9);
    }
  }

  private static long maxHeight(TestNetwork net) {
    long max = -1;
    for (int i = 0; i < net.size; i++) {
      var s = net.status(i);
      if (s != null) {
        max = Math.max(max, s.getHeight());
      }
    }
    return max;
  }

  private static void submit(List<LedgerClient> clients, byte[] tx, byte[] id, int node,
      int attempt, Set<ByteBuffer> acknowledged, AtomicInteger failures, Semaphore window) {
    clients.get(node % clients.size()).submitAsync(tx, 120).whenComplete((r, e) -> {
      if (e == null) {
        acknowledged.add(ByteBuffer.wrap(id));
        window.release();
      } else if (e instanceof TransactionRefusedException || attempt >= 30) {
        failures.incrementAndGet();
        window.release();
      } else {
        submit(clients, tx, id, node + 1, attempt + 1, acknowledged, failures, window);
      }
    });
  }

  static List<Path> segments(Path ledgerDir) throws java.io.IOException {
    try (var s = Files.list(Ledger.blocksDir(ledgerDir))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".dat")).sorted().toList();
    }
  }

  static Map<ByteBuffer, Integer> txCounts(BlockRules rules, Path ledgerDir) throws Exception {
    Map<ByteBuffer, Integer> count = new HashMap<>();
    try (BlockScanner s = BlockScanner.fromStart(Ledger.blocksDir(ledgerDir))) {
      for (StoredBlock b; (b = s.next()) != null; ) {
        for (var t : Block.parseFrom(b.payload()).getTransactionsList()) {
          byte[] id = rules.transactionId(Transaction.parseFrom(t).getBody().toByteArray());
          count.merge(ByteBuffer.wrap(id), 1, Integer::sum);
        }
      }
    }
    return count;
  }
}
