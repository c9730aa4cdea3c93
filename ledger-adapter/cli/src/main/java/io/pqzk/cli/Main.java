package io.pqzk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pqzk} command line. Exit codes as {@code docs/CLI.md} states them: 0 ok,
 * 1 verification failed, 2 bad usage or input. Errors print one line naming the problem; set
 * {@code PQZK_DEBUG=1} for stack traces.
 */
@Command(
    name = "pqzk",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Post-quantum signatures and zero-knowledge claims for ledgers.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      ZokratesCommand.class,
      RegistryCommand.class,
      ClaimCommand.class,
      ChainCommand.class,
      VectorsCommand.class,
      KeygenCommand.class,
      SignCommand.class,
      VerifyCommand.class,
    })
public final class Main implements Runnable {

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: a signature, block or proof did not verify. */
  public static final int VERIFICATION_FAILED = 1;
  /** Exit code: bad usage or malformed input. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (used by tests without a child JVM). */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new Errors());
    cl.setExitCodeExceptionMapper(t -> BAD_INPUT);
    cl.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
    return cl;
  }

  /** Turns exceptions into one readable line and an exit code; stack traces only on request. */
  static final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
      int code = ex instanceof CliException ce ? ce.exitCode() : BAD_INPUT;
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      cl.getErr().println("pqzk: " + msg);
      if (debug()) {
        ex.printStackTrace(cl.getErr());
      }
      return code;
    }
  }

  static boolean debug() {
    String v = System.getenv("PQZK_DEBUG");
    return v != null && !v.isEmpty() && !v.equals("0");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "pqzk " + (v == null ? "dev" : v),
        "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
      };
    }
  }
}
