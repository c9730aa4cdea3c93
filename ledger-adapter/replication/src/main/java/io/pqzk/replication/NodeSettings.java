package io.pqzk.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.replication.proto.NodeConfig;
import io.pqzk.replication.proto.PeerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A node's configuration file ({@code node.json}, the JSON form of {@code NodeConfig} in
 * replication.proto), checked, with every path resolved against the file's folder.
 */
public record NodeSettings(String nodeId, Path dataDir, Path genesis, InetSocketAddress raft,
    InetSocketAddress api, List<Peer> peers, Path mlDsaPublic, Path mlDsaPrivate,
    Path slhDsaPublic, Path slhDsaPrivate, Path passphraseFile, Path tlsCa,
    Path tlsCertificate, Path tlsPrivateKey, int maxBlockTransactions, int maxBlockWaitMillis,
    int snapshotEveryEntries, boolean joins, int logSegmentBytes) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A member of the initial network: its id, replication endpoint and client API endpoint. */
  public record Peer(String id, InetSocketAddress raft, InetSocketAddress api) {}

  public NodeSettings {
    peers = List.copyOf(peers);
  }

  /** Where the ledger's data directory lies (genesis, blocks, index, head certificate). */
  public Path ledgerDir() {
    return dataDir.resolve("ledger");
  }

  /** Where the replication log and its snapshots lie. */
  public Path raftDir() {
    return dataDir.resolve("raft");
  }

  /** Reads and checks {@code file}. */
  public static NodeSettings load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read node configuration " + file + ": " + e.getMessage(),
          e);
    }
    NodeConfig.Builder b = NodeConfig.newBuilder();
    try {
      io.pqzk.ledger.ProtoJson.merge(text, b);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new ConfigException(file + " is not a valid node configuration: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
    return of(b.build(), file.toAbsolutePath().getParent());
  }

  /** Checks {@code c}, resolving its paths against {@code base}. */
  public static NodeSettings of(NodeConfig c, Path base) throws ConfigException {
    if (!ID.matcher(c.getNodeId()).matches()) {
      throw new ConfigException("node_id must be 1 to 64 characters of [A-Za-z0-9._-] (the"
          + " validator's name in the genesis), got '" + c.getNodeId() + "'");
    }
    List<Peer> peers = new ArrayList<>();
    boolean self = false;
    for (PeerConfig p : c.getPeersList()) {
      if (!ID.matcher(p.getId()).matches()) {
        throw new ConfigException("peers: id '" + p.getId() + "' must be 1 to 64 characters of"
            + " [A-Za-z0-9._-]");
      }
      peers.add(new Peer(p.getId(), address("peers[" + p.getId() + "].raft_address",
          p.getRaftAddress()), address("peers[" + p.getId() + "].api_address",
          p.getApiAddress())));
      self |= p.getId().equals(c.getNodeId());
    }
    if (peers.isEmpty()) {
      throw new ConfigException("peers must name the network's members");
    }
    if (!c.getJoin() && !self) {
      throw new ConfigException("peers must list this node (" + c.getNodeId() + ") too, unless"
          + " it joins a running network (join: true)");
    }
    if (!c.hasKeys() || !c.hasTls()) {
      throw new ConfigException("keys and tls must both be set");
    }
    return new NodeSettings(c.getNodeId(), path(base, "data_dir", c.getDataDir()),
        path(base, "genesis", c.getGenesis()), address("raft_address", c.getRaftAddress()),
        address("api_address", c.getApiAddress()), peers,
        path(base, "keys.ml_dsa_public", c.getKeys().getMlDsaPublic()),
        path(base, "keys.ml_dsa_private", c.getKeys().getMlDsaPrivate()),
        path(base, "keys.slh_dsa_public", c.getKeys().getSlhDsaPublic()),
        path(base, "keys.slh_dsa_private", c.getKeys().getSlhDsaPrivate()),
        path(base, "keys.passphrase_file", c.getKeys().getPassphraseFile()),
        path(base, "tls.ca", c.getTls().getCa()),
        path(base, "tls.certificate", c.getTls().getCertificate()),
        path(base, "tls.private_key", c.getTls().getPrivateKey()),
        c.getMaxBlockTransactions(),
        c.getMaxBlockWaitMillis() == 0 ? 20 : c.getMaxBlockWaitMillis(),
        c.getSnapshotEveryEntries() == 0 ? 1024 : c.getSnapshotEveryEntries(), c.getJoin(),
        c.getLogSegmentBytes() == 0 ? 8 << 20 : c.getLogSegmentBytes());
  }

  private static Path path(Path base, String field, String value) throws ConfigException {
    if (value.isEmpty()) {
      throw new ConfigException(field + " is required");
    }
    try {
      return base.resolve(value).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException(field + ": '" + value + "' is not a valid path (" + e.getReason()
          + ")", e);
    }
  }

  /** Parses {@code host:port}. */
  public static InetSocketAddress address(String field, String value) throws ConfigException {
    int colon = value.lastIndexOf(':');
    if (colon <= 0) {
      throw new ConfigException(field + " must be host:port, got '" + value + "'");
    }
    try {
      int port = Integer.parseInt(value.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return InetSocketAddress.createUnresolved(value.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new ConfigException(field + ": port must be 1 to 65535, got '" + value + "'");
    }
  }

  /** {@code host:port} of an address. */
  public static String text(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }
}
