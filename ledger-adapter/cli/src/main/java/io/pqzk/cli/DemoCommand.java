package io.pqzk.cli;

import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.cli.demo.Demo;
import io.pqzk.cli.demo.DemoSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: an embedded ledger end to end, then an independent re-validation. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedded ledger end to end and print a summary.",
      "",
      "Creates a genesis with fresh validator keys (ML-DSA-65 on every block, SLH-DSA per the"
          + " policy), generates synthetic service-member records, registers their commitments,"
          + " writes access grants and access events, proves claims about records (STARK; Groth16"
          + " too when zokrates-js is installed), seals dual-signed blocks (each fsync'd before it"
          + " counts), then re-validates the whole chain from the files as an independent node"
          + " would. Keys are written to DIR/keys (encrypted; the demo passphrase sits beside"
          + " them), records and their salts to DIR/records (private).",
      "",
      "DIR must be new, empty, or a directory an earlier demo made (it writes a PQZK-DEMO file"
          + " there first); any other directory is refused, even with --force, and left"
          + " untouched. The demo takes the ledger lock (DIR/LOCK) before it changes anything and"
          + " refuses while another process has the ledger open. A chain already in DIR is"
          + " replaced only with --force, which deletes what a demo wrote and nothing else (never"
          + " a lock file).",
      "",
      "Afterwards: pqzk chain verify --data DIR, and pqzk chain show --data DIR --height H."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Options.DataDir data;

  @Option(names = "--records", paramLabel = "N", defaultValue = "1000",
      description = "Synthetic records to register (default: ${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--validators", paramLabel = "V", defaultValue = "3",
      description = "Validators in the genesis; they propose in turn (default: ${DEFAULT-VALUE}).")
  int validators;

  @Option(names = "--block-size", paramLabel = "TX", defaultValue = "64",
      description = "Transactions per block (default: ${DEFAULT-VALUE}).")
  int blockSize;

  @Option(names = "--slh-dsa", paramLabel = "ALG", defaultValue = "SLH-DSA-SHA2-128f",
      description = "SLH-DSA parameter set of the validators (default: ${DEFAULT-VALUE}).")
  String slhAlgorithm;

  @Option(names = "--slh-every", paramLabel = "N", defaultValue = "1",
      description = "SLH-DSA on every block (1) or a checkpoint every N blocks"
          + " (default: ${DEFAULT-VALUE}).")
  int slhEvery;

  @Option(names = "--groth16", paramLabel = "auto|on|off", defaultValue = "auto",
      description = {"Groth16 claims next to the STARK ones (default: ${DEFAULT-VALUE}): auto"
          + " includes them when Node and zokrates-js are installed (npm ci in zk-proofs/groth16/node),"
          + " on fails when they are not. Groth16 is NOT post-quantum sound and needs a trusted"
          + " setup: the demo runs its own once (cached in ~/.cache/pqzk/zokrates or"
          + " $PQZK_ZOKRATES_DIR) and pins its verification key in the genesis."})
  String groth16;

  @Option(names = "--force", description = "Replace the chain an earlier demo left in DIR (only"
      + " the files a demo writes are deleted).")
  boolean force;

  @Option(names = "--nodes", paramLabel = "N",
      description = {"Run an N-node replicated network on loopback instead, each node a"
          + " separate process (pqzk node start): --records transactions from concurrent"
          + " clients, the leader killed with SIGKILL part way and restarted, then every"
          + " acknowledged transaction looked for on every node and each node's directory"
          + " verified. Prints acknowledged, present on every node and lost."})
  Integer nodes;

  @Override
  public Integer call() {
    if (records < 1 || records > 1_000_000) {
      throw CliException.badInput("--records must be 1 to 1000000, got " + records);
    }
    if (validators < 1 || validators > 100) {
      throw CliException.badInput("--validators must be 1 to 100, got " + validators);
    }
    if (blockSize < 1 || blockSize > 10_000) {
      throw CliException.badInput("--block-size must be 1 to 10000, got " + blockSize);
    }
    if (slhEvery < 1) {
      throw CliException.badInput("--slh-every must be at least 1, got " + slhEvery);
    }
    if (!Signatures.ALGORITHMS.contains(slhAlgorithm) || !Signatures.isSlhDsa(slhAlgorithm)) {
      throw CliException.badInput("--slh-dsa: unknown SLH-DSA parameter set '" + slhAlgorithm
          + "'");
    }
    Demo.Groth16 groth16Mode = switch (groth16) {
      case "auto" -> Demo.Groth16.AUTO;
      case "on" -> Demo.Groth16.ON;
      case "off" -> Demo.Groth16.OFF;
      default -> throw CliException.badInput("--groth16 must be auto, on or off, got '" + groth16
          + "'");
    };
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (nodes != null) {
      return cluster(out, err);
    }
    Demo demo = new Demo(new Demo.Options(data.dir, records, validators, blockSize, slhAlgorithm,
        slhEvery, force, groth16Mode), new Demo.Listener() {
          private long last;
          private long phaseStart = -1;

          @Override
          public void phase(String name) {
            long now = System.nanoTime();
            if (phaseStart >= 0) {
              err.printf("   (%.1f s)%n", (now - phaseStart) / 1e9);
            }
            err.printf("== %s%n", name);
            phaseStart = now;
            err.flush();
            last = System.nanoTime();
          }

          @Override
          public void progress(long done, long total) {
            long now = System.nanoTime();
            if (now - last > 1_000_000_000L || done == total) {
              err.printf("   %d / %d%n", done, total);
              err.flush();
              last = now;
            }
          }
        });
    DemoSummary s;
    try {
      s = demo.run();
    } catch (MalformedInputException e) {
      throw CliException.badInput(e.getMessage());
    } catch (LedgerException e) {
      throw ChainCommand.failure(e);
    } catch (IOException e) {
      throw CliException.badInput("I/O error in " + data.dir + ": " + e);
    }
    out.println();
    s.lines().forEach(out::println);
    demo.recordLines().forEach(out::println);
    out.println("data in " + data.dir.toAbsolutePath() + "; check it again with: ./pqzk chain verify"
        + " --data " + data.dir);
    out.flush();
    return Main.OK;
  }

  private Integer cluster(PrintWriter out, PrintWriter err) {
    if (nodes < 1 || nodes > 16) {
      throw CliException.badInput("--nodes must be 1 to 16, got " + nodes);
    }
    try {
      if (java.nio.file.Files.exists(data.dir)) {
        try (var entries = java.nio.file.Files.list(data.dir)) {
          if (entries.findAny().isPresent()) {
            if (!io.pqzk.cli.demo.ClusterDemo.isClusterDemo(data.dir)) {
              throw CliException.badInput(data.dir + " is not empty and is not a cluster demo's"
                  + " directory (no " + io.pqzk.cli.demo.ClusterDemo.MARKER + " file): the demo"
                  + " deletes nothing it did not make, even with --force; choose another --data");
            }
            if (!force) {
              throw CliException.badInput(data.dir + " is not empty; pass --force to replace"
                  + " what is in it");
            }
            io.pqzk.cli.demo.ClusterDemo.clear(data.dir);
          }
        }
      }
      io.pqzk.cli.demo.ClusterDemo.Result r = new io.pqzk.cli.demo.ClusterDemo(data.dir, nodes,
          records, err).run();
      out.println();
      out.printf("acknowledged %d, present on every node %d, lost %d%n", r.acknowledged(),
          r.presentEverywhere(), r.lost());
      r.verified().forEach(v -> out.println("  chain verify " + v));
      out.println("each node's data in " + data.dir.toAbsolutePath().resolve("nN/data/ledger")
          + "; check one again with: ./pqzk chain verify --data " + data.dir.resolve(
              "n0/data/ledger"));
      out.flush();
      return r.lost() == 0 ? Main.OK : Main.VERIFICATION_FAILED;
    } catch (LedgerException e) {
      throw ChainCommand.failure(e);
    } catch (io.pqzk.replication.ReplicationException e) {
      throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
    } catch (IOException e) {
      throw CliException.badInput("I/O error in " + data.dir + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.badInput("interrupted");
    }
  }
}
