package io.pqzk.sig;

import java.util.Arrays;
import java.util.Objects;

/**
 * How to sign or verify: the context string, pure or pre-hash, which interface the message
 * enters by, and where signing randomness comes from. Immutable; every {@code with...} method
 * returns a new value.
 *
 * <p>The default is pure signing of the message with an empty context and hedged randomness
 * (FIPS 204 §3.4 recommends hedged signing; FIPS 205 §9.2 likewise).
 */
public final class SignatureOptions {

  /** Where the bytes passed to {@code sign}/{@code verify} enter the algorithm. */
  public enum Input {
    /** The message itself (FIPS 204 Alg. 2/3 and 4/5, FIPS 205 Alg. 22/23 and 24/25). */
    MESSAGE,
    /**
     * The already formatted M' of the internal interface: ML-DSA Sign_internal / Verify_internal
     * (FIPS 204 Alg. 7/8), SLH-DSA slh_sign_internal / slh_verify_internal (FIPS 205 Alg.
     * 19/20). Context and pre-hash must not be set.
     */
    INTERNAL,
    /**
     * ML-DSA only: the 64-byte mu = H(tr || M') computed elsewhere (FIPS 204 §6.2, "external
     * mu"). Context and pre-hash must not be set; they are already inside mu.
     */
    EXTERNAL_MU
  }

  /** Where the signing randomness comes from. Ignored by verification. */
  public enum Randomness {
    /** Fresh random bytes from a {@link java.security.SecureRandom} (the default). */
    HEDGED,
    /**
     * No randomness: rnd = 0^32 for ML-DSA, opt_rand = PK.seed for SLH-DSA. The same message
     * always gives the same signature.
     */
    DETERMINISTIC,
    /** The caller's bytes, so that test vectors reproduce (see {@link #withRandomness}). */
    GIVEN
  }

  private static final byte[] EMPTY = new byte[0];
  private static final SignatureOptions DEFAULTS =
      new SignatureOptions(EMPTY, null, Input.MESSAGE, Randomness.HEDGED, null);

  private final byte[] context;
  private final PreHash preHash;
  private final Input input;
  private final Randomness randomness;
  private final byte[] givenRandomness;

  private SignatureOptions(
      byte[] context, PreHash preHash, Input input, Randomness randomness, byte[] given) {
    this.context = context;
    this.preHash = preHash;
    this.input = input;
    this.randomness = randomness;
    this.givenRandomness = given;
  }

  /** Pure, empty context, message input, hedged. */
  public static SignatureOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the context string ctx of FIPS 204 Alg. 2 / FIPS 205 Alg. 22 (0 to 255 bytes).
   *
   * @throws ContextTooLongException if {@code context} has more than 255 bytes
   */
  public SignatureOptions withContext(byte[] context) throws ContextTooLongException {
    Objects.requireNonNull(context, "context");
    if (context.length > 255) {
      throw new ContextTooLongException(context.length);
    }
    return new SignatureOptions(context.clone(), preHash, input, randomness, givenRandomness);
  }

  /** Selects HashML-DSA / HashSLH-DSA with this pre-hash; {@code null} means pure. */
  public SignatureOptions withPreHash(PreHash preHash) {
    return new SignatureOptions(context, preHash, input, randomness, givenRandomness);
  }

  /** Selects the interface the message enters by (see {@link Input}). */
  public SignatureOptions withInput(Input input) {
    return new SignatureOptions(
        context, preHash, Objects.requireNonNull(input, "input"), randomness, givenRandomness);
  }

  /** Deterministic signing (see {@link Randomness#DETERMINISTIC}). */
  public SignatureOptions deterministic() {
    return new SignatureOptions(context, preHash, input, Randomness.DETERMINISTIC, null);
  }

  /** Hedged signing with fresh randomness (the default). */
  public SignatureOptions hedged() {
    return new SignatureOptions(context, preHash, input, Randomness.HEDGED, null);
  }

  /**
   * Hedged signing with the caller's randomness: rnd (32 bytes) for ML-DSA, opt_rand / addrnd
   * (n bytes) for SLH-DSA. Meant for reproducing test vectors; never reuse these bytes in
   * production. The length is checked when signing, against the key's parameter set.
   */
  public SignatureOptions withRandomness(byte[] randomness) {
    Objects.requireNonNull(randomness, "randomness");
    return new SignatureOptions(context, preHash, input, Randomness.GIVEN, randomness.clone());
  }

  /** A copy of the context string (empty when unset). */
  public byte[] context() {
    return context.clone();
  }

  /** Context length, without copying. */
  public int contextLength() {
    return context.length;
  }

  /** The pre-hash, or {@code null} for pure signing. */
  public PreHash preHash() {
    return preHash;
  }

  public boolean isPreHash() {
    return preHash != null;
  }

  public Input input() {
    return input;
  }

  public Randomness randomness() {
    return randomness;
  }

  /** A copy of the caller's randomness, or {@code null} unless {@link Randomness#GIVEN}. */
  public byte[] givenRandomness() {
    return givenRandomness == null ? null : givenRandomness.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SignatureOptions)) {
      return false;
    }
    SignatureOptions other = (SignatureOptions) o;
    return Arrays.equals(context, other.context)
        && preHash == other.preHash
        && input == other.input
        && randomness == other.randomness
        && Arrays.equals(givenRandomness, other.givenRandomness);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(context), preHash, input, randomness);
  }

  /** Shows the mode and the context length, never the randomness. */
  @Override
  public String toString() {
    return "SignatureOptions[" + (preHash == null ? "pure" : "pre-hash " + preHash)
        + ", input=" + input + ", randomness=" + randomness
        + ", context=" + context.length + " bytes]";
  }
}
