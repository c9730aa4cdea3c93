package io.pqzk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the {@code pqzk} command line in this JVM through {@link Main#run} (the path a user's
 * invocation takes, error handling included), capturing its exit code and output.
 */
public record CliRun(int exit, String out, String err) {

  public static synchronized CliRun of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.run(args);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** For assertion messages: the exit code and what was printed. */
  public String describe() {
    return "exit " + exit + ", stdout [" + out.strip() + "], stderr [" + err.strip() + "]";
  }

  @Override
  public String toString() {
    return describe();
  }
}
