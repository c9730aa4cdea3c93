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
   * {@code raw}, {@code provider} is {@code BC} or {@code JDK}.
   */
  static SigOps create(String api, String provider, String algorithm) throws Exception {
    boolean bc = provider.equals("BC");
    if (!bc && !provider.equals("JDK")) {
      throw new IllegalArgumentException("provider must be BC or JDK, not " + provider);
    }
    switch (api) {
      case "pqzk":
        return new PqzkOps(provider, algorithm);
      case "raw":
        return bc ? RawJcaOps.bouncyCastle(algorithm) : RawJcaOps.jdk(algorithm);
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
}
