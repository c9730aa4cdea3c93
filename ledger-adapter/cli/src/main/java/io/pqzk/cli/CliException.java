package io.pqzk.cli;

/** An error meant for the user: printed as one line, mapped to an exit code. */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** A verification failure (exit 1). */
  public static CliException rejected(String message) {
    return new CliException(Main.VERIFICATION_FAILED, message);
  }

  /** Bad usage or malformed input (exit 2). */
  public static CliException badInput(String message) {
    return new CliException(Main.BAD_INPUT, message);
  }
}
