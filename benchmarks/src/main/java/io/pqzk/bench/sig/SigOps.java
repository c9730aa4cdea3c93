package io.pqzk.bench.sig;

/**
 * One implementation of keygen, sign and verify for one parameter set, behind the same three
 * calls so that the project's API and the raw provider are measured by identical benchmark code.
 * {@link #prepare} makes the key pair and signature that {@code sign} and {@code verify} reuse.
 */
interface SigOps {
  /** The benchmarked message: 1 KiB, the same bytes in every run. */
  static byte[] message() {
    return message(1024);
  }

  /** A fixed pseudo-random message of {@code length} bytes (the same in every run). */
  static byte[] message(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("message length must be >= 0: " + length);
    }
    byte[] m = new byte[length];
    new java.util.SplittableRandom(length).nextBytes(m);
    return m;
  }

  /**
   * The implementation named by the benchmark parameters: {@code api} is {@code pqzk} or
   * {@code raw}, {@code provider} is {@code BC}, {@code JDK} or {@code PQZK} (the module's own
   * verifiers: the {@code pqzk} provider of the API, or the JCA provider "PQZK" for raw).
   */
  static SigOps create(String api, String provider, String algorithm) throws Exception {
    if (!provider.equals("BC") && !provider.equals("JDK") && !provider.equals("PQZK")) {
      throw new IllegalArgumentException("provider must be BC, JDK or PQZK, not " + provider);
    }
    switch (api) {
      case "pqzk":
        return new PqzkOps(provider, algorithm);
      case "raw":
        switch (provider) {
          case "BC": return RawJcaOps.bouncyCastle(algorithm);
          case "JDK": return RawJcaOps.jdk(algorithm);
          default: return RawJcaOps.pqzk(algorithm);
        }
      default:
        throw new IllegalArgumentException("api must be pqzk or raw, not " + api);
    }
  }

  /** Makes and returns a fresh key pair (opaque to the benchmark). */
  Object keygen() throws Exception;

  /** Makes one hedged signature of the prepared message with the prepared key. */
  byte[] sign() throws Exception;

  /** Verifies the prepared signature; throws when it does not verify. */
  void verify() throws Exception;

  /** Creates the key pair and the signature over {@code message} used by sign and verify. */
  void prepare(byte[] message) throws Exception;

  /**
   * The validator's case: verifies the prepared signature through a verifier made for this call
   * from the prepared key object (the same key every call).
   */
  void verifyRepeatedKey() throws Exception;

  /**
   * Makes {@code count} further key pairs and their signatures of the prepared message, for
   * {@link #verifyFreshKey}.
   */
  void prepareKeys(int count) throws Exception;

  /**
   * A key not seen recently: verifies the next of the {@link #prepareKeys} signatures, in turn,
   * through a verifier made for this call from that key object.
   */
  void verifyFreshKey() throws Exception;
}
