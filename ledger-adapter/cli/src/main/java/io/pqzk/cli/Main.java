package io.pqzk.cli;

import java.io.PrintWriter;
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
      NodeCommand.class,
      TxCommand.class,
      AdapterCommand.class,
      AttestCommand.class,
      RecordsCommand.class,
      AuditCommand.class,
      FhirCommand.class,
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

  /** Guards the one line an internal error prints, from the command's thread or a worker's. */
  private static final Object ERROR_LINE = new Object();
  private static boolean errorLinePrinted;

  /** The line of a start that ran out of memory, made before there was any need for it. */
  private static final byte[] STARTING_OUT_OF_MEMORY = ("pqzk: internal error: out of memory"
      + " while starting; give the JVM more with PQZK_JAVA_OPTS=-Xmx...\n")
      .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  public static void main(String[] args) {
    try {
      Thread.setDefaultUncaughtExceptionHandler(WorkerDeath.install());
    } catch (OutOfMemoryError e) {
      // the JVM's own start filled the heap (-Xmx12m): one line and exit 3 all the same
      startingOutOfMemory();
      Runtime.getRuntime().halt(INTERNAL_ERROR);
    }
    quietFhirLogs();
    System.exit(run(args));
  }

  /** Prints the line of a start that ran out of memory, allocating nothing. */
  static void startingOutOfMemory() {
    try {
      WorkerDeath.reserve = null;
      synchronized (ERROR_LINE) {
        if (!errorLinePrinted) {
          errorLinePrinted = true;
          System.err.write(STARTING_OUT_OF_MEMORY, 0, STARTING_OUT_OF_MEMORY.length);
          System.err.flush();
        }
      }
    } catch (Throwable ignored) {
      // nothing more can be said; the exit code still says it
    }
  }

  /**
   * HAPI FHIR's and Jetty's own loggers are off (SLF4J simple reads these when a logger is first
   * made): a warning of theirs can quote a request path, and so a resource id; the FHIR facade
   * writes its own request log, which never holds an id. An operator's setting stands.
   */
  static void quietFhirLogs() {
    for (String logger : new String[] {"ca.uhn.fhir", "org.hl7.fhir", "org.eclipse.jetty"}) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "off");
      }
    }
  }

  /**
   * A thread other than the command's that dies (a parallel stream's worker out of memory
   * outside its task) leaves that task unfinished, and the command's thread would wait for it
   * forever: this prints the one line and ends the process with exit 3. The heap may be full
   * when it runs (a handler that built its message, or that initialized the classes that end
   * the process, failed with a second out-of-memory error and left the process hanging), so it
   * allocates nothing, everything it uses is initialized when it is installed, and it first
   * drops a reserve of heap kept for it.
   */
  static final class WorkerDeath implements Thread.UncaughtExceptionHandler {
    @SuppressWarnings("unused") // held only to be let go
    private static volatile byte[] reserve;
    private static final byte[] OUT_OF_MEMORY = ("pqzk: internal error: out of memory in a"
        + " worker thread; give the JVM more with PQZK_JAVA_OPTS=-Xmx...\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DIED = ("pqzk: internal error: a worker thread died"
        + " (PQZK_DEBUG=1 shows why)\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final boolean DEBUG = debug();

    /**
     * A handler ready to run on a full heap. The reserve is best effort: on a heap too small to
     * hold it (under {@code -Xmx12m} the JVM's own start leaves no 4 MiB in one piece) the
     * handler runs without it, rather than the process dying before it has a handler at all.
     */
    static WorkerDeath install() {
      try {
        reserve = new byte[4 << 20];
      } catch (OutOfMemoryError e) {
        reserve = null;
      }
      try {
        Class.forName("java.lang.Shutdown", true, null); // what Runtime.halt runs
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      return new WorkerDeath();
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
      reserve = null;
      try {
        synchronized (ERROR_LINE) {
          if (!errorLinePrinted) {
            errorLinePrinted = true;
            byte[] line = e instanceof OutOfMemoryError ? OUT_OF_MEMORY : DIED;
            System.err.write(line, 0, line.length);
            System.err.flush();
          }
        }
        if (DEBUG) {
          e.printStackTrace();
        }
      } catch (Throwable ignored) {
        // nothing more can be said; the exit code still says it
      } finally {
        try {
          ScratchStore.deleteLive(); // halt runs no close: chain verify's scratch folder
        } catch (Throwable ignored) {
          // left under the temporary directory
        } finally {
          Runtime.getRuntime().halt(INTERNAL_ERROR);
        }
      }
    }
  }

  /** Runs the command line and returns the exit code (used by tests without a child JVM). */
  public static int run(String... args) {
    CommandLine cl;
    try {
      cl = newCommandLine(); // the model of every command: a few MiB of heap
    } catch (OutOfMemoryError e) {
      startingOutOfMemory();
      return INTERNAL_ERROR;
    }
    return run(cl, args);
  }

  /** Runs {@code cl}, turning any error into one line and exit 3. */
  static int run(CommandLine cl, String... args) {
    synchronized (ERROR_LINE) {
      errorLinePrinted = false;
    }
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // one line, and the code that says "internal", never "the input is invalid"
      internalError(cl.getErr(), outOfMemory(e));
      return INTERNAL_ERROR;
    } catch (Error e) {
      internalError(cl.getErr(), "pqzk: internal error: " + e.getClass().getName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
          + (debug() ? "" : " (PQZK_DEBUG=1 shows where)"));
      if (debug()) {
        e.printStackTrace(cl.getErr());
      }
      cl.getErr().flush();
      return INTERNAL_ERROR;
    }
  }

  private static String outOfMemory(Throwable e) {
    return "pqzk: internal error: out of memory"
        + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")")
        + "; give the JVM more with PQZK_JAVA_OPTS=-Xmx...";
  }

  /** Prints an internal error's line, unless one was printed already in this run. */
  private static void internalError(PrintWriter err, String line) {
    synchronized (ERROR_LINE) {
      if (!errorLinePrinted) {
        errorLinePrinted = true;
        err.println(line);
        err.flush();
      }
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
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName()
          : firstLine(ex.getMessage());
      if (ex instanceof CliException ce) {
        code = ce.exitCode();
      } else if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
        code = BAD_INPUT; // a file that cannot be read or written
      } else {
        // a bug: say so, and never let it pass for a verdict on the input
        code = INTERNAL_ERROR;
        msg = "internal error: " + ex.getClass().getName()
            + (ex.getMessage() == null ? "" : ": " + msg)
            + (debug() ? "" : " (PQZK_DEBUG=1 shows where)");
      }
      if (code == INTERNAL_ERROR) {
        internalError(cl.getErr(), "pqzk: " + msg);
      } else {
        cl.getErr().println("pqzk: " + msg);
      }
      if (debug()) {
        ex.printStackTrace(cl.getErr());
      }
      return code;
    }
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("");
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
