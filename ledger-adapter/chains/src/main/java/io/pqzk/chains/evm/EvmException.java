package io.pqzk.chains.evm;

import io.pqzk.chains.ChainException;

/** An EVM node that refused or failed a call, a deployment or a transaction; says which. */
public final class EvmException extends ChainException {
  private static final long serialVersionUID = 1L;

  public EvmException(String message) {
    super(message);
  }

  public EvmException(String message, Throwable cause) {
    super(message, cause);
  }
}
