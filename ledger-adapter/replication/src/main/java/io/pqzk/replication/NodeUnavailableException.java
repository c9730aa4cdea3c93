package io.pqzk.replication;

/** No node could be reached, or none answered in time; the message says which and why. */
public final class NodeUnavailableException extends ReplicationException {
  private static final long serialVersionUID = 1L;

  public NodeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
