package io.pqzk.cli;

import io.pqzk.chains.ForeignBlock;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pqzk adapter}: foreign chains' blocks as those chains see them ({@code
 * ledger-adapter/chains}).
 */
@Command(
    name = "adapter",
    mixinStandardHelpOptions = true,
    description = {"Read blocks of existing chains (Hyperledger Fabric, Ethereum)."},
    subcommands = {AdapterCommand.Hash.class})
final class AdapterCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code pqzk adapter hash}: the block number and hash, exactly as the chain computes it. */
  @Command(
      name = "hash",
      mixinStandardHelpOptions = true,
      description = {
        "Print a foreign block's number and hash, computed exactly as its chain computes it.",
        "Fabric: a serialized common.Block; the header hash is SHA-256 of the DER of number,"
            + " previous hash and data hash, and the data hash is checked against the data.",
        "Ethereum: a header as eth_getBlockByNumber JSON, or RLP of a header or whole block"
            + " (binary or hex); the fork is read from the fields present, a stated hash and"
            + " every root the input lets us recompute are checked."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:block read, its commitments hold",
          "1:an internal commitment does not match (data hash, root, stated hash)",
          "2:bad usage, or the file is not a block of that chain"})
  static final class Hash implements Callable<Integer> {
    @Option(names = "--chain", required = true, paramLabel = "CHAIN",
        description = "The adapter: fabric or ethereum.")
    String chain;

    @Option(names = "--in", required = true, paramLabel = "FILE",
        description = "The block or header file (- for standard input).")
    Path in;

    @Override
    public Integer call() {
      ForeignBlock b = ChainFiles.block(chain, in);
      System.out.println("number " + b.number());
      System.out.println("hash " + b.hashHex());
      b.chainId().ifPresent(c -> System.out.println("chain-id " + c));
      System.out.println("format " + b.layout());
      return Main.OK;
    }
  }
}
