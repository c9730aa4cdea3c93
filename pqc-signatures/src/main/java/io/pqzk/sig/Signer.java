package io.pqzk.sig;

/**
 * Signs with one private key and one set of {@link SignatureOptions}. Implementations are
 * thread-safe.
 */
public interface Signer {
  /**
   * Signs {@code message} (or M' or mu, as the options' {@link SignatureOptions.Input} says).
   *
   * @throws WrongLengthException if mu or the given randomness has the wrong length
   * @throws PqSignatureException if the provider fails
   */
  byte[] sign(byte[] message) throws PqSignatureException;
}
