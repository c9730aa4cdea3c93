package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.ledger.ChildJvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
  @Test
  void unknownCommand_exits2() {
    assertEquals(Main.BAD_INPUT, Main.run("no-such-command"));
  }

  @Test
  void help_exits0() {
    assertEquals(Main.OK, Main.run("--help"));
  }

  @Test
  void unexpectedRuntimeException_exits3_inOneLineNamingIt() {
    String err = failing(new IllegalStateException("the index lost a grant\n\tat somewhere"));
    assertEquals("pqzk: internal error: java.lang.IllegalStateException: the index lost a grant"
        + " (PQZK_DEBUG=1 shows where)", err);
  }

  @Test
  void uncheckedIoFailure_exits2() {
    assertEquals(Main.BAD_INPUT, exit(new java.io.UncheckedIOException(
        new java.io.IOException("disk gone"))));
  }

  @Test
  void outOfMemory_exits3_inOneLine() {
    String err = failing(new OutOfMemoryError("Java heap space"));
    assertEquals("pqzk: internal error: out of memory (Java heap space); give the JVM more with"
        + " PQZK_JAVA_OPTS=-Xmx...", err);
  }

  @Test
  void otherError_exits3_inOneLine() {
    String err = failing(new StackOverflowError());
    assertEquals("pqzk: internal error: java.lang.StackOverflowError (PQZK_DEBUG=1 shows where)",
        err);
  }

  @Test
  void threadDying_endsTheProcess_exit3_inOneLine(@TempDir Path work) throws Exception {
    ChildJvm.Result r = ChildJvm.run(work, List.of(), WorkerDeathChild.class.getName(), "bug");
    assertEquals(3, r.exit(), r::describe);
    assertEquals("pqzk: internal error: a worker thread died (PQZK_DEBUG=1 shows why)",
        r.err().strip(), r::describe);
    assertFalse(r.out().contains("NOT ENDED"), r::describe);
  }

  @Test
  void workersOutOfMemory_endTheProcess_exit3_inOneLine_neverHang(@TempDir Path work)
      throws Exception {
    ChildJvm.Result r = ChildJvm.run(work, List.of("-Xmx32m"), WorkerDeathChild.class.getName(),
        "oom");
    assertEquals(3, r.exit(), r::describe);
    assertEquals(1, r.err().strip().lines().count(), r::describe);
    assertTrue(r.err().startsWith("pqzk: internal error: "), r::describe);
    assertFalse(r.out().contains("NOT ENDED"), r::describe);
  }

  /** Runs a command that throws {@code t}; asserts exit 3 and returns what it printed. */
  private static String failing(Throwable t) {
    StringWriter err = new StringWriter();
    assertEquals(Main.INTERNAL_ERROR, run(t, err));
    assertEquals(1, err.toString().lines().count(), err::toString);
    return err.toString().strip();
  }

  private static int exit(Throwable t) {
    return run(t, new StringWriter());
  }

  private static int run(Throwable t, StringWriter err) {
    CommandLine cl = Main.newCommandLine();
    cl.addSubcommand("fails", new Fails(t));
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return Main.run(cl, "fails");
  }

  @Command(name = "fails", description = "Throws what it was given.")
  static final class Fails implements Callable<Integer> {
    private final Throwable t;

    Fails(Throwable t) {
      this.t = t;
    }

    @Override
    public Integer call() throws Exception {
      if (t instanceof Error e) {
        throw e;
      }
      throw (Exception) t;
    }
  }
}
