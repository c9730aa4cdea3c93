package io.pqzk.zk.registry;

/**
 * Stored registry data that does not add up: commitments that do not recompute to the stored
 * root, an opening that does not hash to its commitment, files of different registries mixed.
 */
public final class RegistryIntegrityException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public RegistryIntegrityException(String message) {
    super(message);
  }

  public RegistryIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
