package io.pqzk.replication;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.ValidatorSet;
import io.pqzk.ledger.store.Ledger;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator node of a replicated ledger: its own data directory (the ledger's block files,
 * index and head certificate, and the replication log with its snapshots), a Ratis server
 * replicating {@link LedgerStateMachine} with its peers over mutual TLS, and the client API
 * ({@code LedgerService}) over mutual TLS. Started by {@code pqzk node start}; {@link #close()}
 * stops it in order, and a crash at any point loses nothing the network acknowledged.
 */
public final class LedgerNode implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerNode.class);

  private final NodeSettings settings;
  private final Ledger ledger;
  private final LedgerStateMachine sm;
  private final RaftServer raft;
  private final RaftClient client;
  private final RaftClient control;
  private final RaftGroupId groupId;
  private final Server api;
  private final Thread proposerThread;
  private final ScheduledExecutorService executor;
  private final Map<String, NodeSettings.Peer> knownPeers = new LinkedHashMap<>();

  private LedgerNode(NodeSettings settings, Ledger ledger, LedgerStateMachine sm, RaftServer raft,
      RaftClient client, RaftClient control, RaftGroupId groupId, Server api,
      Thread proposerThread, ScheduledExecutorService executor) {
    this.control = control;
    this.settings = settings;
    this.ledger = ledger;
    this.sm = sm;
    this.raft = raft;
    this.client = client;
    this.groupId = groupId;
    this.api = api;
    this.proposerThread = proposerThread;
    this.executor = executor;
    settings.peers().forEach(p -> knownPeers.put(p.id(), p));
  }

  /** The network's replication group: named by the genesis hash, so one chain, one group. */
  public static RaftGroupId groupId(Genesis genesis) {
    return RaftGroupId.valueOf(UUID.nameUUIDFromBytes(genesis.hash()));
  }

  /** Starts the node described by {@code settings}; returns once every endpoint listens. */
  public static LedgerNode start(NodeSettings settings) throws ReplicationException,
      IOException {
    Genesis genesis = genesis(settings);
    BlockRules rules = new BlockRules(genesis);
    Ledger ledger;
    try {
      ledger = Ledger.open(settings.ledgerDir(), rules);
    } catch (LedgerException e) {
      throw new ConfigException("cannot open the ledger in " + settings.ledgerDir() + ": "
          + e.getMessage(), e);
    }
    try {
      return start(settings, genesis, ledger);
    } catch (ReplicationException | IOException | RuntimeException e) {
      ledger.close();
      throw e;
    }
  }

  private static LedgerNode start(NodeSettings s, Genesis genesis, Ledger ledger)
      throws ReplicationException, IOException {
    ProposerKeys keys = NodeKeys.load(s, genesis);
    ValidatorSet set = ledger.state().validators();
    if (set.validator(keys.mlDsa().publicKey().keyId()) == null) {
      LOG.warn("{}: its ML-DSA key is not a validator's at height {} ({}); it replicates but"
          + " neither proposes nor signs until a certified change adds it", s.nodeId(),
          ledger.height() + 1, set);
    }
    Tls tls = new Tls(s.tlsCa(), s.tlsCertificate(), s.tlsPrivateKey());
    Parameters parameters = new Parameters();
    GrpcConfigKeys.TLS.setConf(parameters, tls.ratis());
    RaftGroupId groupId = groupId(genesis);
    List<RaftPeer> peers = new ArrayList<>();
    for (NodeSettings.Peer p : s.peers()) {
      peers.add(peer(p.id(), NodeSettings.text(p.raft())));
    }
    RaftGroup group = RaftGroup.valueOf(groupId, peers);
    RaftProperties props = properties(s);
    boolean fresh = !Files.exists(s.raftDir());
    if (fresh && !s.joins() && s.peers().size() > 1 && ledger.height() < 0) {
      adoptSnapshotIfWiped(s, tls);
    }
    LedgerStateMachine sm = new LedgerStateMachine(ledger, keys, s);
    RaftServer raft = RaftServer.newBuilder().setServerId(RaftPeerId.valueOf(s.nodeId()))
        .setGroup(s.joins() ? RaftGroup.valueOf(groupId) : group).setProperties(props)
        .setParameters(parameters).setStateMachine(sm)
        .setOption(RaftStorage.StartupOption.RECOVER).build();
    raft.start();
    RaftClient client = newClient(group, props, parameters);
    // votes and proposals have a client of their own: a client's writes are ordered, and the
    // network's progress must never wait behind a submission being retried
    RaftClient control = newClient(group, props, parameters);
    ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, s.nodeId() + "-votes");
      t.setDaemon(true);
      return t;
    });
    Thread proposerThread = new Thread(sm.proposer(), s.nodeId() + "-proposer");
    proposerThread.setDaemon(true);
    LedgerNode[] self = new LedgerNode[1];
    Voter voter = new Voter(sm, keys, executor, command -> send(control, command));
    sm.connect(voter, () -> executor.execute(() -> self[0].followValidatorSet()));
    sm.proposer().sendWith(command -> send(control, command).whenComplete((ok, e) -> {
      if (e != null || !ok) {
        sm.proposer().notAppended();
      }
    }));
    InetSocketAddress apiAddress = new InetSocketAddress(s.api().getHostString(),
        s.api().getPort());
    Server api = NettyServerBuilder.forAddress(apiAddress, tls.serverCredentials())
        .addService(new LedgerService(sm, client, s, groupId, raft))
        .maxInboundMessageSize(genesis.limits().getMaxBlockBytes() + (1 << 20))
        .build();
    try {
      api.start();
    } catch (IOException e) {
      raft.close();
      client.close();
      control.close();
      executor.shutdownNow();
      throw new ConfigException("cannot listen on " + NodeSettings.text(s.api()) + ": "
          + e.getMessage(), e);
    }
    proposerThread.start();
    LedgerNode node = new LedgerNode(s, ledger, sm, raft, client, control, groupId, api,
        proposerThread, executor);
    self[0] = node;
    voter.voteForHead();

    LOG.info("{}: replication on {}, client API on {}, chain height {}", s.nodeId(),
        NodeSettings.text(s.raft()), NodeSettings.text(s.api()), ledger.height());
    return node;
  }

  private static RaftClient newClient(RaftGroup group, RaftProperties props,
      Parameters parameters) {
    return RaftClient.newBuilder().setRaftGroup(group).setProperties(props)
        .setParameters(parameters).setRetryPolicy(RetryPolicies
            .retryUpToMaximumCountWithFixedSleep(40, TimeDuration.valueOf(250,
                TimeUnit.MILLISECONDS))).build();
  }

  private static RaftPeer peer(String id, String address) {
    return RaftPeer.newBuilder().setId(id).setAddress(address).build();
  }

  /** Appends a command; true once applied, false when the leader refused it. */
  static CompletableFuture<Boolean> send(RaftClient client, byte[] command) {
    return client.async().send(Message.valueOf(
        org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(command)))
        .thenApply(RaftClientReply::isSuccess);
  }

  private static RaftProperties properties(NodeSettings s) {
    RaftProperties p = new RaftProperties();
    RaftServerConfigKeys.setStorageDir(p, List.of(s.raftDir().toFile()));
    GrpcConfigKeys.Server.setHost(p, s.raft().getHostString());
    GrpcConfigKeys.Server.setPort(p, s.raft().getPort());
    // several JVMs share few cores: a pause of a second must not cost the leader its term
    RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(1000, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(2000, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, s.snapshotEveryEntries());
    RaftServerConfigKeys.Snapshot.setCreationGap(p, Math.max(1, s.snapshotEveryEntries() / 2));
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    RaftServerConfigKeys.Log.setPurgeGap(p, Math.max(1, s.snapshotEveryEntries() / 2));
    RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(s.logSegmentBytes()));
    RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf(Math.min(
        s.logSegmentBytes(), 4 << 20)));
    RaftServerConfigKeys.Log.Appender.setSnapshotChunkSizeMax(p, SizeInBytes.valueOf("4MB"));
    // one log entry may hold a whole block (the genesis bounds it at 256 MiB; 16 MiB by default)
    RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf("20MB"));
    RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf("21MB"));
    GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf("64MB"));
    RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(10, TimeUnit.SECONDS));
    return p;
  }

  private static Genesis genesis(NodeSettings s) throws ConfigException, IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(s.genesis());
    } catch (IOException e) {
      throw new ConfigException("cannot read the genesis file " + s.genesis() + ": "
          + e.getMessage(), e);
    }
    Genesis g;
    try {
      g = Genesis.parse(bytes);
    } catch (MalformedInputException e) {
      throw new ConfigException(s.genesis() + ": " + e.getMessage(), e);
    }
    Path copy = s.ledgerDir().resolve(Genesis.FILE_NAME);
    if (Files.exists(copy)) {
      if (!Arrays.equals(Files.readAllBytes(copy), bytes)) {
        throw new ConfigException(copy + " differs from the configured genesis " + s.genesis()
            + ": this data directory belongs to another chain");
      }
    } else {
      io.pqzk.common.DurableFiles.write(copy, bytes, io.pqzk.common.DurableFiles.Access.PUBLIC,
          io.pqzk.common.DurableFiles.Existing.REFUSE);
    }
    return g;
  }

  /**
   * After a block changed the validator set, the leader makes the replication configuration
   * follow it: a validator's peer id is its name; an added one announced its endpoint in the
   * change, a genesis one is found in this node's configuration.
   */
  private void followValidatorSet() {
    if (!sm.isLeader()) {
      return;
    }
    ValidatorSet set = ledger.state().validators();
    List<RaftPeer> peers = new ArrayList<>();
    for (io.pqzk.ledger.Genesis.Validator v : set.validators()) {
      String address = set.peerAddress(v.index());
      if (address.isEmpty()) {
        NodeSettings.Peer p = knownPeers.get(v.name());
        if (p == null) {
          LOG.warn("validator {} has no known replication endpoint; left out of the"
              + " configuration", v.name());
          continue;
        }
        address = NodeSettings.text(p.raft());
      }
      peers.add(peer(v.name(), address));
    }
    try {
      RaftClientReply r = client.admin().setConfiguration(peers);
      LOG.info("replication configuration follows validator set v{}: {} ({})", set.version(),
          peers.stream().map(p -> p.getId().toString()).toList(), r.isSuccess() ? "done"
              : r.getException());
    } catch (IOException e) {
      LOG.warn("could not change the replication configuration: {}", e.getMessage());
    }
  }

  /**
   * A node whose replication storage is new while its network already has a chain was wiped
   * (or lost its disk). Raft's leader still remembers how far it had replicated to it and would
   * never send it the log's beginning again, so the node first fetches a snapshot the leader
   * takes for it; the state machine adopts it (validating every block it carries), and the log
   * after it follows. Without an answering peer with a chain, this is a new network: nothing to
   * fetch.
   */
  private static void adoptSnapshotIfWiped(NodeSettings s, Tls tls) throws IOException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      boolean answered = false;
      for (NodeSettings.Peer p : s.peers()) {
        if (p.id().equals(s.nodeId())) {
          continue;
        }
        io.pqzk.replication.proto.GetStatusReply st;
        try (LedgerClient c = LedgerClient.connect(NodeSettings.text(p.api()), tls)) {
          st = c.status(5);
          answered = true;
          if (st.getLeaderId().isEmpty()) {
            continue;
          }
          if (st.getHeight() < 0) {
            return; // a new network
          }
          NodeSettings.Peer leader = s.peers().stream().filter(q -> q.id().equals(
              st.getLeaderId())).findFirst().orElse(p);
          try (LedgerClient l = LedgerClient.connect(NodeSettings.text(leader.api()), tls)) {
            Path f = l.snapshotTo(s.dataDir());
            LOG.info("{}: its storage is new while the network's chain is at height {}:"
                + " fetched {} from {}", s.nodeId(), st.getHeight(), f.getFileName(),
                leader.id());
            return;
          }
        } catch (ReplicationException e) {
          LOG.debug("peer {}: {}", p.id(), e.getMessage());
        }
      }
      if (!answered) {
        return; // no peer is up: the network starts now, as this node does
      }
      try {
        Thread.sleep(1000); // a peer is up but knows no leader yet: ask again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  public NodeSettings settings() {
    return settings;
  }

  /** The ledger this node keeps (read it only; the state machine writes it). */
  public Ledger ledger() {
    return ledger;
  }

  /** Blocks until the node stops (its replication server closed, e.g. after a fatal error). */
  public void awaitTermination() throws InterruptedException {
    api.awaitTermination();
  }

  /** Asks the node's replication server to take a snapshot now (tests, operators). */
  public long snapshot() throws IOException {
    RaftClientReply r = client.getSnapshotManagementApi(RaftPeerId.valueOf(settings.nodeId()))
        .create(30_000);
    return r.getLogIndex();
  }

  RaftGroupId groupId() {
    return groupId;
  }

  @Override
  public void close() throws IOException {
    sm.proposer().stop();
    api.shutdown();
    executor.shutdownNow();
    try {
      proposerThread.join(5000);
      api.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      client.close();
      control.close();
    } finally {
      try {
        raft.close();
      } finally {
        ledger.close();
      }
    }
  }
}
