package io.pqzk.cli.demo;

import com.google.protobuf.util.JsonFormat;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.crypto.UnsupportedAlgorithmException;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.store.BlockScanner;
import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.store.StoredBlock;
import io.pqzk.replication.Certificates;
import io.pqzk.replication.LedgerClient;
import io.pqzk.replication.NetworkGenesis;
import io.pqzk.replication.ReplicationException;
import io.pqzk.replication.Tls;
import io.pqzk.replication.TransactionRefusedException;
import io.pqzk.replication.proto.GetStatusReply;
import io.pqzk.replication.proto.KeyConfig;
import io.pqzk.replication.proto.MemberEntry;
import io.pqzk.replication.proto.NetworkConfig;
import io.pqzk.replication.proto.NodeConfig;
import io.pqzk.replication.proto.PeerConfig;
import io.pqzk.replication.proto.SlhDsa;
import io.pqzk.replication.proto.TlsConfig;
import io.pqzk.replication.proto.ValidatorEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code pqzk demo --nodes N}: an N-node network on loopback, each node a separate process
 * ({@code pqzk node start}). Concurrent clients submit record registrations to every node; part
 * way the leader is killed with SIGKILL, the others elect a new one and go on, and the killed
 * node is restarted and catches up. A transaction counts as acknowledged when a node answered
 * that it is final; afterwards each is looked for in every node's block files, and every node's
 * directory is verified independently (what {@code pqzk chain verify} runs).
 */
public final class ClusterDemo {
  /** What the run found. */
  public record Result(int acknowledged, int presentEverywhere, long height,
      List<String> verified) {
    public int lost() {
      return acknowledged - presentEverywhere;
    }
  }

  private static final String PASS = "passphrase";
  private final Path dir;
  private final int nodes;
  private final int transactions;
  private final PrintWriter log;
  private final List<Path> configs = new ArrayList<>();
  private final List<Integer> apiPorts = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private Tls clientTls;

  public ClusterDemo(Path dir, int nodes, int transactions, PrintWriter log) {
    this.dir = dir;
    this.nodes = nodes;
    this.transactions = transactions;
    this.log = log;
  }

  public Result run() throws IOException, LedgerException, ReplicationException,
      InterruptedException {
    Files.createDirectories(dir);
    if (!isClusterDemo(dir)) {
      io.pqzk.common.DurableFiles.write(dir.resolve(MARKER), ("Made by `pqzk demo --nodes`."
          + " `pqzk demo --nodes N --force` replaces what is in this directory.\n")
          .getBytes(StandardCharsets.US_ASCII), io.pqzk.common.DurableFiles.Access.PUBLIC,
          io.pqzk.common.DurableFiles.Existing.REFUSE);
    }
    phase("keys, a private CA, mutual-TLS certificates and the genesis of " + nodes
        + " validators");
    LedgerSigningKey authority = setUp();
    Genesis genesis = Genesis.load(dir.resolve(Genesis.FILE_NAME));
    BlockRules rules = new BlockRules(genesis);
    try {
      phase("starting " + nodes + " node processes on loopback (pqzk node start)");
      for (int i = 0; i < nodes; i++) {
        processes.add(start(i));
      }
      int leader = leader(all(), 300);
      phase("node n" + leader + " leads; " + transactions + " transactions from concurrent"
          + " clients, the leader killed with SIGKILL part way");
      TransactionFactory txs = new TransactionFactory(genesis.chainId());
      List<LedgerClient> clients = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        clients.add(LedgerClient.connect("127.0.0.1:" + apiPorts.get(i), clientTls));
      }
      Set<ByteBuffer> acknowledged = ConcurrentHashMap.newKeySet();
      Semaphore window = new Semaphore(200);
      SecureRandom random = new SecureRandom();
      boolean killed = nodes == 1;
      for (int n = 0; n < transactions; n++) {
        if (!killed && acknowledged.size() >= transactions * 2 / 5) {
          int old = leader(all(), 120);
          processes.get(old).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          List<Integer> others = all();
          others.remove(Integer.valueOf(old));
          int now = leader(others, 120);
          log.printf("   killed n%d (SIGKILL) after %d acknowledged; n%d leads now; n%d"
              + " restarts%n", old, acknowledged.size(), now, old);
          log.flush();
          processes.set(old, start(old));
          killed = true;
        }
        byte[] commitment = new byte[32];
        random.nextBytes(commitment);
        byte[] tx = txs.registerRecord(authority, commitment, SyntheticRecords.SCHEMA);
        byte[] id = rules.transactionId(Transaction.parseFrom(tx).getBody().toByteArray());
        window.acquire();
        submit(clients, tx, id, n, 0, acknowledged, window);
      }
      window.acquire(200);
      phase("waiting until every node holds the same final head");
      await("every node final at the same head", 300, () -> {
        long max = -1;
        List<GetStatusReply> all = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          GetStatusReply s = status(i);
          if (s == null) {
            return false;
          }
          all.add(s);
          max = Math.max(max, s.getHeight());
        }
        for (GetStatusReply s : all) {
          if (s.getHeight() != max || s.getFinalizedHeight() != max) {
            return false;
          }
        }
        return true;
      });
      clients.forEach(LedgerClient::close);
      for (Process p : processes) {
        p.destroy();
      }
      for (Process p : processes) {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      phase("verifying every node's data directory independently (pqzk chain verify)");
      int present = Integer.MAX_VALUE;
      long height = -1;
      List<String> verified = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        Path ledger = ledgerDir(i);
        ChainVerifier.Report r = new ChainVerifier(rules).verify(ledger, null);
        verified.add(String.format("n%d: %d blocks, finalized height %d, head %s", i,
            r.blocks(), r.finalizedHeight(), HexFormat.of().formatHex(r.finalizedHash())
                .substring(0, 16)));
        height = r.finalizedHeight();
        Map<ByteBuffer, Integer> found = transactionsIn(rules, ledger);
        int here = 0;
        for (ByteBuffer id : acknowledged) {
          if (found.getOrDefault(id, 0) == 1) {
            here++;
          }
        }
        present = Math.min(present, here);
      }
      return new Result(acknowledged.size(), present, height, verified);
    } finally {
      for (Process p : processes) {
        if (p.isAlive()) {
          p.destroyForcibly();
        }
      }
    }
  }

  /** Marks a directory a cluster demo made: the only kind {@link #clear} empties. */
  public static final String MARKER = "PQZK-CLUSTER-DEMO";

  /** True if {@code dir} was made by a cluster demo (it holds the {@value #MARKER} file). */
  public static boolean isClusterDemo(Path dir) {
    return Files.isRegularFile(dir.resolve(MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Deletes what a previous cluster demo left in {@code dir}, which must carry the marker (a
   * directory without it is refused by the caller, whatever its flags): symbolic links inside
   * are removed, never followed.
   */
  public static void clear(Path dir) throws IOException {
    if (!isClusterDemo(dir)) {
      throw new IllegalStateException(dir + " is not a cluster demo's directory");
    }
    try (var entries = Files.list(dir)) {
      for (Path p : entries.filter(e -> !e.getFileName().toString().equals(MARKER)).toList()) {
        try (var s = Files.walk(p)) {
          for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(f);
          }
        }
      }
    }
  }

  private void phase(String name) {
    log.println("== " + name);
    log.flush();
  }

  private static void submit(List<LedgerClient> clients, byte[] tx, byte[] id, int node,
      int attempt, Set<ByteBuffer> acknowledged, Semaphore window) {
    clients.get(node % clients.size()).submitAsync(tx, 120).whenComplete((r, e) -> {
      if (e == null) {
        acknowledged.add(ByteBuffer.wrap(id));
        window.release();
      } else if (e instanceof TransactionRefusedException || attempt >= 30) {
        window.release(); // never acknowledged: not counted
      } else {
        submit(clients, tx, id, node + 1, attempt + 1, acknowledged, window);
      }
    });
  }

  private LedgerSigningKey setUp() throws IOException, ReplicationException {
    Path keys = Files.createDirectories(dir.resolve("keys"));
    Path pass = keys.resolve("DEMO-PASSPHRASE");
    KeyFiles.atomicWrite(pass, (PASS + "\n").getBytes(StandardCharsets.US_ASCII), true);
    Certificates.Authority ca = Certificates.newAuthority(dir.resolve("ca"), "pqzk demo CA");
    clientTls = Certificates.issue(ca, dir.resolve("client"), "demo-client", List.of());
    NetworkConfig.Builder network = NetworkConfig.newBuilder()
        .setChainId("pqzk-cluster-" + HexFormat.of().formatHex(new SecureRandom()
            .generateSeed(4)))
        .setSlhDsa(SlhDsa.newBuilder().setAlgorithm("SLH-DSA-SHA2-128f").setEveryNBlocks(32));
    List<Integer> raftPorts = new ArrayList<>();
    LedgerSigningKey authority;
    try {
      for (int i = 0; i < nodes; i++) {
        String id = "n" + i;
        for (String alg : List.of("ML-DSA-65", "SLH-DSA-SHA2-128f")) {
          KeyFiles.write(keys, id, Signatures.generate(alg), PASS.toCharArray());
        }
        network.addValidators(ValidatorEntry.newBuilder().setName(id)
            .setMlDsaPublic("keys/" + id + ".ML-DSA-65.pub")
            .setSlhDsaPublic("keys/" + id + ".SLH-DSA-SHA2-128f.pub"));
        raftPorts.add(freePort());
        apiPorts.add(freePort());
      }
      authority = Signatures.generate("ML-DSA-65");
    } catch (UnsupportedAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    KeyFiles.write(keys, "medical-authority", authority, PASS.toCharArray());
    network.addAuthorities(MemberEntry.newBuilder().setName("medical-authority")
        .setPublicKey("keys/medical-authority.ML-DSA-65.pub"));
    Path networkJson = dir.resolve("network.json");
    Files.writeString(networkJson, JsonFormat.printer().print(network));
    KeyFiles.atomicWrite(dir.resolve(Genesis.FILE_NAME), NetworkGenesis.build(networkJson),
        false);
    for (int i = 0; i < nodes; i++) {
      String id = "n" + i;
      NodeConfig.Builder c = NodeConfig.newBuilder().setNodeId(id).setDataDir("data")
          .setGenesis("../" + Genesis.FILE_NAME)
          .setRaftAddress("127.0.0.1:" + raftPorts.get(i))
          .setApiAddress("127.0.0.1:" + apiPorts.get(i))
          .setKeys(KeyConfig.newBuilder().setMlDsaPublic("../keys/" + id + ".ML-DSA-65.pub")
              .setMlDsaPrivate("../keys/" + id + ".ML-DSA-65.key")
              .setSlhDsaPublic("../keys/" + id + ".SLH-DSA-SHA2-128f.pub")
              .setSlhDsaPrivate("../keys/" + id + ".SLH-DSA-SHA2-128f.key")
              .setPassphraseFile("../keys/DEMO-PASSPHRASE"))
          .setTls(TlsConfig.newBuilder().setCa("tls/ca.pem").setCertificate("tls/" + id
              + ".pem").setPrivateKey("tls/" + id + ".key"));
      for (int j = 0; j < nodes; j++) {
        c.addPeers(PeerConfig.newBuilder().setId("n" + j)
            .setRaftAddress("127.0.0.1:" + raftPorts.get(j))
            .setApiAddress("127.0.0.1:" + apiPorts.get(j)));
      }
      Path nodeDir = Files.createDirectories(dir.resolve(id));
      Certificates.issue(ca, nodeDir.resolve("tls"), id, List.of("127.0.0.1", "localhost"));
      Path config = nodeDir.resolve("node.json");
      Files.writeString(config, JsonFormat.printer().print(c));
      configs.add(config);
    }
    return authority;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** This node's data directory of the ledger. */
  public Path ledgerDir(int i) {
    return dir.resolve("n" + i).resolve("data").resolve("ledger");
  }

  private Process start(int i) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "io.pqzk.cli.Main", "node", "start", "--config", configs.get(i).toString()));
    if (Runtime.version().feature() >= 23) {
      cmd.add(1, "--sun-misc-unsafe-memory-access=allow");
    }
    Path out = configs.get(i).resolveSibling("node.log");
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
  }

  private List<Integer> all() {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      l.add(i);
    }
    return l;
  }

  private GetStatusReply status(int i) {
    try (LedgerClient c = LedgerClient.connect("127.0.0.1:" + apiPorts.get(i), clientTls)) {
      return c.status(2);
    } catch (ReplicationException e) {
      return null;
    }
  }

  private int leader(List<Integer> among, long seconds) throws InterruptedException {
    int[] found = {-1};
    await("a leader the running nodes agree on", seconds, () -> {
      String leader = null;
      for (int i : among) {
        GetStatusReply s = status(i);
        if (s == null || s.getLeaderId().isEmpty()
            || (leader != null && !leader.equals(s.getLeaderId()))) {
          return false;
        }
        leader = s.getLeaderId();
      }
      found[0] = leader == null ? -1 : Integer.parseInt(leader.substring(1));
      return among.contains(found[0]);
    });
    return found[0];
  }

  private static void await(String what, long seconds, java.util.function.BooleanSupplier ok)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("not within " + seconds + " s: " + what);
      }
      Thread.sleep(100); // the interval between polls; the condition decides
    }
  }

  private static Map<ByteBuffer, Integer> transactionsIn(BlockRules rules, Path ledger)
      throws IOException, LedgerException {
    Map<ByteBuffer, Integer> count = new HashMap<>();
    try (BlockScanner s = BlockScanner.fromStart(Ledger.blocksDir(ledger))) {
      for (StoredBlock b; (b = s.next()) != null; ) {
        for (var t : Block.parseFrom(b.payload()).getTransactionsList()) {
          count.merge(ByteBuffer.wrap(rules.transactionId(Transaction.parseFrom(t).getBody()
              .toByteArray())), 1, Integer::sum);
        }
      }
    }
    return count;
  }
}
