package io.pqzk.replication;

import io.pqzk.common.DurableFiles;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Limits;
import io.pqzk.replication.proto.GetStatusReply;
import io.pqzk.replication.proto.KeyConfig;
import io.pqzk.replication.proto.NodeConfig;
import io.pqzk.replication.proto.PeerConfig;
import io.pqzk.replication.proto.TlsConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A network of real node processes on loopback for tests: keys, genesis, a private CA with a
 * certificate per node and one for the test's clients, a {@code node.json} per node; each node
 * runs {@link NodeLauncher} in its own JVM and is killed, stopped, wiped and restarted as a
 * process. Waiting is polling with bounded timeouts, never sleeping.
 */
final class TestNetwork implements AutoCloseable {
  static final String CHAIN = "replicated-test";
  static final String PASSPHRASE = "test network passphrase";
  final Path dir;
  final int size;
  final List<String> ids = new ArrayList<>();
  final List<Path> configs = new ArrayList<>();
  final List<Integer> apiPorts = new ArrayList<>();
  final List<Process> processes = new ArrayList<>();
  final LedgerSigningKey authority;
  final TransactionFactory txs = new TransactionFactory(CHAIN);
  final Tls clientTls;
  final Certificates.Authority ca;
  final Genesis genesis;

  /** Signing keys of every node, genesis validators first. */
  final List<io.pqzk.ledger.ProposerKeys> keys = new ArrayList<>();
  final List<Integer> raftPorts = new ArrayList<>();

  TestNetwork(Path dir, int size, int snapshotEvery) throws Exception {
    this(dir, size, snapshotEvery, 0);
  }

  /**
   * {@code size} genesis validators, and {@code joiners} more nodes configured to join the
   * running network (not validators until a certified change adds them).
   */
  TestNetwork(Path dir, int size, int snapshotEvery, int joiners) throws Exception {
    // -Dpqzk.test.keep=DIR keeps the network's files (logs, chains) for a look afterwards
    String keep = System.getProperty("pqzk.test.keep");
    this.dir = keep == null ? dir : Files.createDirectories(Path.of(keep).resolve(
        dir.getFileName().toString()));
    this.size = size;
    dir = this.dir;
    Path keys = Files.createDirectories(dir.resolve("keys"));
    Path pass = keys.resolve("passphrase");
    DurableFiles.write(pass, (PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8),
        DurableFiles.Access.SECRET, DurableFiles.Existing.REPLACE);
    ca = Certificates.newAuthority(dir.resolve("ca"), "pqzk test network CA");
    clientTls = Certificates.issue(ca, dir.resolve("client"), "test-client", List.of());
    GenesisBuilder g = new GenesisBuilder(CHAIN, System.currentTimeMillis() - 60_000)
        .slhDsa("SLH-DSA-SHA2-128f", 64)
        .limits(Limits.newBuilder().setMaxTransactionBytes(64 << 10)
            .setMaxBlockBytes(8 << 20).setMaxBlockTransactions(1000)
            .setMaxClockDriftMillis(30_000).build())
        .claimSystem("stark");
    for (int i = 0; i < size + joiners; i++) {
      String id = "n" + i;
      ids.add(id);
      LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
      LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
      writeKey(keys, id, ml);
      writeKey(keys, id, slh);
      this.keys.add(new io.pqzk.ledger.ProposerKeys(id, ml, slh));
      if (i < size) {
        g.validator(id, ml.publicKey(), slh.publicKey());
      }
      raftPorts.add(freePort());
      apiPorts.add(freePort());
    }
    authority = Signatures.generate("ML-DSA-65");
    g.authority("clinic", authority.publicKey());
    byte[] genesisBytes = g.toJson();
    genesis = Genesis.parse(genesisBytes);
    Files.write(dir.resolve("genesis.json"), genesisBytes);
    for (int i = 0; i < size + joiners; i++) {
      NodeConfig.Builder c = NodeConfig.newBuilder().setNodeId(ids.get(i))
          .setDataDir("data").setGenesis("../genesis.json")
          .setRaftAddress("127.0.0.1:" + raftPorts.get(i))
          .setApiAddress("127.0.0.1:" + apiPorts.get(i))
          .setKeys(KeyConfig.newBuilder()
              .setMlDsaPublic("../keys/" + ids.get(i) + ".ML-DSA-65.pub")
              .setMlDsaPrivate("../keys/" + ids.get(i) + ".ML-DSA-65.key")
              .setSlhDsaPublic("../keys/" + ids.get(i) + ".SLH-DSA-SHA2-128f.pub")
              .setSlhDsaPrivate("../keys/" + ids.get(i) + ".SLH-DSA-SHA2-128f.key")
              .setPassphraseFile("../keys/passphrase"))
          .setTls(TlsConfig.newBuilder().setCa("tls/ca.pem").setCertificate("tls/"
              + ids.get(i) + ".pem").setPrivateKey("tls/" + ids.get(i) + ".key"))
          .setMaxBlockWaitMillis(20).setSnapshotEveryEntries(snapshotEvery)
          .setLogSegmentBytes(snapshotEvery < 1024 ? 256 << 10 : 0).setJoin(i >= size);
      for (int j = 0; j < size; j++) {
        c.addPeers(PeerConfig.newBuilder().setId(ids.get(j))
            .setRaftAddress("127.0.0.1:" + raftPorts.get(j))
            .setApiAddress("127.0.0.1:" + apiPorts.get(j)));
      }
      Path nodeDir = Files.createDirectories(dir.resolve(ids.get(i)));
      Certificates.issue(ca, nodeDir.resolve("tls"), ids.get(i), List.of("127.0.0.1",
          "localhost"));
      Path config = nodeDir.resolve("node.json");
      Files.writeString(config, com.google.protobuf.util.JsonFormat.printer().print(c));
      configs.add(config);
      processes.add(null);
    }
  }

  private static void writeKey(Path keys, String name, LedgerSigningKey k) throws IOException {
    DurableFiles.write(keys.resolve(name + "." + k.algorithm() + ".pub"),
        Signatures.publicKeyToPem(k.publicKey()).getBytes(StandardCharsets.US_ASCII),
        DurableFiles.Access.PUBLIC, DurableFiles.Existing.REPLACE);
    DurableFiles.write(keys.resolve(name + "." + k.algorithm() + ".key"),
        Signatures.encryptPrivate(k, PASSPHRASE.toCharArray()).getBytes(
            StandardCharsets.US_ASCII), DurableFiles.Access.SECRET, DurableFiles.Existing.REPLACE);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  Path nodeDir(int i) {
    return dir.resolve(ids.get(i));
  }

  Path ledgerDir(int i) {
    return nodeDir(i).resolve("data").resolve("ledger");
  }

  void startAll() throws IOException {
    for (int i = 0; i < size; i++) {
      start(i);
    }
  }

  void start(int i) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        NodeLauncher.class.getName(), configs.get(i).toString()));
    if (Runtime.version().feature() >= 23) {
      cmd.add(1, "--sun-misc-unsafe-memory-access=allow");
    }
    Path log = nodeDir(i).resolve("node.log");
    processes.set(i, new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. */
  void kill(int i) throws InterruptedException {
    Process p = processes.get(i);
    if (p != null) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM: the node stops in order. */
  void stop(int i) throws InterruptedException {
    Process p = processes.get(i);
    if (p != null) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  void wipe(int i) throws IOException {
    Path data = nodeDir(i).resolve("data");
    if (Files.exists(data)) {
      try (var s = Files.walk(data)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  LedgerClient client(int i) throws ConfigException {
    return LedgerClient.connect("127.0.0.1:" + apiPorts.get(i), clientTls);
  }

  /** This node's status, or null when it does not answer. */
  GetStatusReply status(int i) {
    try (LedgerClient c = client(i)) {
      return c.status(2);
    } catch (ReplicationException e) {
      return null;
    }
  }

  /** Polls until {@code ok} holds, at most {@code seconds}; fails naming {@code what}. */
  static void await(String what, long seconds, java.util.function.BooleanSupplier ok)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + seconds + " s: " + what);
      }
      Thread.onSpinWait();
      Thread.sleep(50); // a polling interval, not synchronisation: the condition decides
    }
  }

  /** The index of the node every running node names as leader, once they agree. */
  int leader(List<Integer> running, long seconds) throws InterruptedException {
    int[] found = {-1};
    await("a leader that the running nodes agree on", seconds, () -> {
      String leader = null;
      for (int i : running) {
        GetStatusReply s = status(i);
        if (s == null || s.getLeaderId().isEmpty()
            || (leader != null && !leader.equals(s.getLeaderId()))) {
          return false;
        }
        leader = s.getLeaderId();
      }
      found[0] = ids.indexOf(leader);
      return found[0] >= 0 && running.contains(found[0])
          && "LEADER".equals(status(found[0]).getRole());
    });
    return found[0];
  }

  /** Waits until every node in {@code nodes} has a status satisfying {@code p}. */
  void awaitAll(List<Integer> nodes, String what, long seconds, Predicate<GetStatusReply> p)
      throws InterruptedException {
    await(what, seconds, () -> {
      for (int i : nodes) {
        GetStatusReply s = status(i);
        if (s == null || !p.test(s)) {
          return false;
        }
      }
      return true;
    });
  }

  byte[] registration() {
    byte[] c = new byte[32];
    new SecureRandom().nextBytes(c);
    // the STARK registry leaf: any canonical field element does for these tests
    return txs.registerRecord(authority, c, "test/v1", List.of(new byte[32]));
  }

  List<Integer> all() {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      l.add(i);
    }
    return l;
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      if (p != null && p.isAlive()) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
