package io.pqzk.replication;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.store.Ledger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.StateMachineLogEntryProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.statemachine.TransactionContext;

/**
 * The replication targets' network, read from test resources ({@code fuzz/}, written by {@link
 * ReplicationSeeds}): four validators v0..v3 and a fifth key pair v4 (not in the genesis), the
 * authority, the genesis, block 0 sealed by v0 and the commit votes of v0..v2 as log entries. A
 * {@link Node} is validator v3's state machine over a real ledger on disk with block 0 applied
 * and certified through those entries, driven through the paths Ratis calls: {@code
 * startTransaction} (the leader's check before an entry is appended) and {@code
 * applyTransaction} (every node, in log order).
 */
final class ReplicationFuzzFixture {
  static final String DIR = "/io/pqzk/replication/fuzz/";
  static final String CHAIN = "fuzz-replication";
  static final long T0 = 1_700_000_000_000L;
  static final String ML = "ML-DSA-65";
  static final String SLH = "SLH-DSA-SHA2-128f";

  final List<ProposerKeys> validators = new ArrayList<>();
  final ProposerKeys candidate;
  final LedgerSigningKey authority;
  final byte[] genesisJson;

  private ReplicationFuzzFixture() throws Exception {
    for (int i = 0; i < 4; i++) {
      validators.add(keys("v" + i));
    }
    candidate = keys("v4");
    authority = key("authority", ML);
    genesisJson = resource("genesis.json");
  }

  private static ReplicationFuzzFixture instance;

  static synchronized ReplicationFuzzFixture get() {
    if (instance == null) {
      try {
        instance = new ReplicationFuzzFixture();
      } catch (Exception e) {
        throw new IllegalStateException("the replication fuzz fixture does not load (regenerate"
            + " it with -Dfuzz.seeds=write): " + e.getMessage(), e);
      }
    }
    return instance;
  }

  static ProposerKeys keys(String name) throws Exception {
    return new ProposerKeys(name, key(name, ML), key(name, SLH));
  }

  static LedgerSigningKey key(String name, String alg) throws Exception {
    LedgerPublicKey pub = Signatures.publicKeyFromPem(alg, new String(
        resource("keys/" + name + "." + alg + ".pub"), StandardCharsets.US_ASCII));
    return Signatures.decodePrivate(pub, resource("keys/" + name + "." + alg + ".der"));
  }

  static byte[] resource(String name) {
    try (InputStream in = ReplicationFuzzFixture.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + DIR + name
            + " (regenerate with -Dfuzz.seeds=write)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validator v3's node in a fresh folder under {@code dir}, block 0 final. */
  Node node(Path dir) throws Exception {
    return new Node(this, dir, List.of(resource("block-0.cmd"), resource("vote-0.cmd"),
        resource("vote-1.cmd"), resource("vote-2.cmd")));
  }

  /** One validator's state machine and its ledger. */
  static final class Node implements AutoCloseable {
    final Path dir;
    final BlockRules rules;
    final Ledger ledger;
    final LedgerStateMachine sm;
    private long index;
    private long call;

    Node(ReplicationFuzzFixture f, Path dir, List<byte[]> log) throws Exception {
      this.dir = dir;
      rules = new BlockRules(Genesis.parse(f.genesisJson));
      ledger = Ledger.open(dir.resolve("ledger"), rules);
      InetSocketAddress a = InetSocketAddress.createUnresolved("127.0.0.1", 1);
      NodeSettings s = new NodeSettings("v3", dir, dir, a, a, List.of(new NodeSettings.Peer(
          "v3", a, a)), dir, dir, dir, dir, dir, dir, dir, dir, 0, 20, 1024, false, 1 << 20);
      sm = new LedgerStateMachine(ledger, f.validators.get(3), s);
      for (byte[] entry : log) {
        apply(entry).get();
      }
      if (ledger.height() != 0 || ledger.headCommit() == null) {
        throw new IllegalStateException("block 0 and its votes no longer make a final block 0"
            + " (regenerate the fixture with -Dfuzz.seeds=write)");
      }
    }

    /** The leader's check of a client's command (what {@code RaftServer} calls first). */
    TransactionContext start(byte[] command) throws IOException {
      RaftClientRequest r = RaftClientRequest.newBuilder().setClientId(ClientId.randomId())
          .setServerId(RaftPeerId.valueOf("v3")).setGroupId(GROUP).setCallId(++call)
          .setMessage(Message.valueOf(org.apache.ratis.thirdparty.com.google.protobuf.ByteString
              .copyFrom(command))).setType(RaftClientRequest.writeRequestType()).build();
      return sm.startTransaction(r);
    }

    /** A committed log entry applied, as on every node. */
    CompletableFuture<Message> apply(byte[] command) {
      index++;
      LogEntryProto e = LogEntryProto.newBuilder().setTerm(1).setIndex(index)
          .setStateMachineLogEntry(StateMachineLogEntryProto.newBuilder().setLogData(
              org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(command)))
          .build();
      return sm.applyTransaction(TransactionContext.newBuilder().setStateMachine(sm)
          .setLogEntry(e).setServerRole(RaftPeerRole.FOLLOWER).build());
    }

    @Override
    public void close() throws IOException {
      ledger.close();
    }
  }

  private static final RaftGroupId GROUP = RaftGroupId.valueOf(
      java.util.UUID.nameUUIDFromBytes(CHAIN.getBytes(StandardCharsets.US_ASCII)));

  /** Deletes {@code dir} and what it holds. */
  /**
   * A fuzz target's scratch folder for its nodes: {@code target/NAME}, emptied when a run starts
   * and deleted at exit. A fuzzing run ends at its first finding or timeout without
   * {@code @AfterAll}; with a fresh temporary folder per run, every such end left its nodes'
   * RocksDB folders (75 MB each) in /tmp, and a campaign filled the disk.
   */
  static Path scratchRoot(String name) throws IOException {
    Path root = Path.of("target", name).toAbsolutePath();
    if (Files.exists(root)) {
      delete(root);
    }
    Files.createDirectories(root);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        delete(root);
      } catch (RuntimeException ignored) {
        // best effort at exit; the next run empties the folder anyway
      }
    }));
    return root;
  }

  static void delete(Path dir) {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
