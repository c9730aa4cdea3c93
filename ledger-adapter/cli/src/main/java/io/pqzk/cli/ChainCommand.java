package io.pqzk.cli;

import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.store.DamagedRecordException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pqzk chain verify|show}: read-only tools over a ledger data directory. */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description = "Inspect and independently verify a ledger's block files.",
    subcommands = {ChainCommand.Verify.class, ChainShow.class})
final class ChainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Loads the genesis a command trusts: {@code --genesis} or {@code DIR/genesis.json}. */
  static Genesis genesis(Path data, Path genesisFile) {
    if (!Files.isDirectory(data)) {
      throw CliException.badInput("data directory " + data + " does not exist");
    }
    Path g = genesisFile != null ? genesisFile : data.resolve(Genesis.FILE_NAME);
    try {
      return Genesis.load(g);
    } catch (MalformedInputException e) {
      throw CliException.badInput(oneLine(e.getMessage()));
    }
  }

  /** Maps a ledger failure to the command line's exit codes. */
  static CliException failure(LedgerException e) {
    String msg = oneLine(e.getMessage());
    if (e instanceof BlockRejectedException || e instanceof DamagedRecordException) {
      return CliException.rejected("chain verification failed at " + msg);
    }
    return CliException.badInput(msg);
  }

  /** Errors are one line: a library message spanning several keeps its first line. */
  static String oneLine(String message) {
    return String.valueOf(message).lines().findFirst().orElse("").strip();
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Independently re-verify every block, trusting only the genesis file.",
        "",
        "Checks record checksums, header links, proposers, ML-DSA and SLH-DSA block signatures,"
            + " every transaction (signature, author, replay, payload rules) and the transactions,"
            + " registry and state roots. Opens everything read-only and never touches the index.",
        "",
        "Exit 0: everything verifies. Exit 1: the first bad block, named, and what is wrong with"
            + " it (including a genesis file that parses but is not this chain's: block 0 then"
            + " fails to link). Exit 2: unusable input (missing directory or block files, a"
            + " genesis file that does not parse or names unknown algorithms)."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Options.DataDir data;

    @Option(names = "--genesis", paramLabel = "FILE",
        description = "Trusted genesis file (default: DIR/genesis.json).")
    Path genesisFile;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() {
      Genesis g = genesis(data.dir, genesisFile);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Progress progress = new Progress(err, quiet, "verified through block");
      ChainVerifier.Report r;
      try {
        r = new ChainVerifier(new BlockRules(g)).verify(Ledger.blocksDir(data.dir), progress);
      } catch (LedgerException e) {
        throw failure(e);
      } catch (IOException e) {
        throw CliException.badInput("cannot read " + data.dir + ": " + e.getMessage());
      }
      out.printf("chain %s: %d blocks, %d transactions, %d registered records: all verified%n",
          g.chainId(), r.blocks(), r.transactions(), r.registrySize());
      out.printf("  signatures: %d %s block, %d %s block, %d transaction%n",
          r.mlDsaBlockSignatures(), g.blockAlgorithm(), r.slhDsaBlockSignatures(),
          g.slhDsaAlgorithm(), r.transactions());
      out.printf("  %.2f s, %.0f transactions/s on %d cores%n", r.nanos() / 1e9,
          r.transactionsPerSecond(), Runtime.getRuntime().availableProcessors());
      out.flush();
      return Main.OK;
    }
  }

  /** Prints a progress line at most every two seconds. */
  static final class Progress implements java.util.function.LongConsumer {
    private final PrintWriter err;
    private final boolean quiet;
    private final String label;
    private long last = System.nanoTime();

    Progress(PrintWriter err, boolean quiet, String label) {
      this.err = err;
      this.quiet = quiet;
      this.label = label;
    }

    @Override
    public void accept(long value) {
      long now = System.nanoTime();
      if (!quiet && now - last > 2_000_000_000L) {
        err.println("  ... " + label + " " + value);
        err.flush();
        last = now;
      }
    }
  }
}
