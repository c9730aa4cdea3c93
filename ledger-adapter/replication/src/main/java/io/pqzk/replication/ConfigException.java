package io.pqzk.replication;

/** A node or network configuration that cannot be used; the message names the field. */
public final class ConfigException extends ReplicationException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
