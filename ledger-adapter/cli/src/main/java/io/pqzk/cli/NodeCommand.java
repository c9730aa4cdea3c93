package io.pqzk.cli;

import io.pqzk.cli.demo.KeyFiles;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.crypto.UnsupportedAlgorithmException;
import io.pqzk.replication.Certificates;
import io.pqzk.replication.ConfigException;
import io.pqzk.replication.LedgerClient;
import io.pqzk.replication.NodeLauncher;
import io.pqzk.replication.ReplicationException;
import io.pqzk.replication.proto.GetStatusReply;
import io.pqzk.replication.proto.Peer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pqzk node init|start|status}: one validator node of a replicated ledger. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Run a validator node of a replicated ledger (Raft through Apache Ratis, a gRPC"
        + " client API, mutual TLS).",
    subcommands = {NodeCommand.Init.class, NodeCommand.Start.class, NodeCommand.Status.class})
final class NodeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static CliException failure(ReplicationException e) {
    return CliException.badInput(ChainCommand.oneLine(e.getMessage()));
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Create a node's keys and, from a CA, its mutual-TLS certificate.",
        "",
        "Writes DIR/keys/ID.ML-DSA-65.pub and .key, and DIR/keys/ID.SLH-DSA-SHA2-128f.pub and"
            + " .key (private keys encrypted under the passphrase), for the network's"
            + " network.json. With --ca CADIR it also writes DIR/tls/ID.pem, DIR/tls/ID.key and"
            + " DIR/tls/ca.pem, issued by the CA in CADIR (ca.pem, ca.key), which is created"
            + " first when CADIR holds none: a private CA for a test cluster. With --client it"
            + " writes only a client certificate (for pqzk tx submit and pqzk node status)."
      })
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "ID",
        description = "The node's id: the validator's name in network.json.")
    String id;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Where to write keys/ and tls/.")
    Path out;

    @Option(names = "--ca", paramLabel = "CADIR",
        description = "Issue the TLS certificate from the CA in CADIR (created when missing).")
    Path ca;

    @Option(names = "--host", paramLabel = "HOST", split = ",", defaultValue = "127.0.0.1,localhost",
        description = "Names and addresses the node's certificate is valid for (default:"
            + " ${DEFAULT-VALUE}).")
    List<String> hosts;

    @Option(names = "--client", description = "Write only a client certificate named ID.")
    boolean client;

    @Option(names = "--slh-dsa", paramLabel = "ALG", defaultValue = "SLH-DSA-SHA2-128f",
        description = "SLH-DSA parameter set of the validator key (default: ${DEFAULT-VALUE}).")
    String slhAlgorithm;

    @Mixin Options.PassphraseFile passphraseFile;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      if (client && ca == null) {
        throw CliException.badInput("--client needs --ca CADIR (the CA that issues it)");
      }
      if (!client) {
        Path keys = Files.createDirectories(out.resolve("keys"));
        for (String alg : List.of("ML-DSA-65", slhAlgorithm)) {
          CliFiles.checkWritable("--out", KeyFiles.privateFile(keys, id, alg), false);
        }
        char[] pass = Passphrases.forEncrypt(passphraseFile.file, keys);
        try {
          for (String alg : List.of("ML-DSA-65", slhAlgorithm)) {
            LedgerSigningKey k;
            try {
              k = Signatures.generate(alg);
            } catch (UnsupportedAlgorithmException e) {
              throw CliException.badInput(e.getMessage());
            }
            KeyFiles.write(keys, id, k, pass);
            o.println("wrote " + KeyFiles.publicFile(keys, id, alg) + " and "
                + KeyFiles.privateFile(keys, id, alg) + " (key id " + k.publicKey().keyIdHex()
                + ")");
            k.destroy();
          }
        } finally {
          Arrays.fill(pass, '\0');
        }
      }
      if (ca != null) {
        Certificates.Authority authority;
        if (Files.exists(ca.resolve("ca.pem"))) {
          try {
            authority = Certificates.readAuthority(ca);
          } catch (GeneralSecurityException e) {
            throw CliException.badInput("cannot read the CA in " + ca + ": " + e.getMessage());
          }
        } else {
          authority = Certificates.newAuthority(ca, "pqzk network CA");
          o.println("created a private CA in " + ca + " (ca.pem, ca.key)");
        }
        var tls = Certificates.issue(authority, out.resolve("tls"), id,
            client ? List.of() : hosts);
        o.println("wrote " + tls.certificate() + ", " + tls.privateKey() + " and " + tls.ca()
            + (client ? " (client certificate)" : " (valid for " + String.join(", ", hosts)
                + ")"));
      }
      o.flush();
      return Main.OK;
    }
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Start a validator node and run it until it is stopped.",
        "",
        "Reads node.json (node_id, data_dir, genesis, raft_address, api_address, peers, keys,"
            + " tls; see ledger-adapter/replication/README.md). The keys' passphrase is read from"
            + " keys.passphrase_file, so the node starts unattended. SIGTERM stops it in order;"
            + " after a crash it recovers from its own files and the other nodes."
      })
  static final class Start implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE",
        description = "The node's configuration, node.json.")
    Path config;

    @Override
    public Integer call() throws Exception {
      int code = NodeLauncher.run(config);
      return code == 0 ? Main.OK : Main.BAD_INPUT;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Print a node's role, term, leader, finalized height, head hash and peers.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--node", required = true, paramLabel = "HOST:PORT",
        description = "The node's client API address.")
    String node;

    @Mixin Options.ClientTls tls;

    @Override
    public Integer call() {
      GetStatusReply s;
      try (LedgerClient c = LedgerClient.connect(node, tls.tls())) {
        s = c.status(20);
      } catch (ConfigException e) {
        throw failure(e);
      } catch (ReplicationException e) {
        throw CliException.rejected(ChainCommand.oneLine(e.getMessage()));
      }
      PrintWriter o = spec.commandLine().getOut();
      HexFormat hex = HexFormat.of();
      o.printf("node %s: %s, term %d, leader %s%n", s.getNodeId(), s.getRole(), s.getTerm(),
          s.getLeaderId().isEmpty() ? "(none)" : s.getLeaderId());
      o.printf("  chain %s, genesis %s%n", s.getChainId(), hex.formatHex(
          s.getGenesisHash().toByteArray()));
      o.printf("  height %d, finalized height %d, head %s%n", s.getHeight(),
          s.getFinalizedHeight(), hex.formatHex(s.getHeadHash().toByteArray()));
      o.printf("  pending %d, validator set version %d, log index %d%n",
          s.getPendingTransactions(), s.getValidatorSetVersion(), s.getLastAppliedIndex());
      List<String> peers = new ArrayList<>();
      for (Peer p : s.getPeersList()) {
        peers.add(p.getId() + "@" + p.getAddress());
      }
      o.println("  peers " + String.join(", ", peers));
      o.flush();
      return Main.OK;
    }
  }
}
