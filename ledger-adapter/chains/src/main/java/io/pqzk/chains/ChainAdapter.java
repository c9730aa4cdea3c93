package io.pqzk.chains;

/**
 * One foreign chain's block format. {@link #parse} is the only way in: it reads a block or header
 * in the chain's own encoding, computes its hash exactly as that chain does, checks every
 * commitment inside the input that the format makes checkable, and returns the block with the
 * canonical bytes an attestation signs ({@link ForeignBlock#subject()}).
 *
 * <p>It never returns a block it could not fully check: it throws instead, so no caller can use
 * a block whose data does not match its hash.
 */
public interface ChainAdapter {
  /** The adapter's name as {@code --chain} spells it: "fabric", "ethereum". */
  String name();

  /**
   * Reads one block.
   *
   * @throws MalformedBlockException when the input is not a block of this format
   * @throws CommitmentMismatchException when it is one, but its content does not match what it
   *     commits to
   */
  ForeignBlock parse(byte[] input) throws ChainException;
}
