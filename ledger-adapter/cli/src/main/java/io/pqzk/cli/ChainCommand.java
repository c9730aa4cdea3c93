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
import java.security.MessageDigest;
import java.util.HexFormat;
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
    description = "Create a chain's genesis, inspect and independently verify a ledger's block"
        + " files.",
    subcommands = {ChainInit.class, ChainCommand.Verify.class, ChainShow.class})
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
            + " every commit certificate (a quorum of floor(2n/3)+1 of the n genesis validators"
            + " signed each block), every transaction (signature, author, replay, payload rules,"
            + " proofs) and the transactions, registry and state roots. Opens everything read-only"
            + " and never touches the index; keeps what it learns in a scratch store on disk, so"
            + " its memory does not grow with the chain. Prints the genesis hash, the finalized"
            + " height and the hash of the finalized head: pin them with --genesis-hash,"
            + " --expect-height and --expect-head to compare nodes. A torn record at the very end"
            + " of the files (an append a crash interrupted, never acknowledged) is not part of"
            + " the chain: a warning names the block after which it starts, and the exit code is"
            + " that of the blocks before it.",
        "",
        "Exit 0: everything verifies. Exit 1: the first bad block, named, and what is wrong with"
            + " it (including a genesis file that parses but is not this chain's: block 0 then"
            + " fails to link), or a pinned value that does not match. Exit 2: unusable input"
            + " (missing directory or block files, a genesis file that does not parse or names"
            + " unknown algorithms, a data directory of another format). Exit 3: an internal"
            + " error (out of memory, a scratch store that cannot be written, a fault of pqzk),"
            + " never a verdict on the chain."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Options.DataDir data;

    @Option(names = "--genesis", paramLabel = "FILE",
        description = "Trusted genesis file (default: DIR/genesis.json).")
    Path genesisFile;

    @Option(names = "--genesis-hash", paramLabel = "HEX",
        description = "Exit 1 unless the genesis file hashes to HEX (the hash this command"
            + " prints).")
    String genesisHash;

    @Option(names = "--expect-height", paramLabel = "H",
        description = "Exit 1 unless the finalized height is at least H (a chain cut short).")
    Long expectHeight;

    @Option(names = "--expect-head", paramLabel = "HEX",
        description = "With --expect-height H: exit 1 unless block H has header hash HEX.")
    String expectHead;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() {
      if (expectHead != null && expectHeight == null) {
        throw CliException.badInput("--expect-head needs --expect-height (the height whose"
            + " block must have that hash)");
      }
      byte[] pinnedGenesis = genesisHash == null ? null : HexArg.hash("--genesis-hash", genesisHash);
      byte[] pinnedHead = expectHead == null ? null : HexArg.hash("--expect-head", expectHead);
      Genesis g = genesis(data.dir, genesisFile);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      HexFormat hex = HexFormat.of();
      if (pinnedGenesis != null && !MessageDigest.isEqual(pinnedGenesis, g.hash())) {
        throw CliException.rejected("--genesis-hash: the genesis file hashes to "
            + hex.formatHex(g.hash()) + ", not " + genesisHash.toLowerCase(java.util.Locale.ROOT));
      }
      Progress progress = new Progress(err, quiet, "verified through block");
      ChainVerifier.Report r;
      try (ScratchStore store = ScratchStore.create()) {
        r = new ChainVerifier(new BlockRules(g)).verify(data.dir, store, progress);
        if (expectHead != null) {
          // the state the verification built knows every header hash
          byte[] at = io.pqzk.ledger.ChainState.open(g, store).headerHashAt(expectHeight);
          if (expectHeight <= r.finalizedHeight() && !MessageDigest.isEqual(at, pinnedHead)) {
            throw CliException.rejected("--expect-head: block " + expectHeight
                + " has header hash " + hex.formatHex(at) + ", not "
                + expectHead.toLowerCase(java.util.Locale.ROOT));
          }
        }
      } catch (ScratchStore.Failure e) {
        throw CliException.internal("chain verify's scratch store failed: "
            + oneLine(e.getMessage()), e);
      } catch (LedgerException e) {
        throw failure(e);
      } catch (IOException e) {
        throw CliException.badInput("cannot read " + data.dir + ": " + e.getMessage());
      }
      out.printf("chain %s: %d blocks, %d transactions, %d registered records: all verified%n",
          g.chainId(), r.blocks(), r.transactions(), r.registrySize());
      out.printf("  genesis hash     %s%n", hex.formatHex(r.genesisHash()));
      out.printf("  finalized height %d%n", r.finalizedHeight());
      out.printf("  finalized head   %s%n", hex.formatHex(r.finalizedHash()));
      if (r.finalizedHeight() < r.blocks() - 1) {
        out.printf("  block %d is not final yet: no commit certificate of it is stored%n",
            r.blocks() - 1);
      }
      out.printf("  signatures: %d %s block, %d %s block, %d transaction, %d commit"
          + " (%d certificate bytes)%n", r.mlDsaBlockSignatures(), g.blockAlgorithm(),
          r.slhDsaBlockSignatures(), g.slhDsaAlgorithm(), r.transactions(), r.commitSignatures(),
          r.commitCertificateBytes());
      out.printf("  %.2f s, %.0f transactions/s on %d cores%n", r.nanos() / 1e9,
          r.transactionsPerSecond(), Runtime.getRuntime().availableProcessors());
      out.flush();
      if (r.tornTail() != null) {
        err.println("pqzk: warning: " + r.tornTail());
        err.flush();
      }
      if (expectHeight != null && r.finalizedHeight() < expectHeight) {
        throw CliException.rejected("--expect-height: the finalized height is "
            + r.finalizedHeight() + ", expected at least " + expectHeight
            + " (the chain was cut short, or its last blocks are not final)");
      }
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
