package io.pqzk.chains;

import io.pqzk.ledger.Printable;

/**
 * The root of every failure this module reports about foreign data: a block, header or
 * attestation that is malformed ({@link MalformedBlockException}), whose own commitments do not
 * hold ({@link CommitmentMismatchException}), or an attestation or attesters file that is not
 * what it must be ({@code io.pqzk.chains.attest.AttestationException}). Programmer errors stay
 * {@link IllegalArgumentException}.
 */
public abstract class ChainException extends Exception {
  private static final long serialVersionUID = 1L;

  private static final int MAX = 1000;

  protected ChainException(String message) {
    super(printable(message));
  }

  protected ChainException(String message, Throwable cause) {
    super(printable(message), cause);
  }

  /**
   * Messages quote what a foreign block, an attestation or an attesters file says (names,
   * formats, the JSON parser's complaint), and {@code pqzk attest verify} and {@code pqzk adapter}
   * print them: through {@link Printable#line}, anything but printable ASCII is shown as {@code
   * \\uXXXX}, and a message is cut at {@value #MAX} characters. Each message site escaped its
   * own quotes before; the fuzzer found six attesters-file refusals that did not (a member name,
   * a key algorithm, the parser's text).
   */
  static String printable(String m) {
    return Printable.line(m, MAX);
  }
}
