package io.pqzk.chains;

import java.util.HexFormat;

/**
 * A well-formed block whose own commitments disagree: its data hash is not the hash of its data,
 * its transactions or withdrawals root is not the root of the lists it carries, the hash a JSON
 * header states is not the one its fields give, or a block does not link to the one before it.
 * Carries what was checked, the value found and the value the block commits to.
 */
public final class CommitmentMismatchException extends ChainException {
  private static final long serialVersionUID = 1L;
  private final String what;
  private final long block;
  private final String expected;
  private final String actual;

  public CommitmentMismatchException(String what, long block, byte[] expected, byte[] actual) {
    this(what, block, hex(expected), hex(actual));
  }

  public CommitmentMismatchException(String what, long block, String expected, String actual) {
    super("block " + block + ": " + what + " does not match (the block commits to " + expected
        + ", its content gives " + actual + ")");
    this.what = what;
    this.block = block;
    this.expected = expected;
    this.actual = actual;
  }

  private static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }

  /** What was compared, e.g. "data hash", "transactions root", "link to the parent". */
  public String what() {
    return what;
  }

  /** The number of the block that failed. */
  public long block() {
    return block;
  }

  /** The value the block commits to. */
  public String expected() {
    return expected;
  }

  /** The value its content gives. */
  public String actual() {
    return actual;
  }
}
