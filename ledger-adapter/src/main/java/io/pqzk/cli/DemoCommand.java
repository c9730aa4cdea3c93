package io.pqzk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The main job. Until the ledger engine lands it says what is there. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the embedded ledger demo (records, claims, dual-signed blocks, verification).")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println("pqzk demo: the ledger engine has not landed yet; see `pqzk --help`.");
    return Main.OK;
  }
}
