package io.pqzk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pqzk} command line. Exit codes as {@code docs/CLI.md} states them: 0 ok,
 * 1 verification failed (or access refused), 2 bad usage or input, 3 internal error. Errors print
 * one line naming the problem; set {@code PQZK_DEBUG=1} for stack traces.
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
      AdapterCommand.class,
      AttestCommand.class,
      RecordsCommand.class,
      AuditCommand.class,
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
  /** Exit code: an internal error (out of memory, a bug): never a verdict on the input. */
  public static final int INTERNAL_ERROR = 3;

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
    CommandLine cl = newCommandLine();
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // one line, and the code that says "internal", never "the input is invalid"
      cl.getErr().println("pqzk: internal error: out of memory (" + e.getMessage()
          + "); give the JVM more with PQZK_JAVA_OPTS=-Xmx...");
      cl.getErr().flush();
      return INTERNAL_ERROR;
    } catch (Error e) {
      cl.getErr().println("pqzk: internal error: " + e);
      if (debug()) {
        e.printStackTrace(cl.getErr());
      }
      cl.getErr().flush();
      return INTERNAL_ERROR;
    }
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
      int code;
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      if (ex instanceof CliException ce) {
        code = ce.exitCode();
      } else if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
        code = BAD_INPUT; // a file that cannot be read or written
      } else {
        code = INTERNAL_ERROR;
        msg = "internal error: " + msg + " (PQZK_DEBUG=1 shows where)";
      }
      cl.getErr().println("pqzk: " + msg.lines().findFirst().orElse(""));
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
