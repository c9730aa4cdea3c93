package io.pqzk.sig.internal;

import io.pqzk.sig.IncompatibleOptionsException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureOptions.Input;
import io.pqzk.sig.WrongLengthException;

/** Validation shared by all providers, so that every provider rejects the same requests. */
public final class Checks {
  private Checks() {}

  /** Rejects option combinations that no provider could honour for {@code alg}. */
  public static void options(SignatureAlgorithm alg, SignatureOptions o)
      throws IncompatibleOptionsException {
    if (o.input() != Input.MESSAGE && (o.contextLength() != 0 || o.isPreHash())) {
      throw new IncompatibleOptionsException(
          "context and pre-hash are part of M' and cannot be set with input " + o.input());
    }
    if (o.input() == Input.EXTERNAL_MU && !alg.isMlDsa()) {
      throw new IncompatibleOptionsException("external mu is defined for ML-DSA only, not "
          + alg.displayName());
    }
    if (alg.isComposite() && (o.isPreHash() || o.input() != Input.MESSAGE)) {
      throw new IncompatibleOptionsException(
          alg.displayName() + " signs messages only: no pre-hash option or internal interface");
    }
  }

  /** The caller's randomness, length-checked, or {@code null} when none was given. */
  public static byte[] givenRandomness(SignatureAlgorithm alg, SignatureOptions o)
      throws WrongLengthException {
    byte[] r = o.givenRandomness();
    if (r != null && r.length != alg.randomnessLength()) {
      throw new WrongLengthException(alg.displayName()
          + (alg.isMlDsa() ? " signing randomness rnd" : " signing randomness opt_rand"),
          r.length, alg.randomnessLength());
    }
    return r;
  }

  public static void mu(byte[] mu) throws WrongLengthException {
    if (mu.length != MessageFormat.MU_LENGTH) {
      throw new WrongLengthException("mu", mu.length, MessageFormat.MU_LENGTH);
    }
  }
}
