package io.pqzk.bench.sig;

/**
 * One implementation of keygen, sign and verify for one parameter set, behind the same three
 * calls so that the project's API and the raw provider are measured by identical benchmark code.
 * {@link #prepare} makes the key pair and signature that {@code sign} and {@code verify} reuse.
 */
interface SigOps {
  /** Makes and returns a fresh key pair (opaque to the benchmark). */
  Object keygen() throws Exception;

  /** Makes one hedged signature of the prepared message with the prepared key. */
  byte[] sign() throws Exception;

  /** Verifies the prepared signature; throws when it does not verify. */
  void verify() throws Exception;

  /** Creates the key pair and the signature over {@code message} used by sign and verify. */
  void prepare(byte[] message) throws Exception;
}
