package io.pqzk.sig;

/**
 * Verifies signatures under one public key and one set of {@link SignatureOptions}. Returns
 * normally only when the signature is valid. Implementations are thread-safe.
 */
public interface Verifier {
  /**
   * @throws SignatureVerificationException if the signature is invalid or malformed (the message
   *     says which), including a wrong length
   */
  void verify(byte[] message, byte[] signature) throws SignatureVerificationException;
}
