package io.pqzk.replication;

/** Root of the replication module's checked exceptions; the message names what is wrong. */
public class ReplicationException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReplicationException(String message) {
    super(message);
  }

  public ReplicationException(String message, Throwable cause) {
    super(message, cause);
  }
}
