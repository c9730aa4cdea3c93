package io.pqzk.cli;

import io.pqzk.common.DurableFiles;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.replication.ConfigException;
import io.pqzk.replication.NetworkGenesis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pqzk chain init}: a genesis file from a network's readable description. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Build a chain's genesis file from network.json and print its hash.",
      "",
      "network.json names the chain id, the validators (each with its ML-DSA and SLH-DSA public"
          + " key files, as pqzk node init writes them), the authorities and participants, the"
          + " claim systems (with the pinned key of a system that has a trusted setup), the"
          + " limits (the clock-drift bound among them) and the SLH-DSA policy; see"
          + " ledger-adapter/replication/README.md. Writes DIR/genesis.json, which every node"
          + " of the network is then started with; refuses to replace one without --force."
    })
final class ChainInit implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "The network's description, network.json.")
  Path config;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Where to write genesis.json.")
  Path out;

  @Option(names = "--force", description = "Replace an existing DIR/genesis.json.")
  boolean force;

  @Override
  public Integer call() {
    byte[] json;
    Genesis g;
    try {
      json = NetworkGenesis.build(config);
      g = Genesis.parse(json);
    } catch (ConfigException | MalformedInputException e) {
      throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
    }
    Path file = out.resolve(Genesis.FILE_NAME);
    CliFiles.checkWritable("--out", file, force);
    CliFiles.write("--out", file, json, DurableFiles.Access.PUBLIC, force);
    PrintWriter o = spec.commandLine().getOut();
    o.printf("wrote %s: chain %s, %d validators (quorum %d), genesis hash %s%n", file,
        g.chainId(), g.validators().size(), g.commitSigners().threshold(),
        HexFormat.of().formatHex(g.hash()));
    o.flush();
    return Main.OK;
  }
}
