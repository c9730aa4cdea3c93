package io.pqzk.zk.registry;

import io.pqzk.zk.ProofException;

/** A registry (records CSV, public registry file, private openings) could not be read or used. */
public class RegistryException extends ProofException {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
