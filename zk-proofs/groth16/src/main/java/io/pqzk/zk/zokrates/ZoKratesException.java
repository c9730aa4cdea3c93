package io.pqzk.zk.zokrates;

import io.pqzk.zk.ProofException;

/**
 * An error reported by ZoKrates or by its worker. Subclasses say which: {@link Compile} (the
 * message is ZoKrates' own, with file, line and column), {@link Witness} (inputs that do not
 * satisfy the program, e.g. a failed assertion), {@link Timeout} and {@link Worker} (the Node
 * process died, could not start, or answered nonsense).
 */
public class ZoKratesException extends ProofException {
  private static final long serialVersionUID = 1L;

  public ZoKratesException(String message) {
    super(message);
  }

  public ZoKratesException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A compile error; the message is ZoKrates' (it names the location, e.g. "--> 2:13"). */
  public static final class Compile extends ZoKratesException {
    private static final long serialVersionUID = 1L;

    public Compile(String message) {
      super(message);
    }
  }

  /** Witness computation failed: the arguments do not satisfy the program. */
  public static final class Witness extends ZoKratesException {
    private static final long serialVersionUID = 1L;

    public Witness(String message) {
      super(message);
    }
  }

  /** The worker did not answer in time; it has been killed and restarts on the next call. */
  public static final class Timeout extends ZoKratesException {
    private static final long serialVersionUID = 1L;

    public Timeout(String message) {
      super(message);
    }
  }

  /** The worker could not be started, died, or broke the protocol. */
  public static final class Worker extends ZoKratesException {
    private static final long serialVersionUID = 1L;

    public Worker(String message) {
      super(message);
    }

    public Worker(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
