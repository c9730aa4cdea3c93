package io.pqzk.bench.zk.baseline;

/**
 * Proof parameters, recorded in every proof and absorbed by the transcript. The extension degree
 * is fixed at 3 (192-bit challenges): with a quadratic extension 128-bit security is out of reach
 * over Goldilocks (notes/stark.md, parameter table).
 *
 * @param blowup LDE blowup factor (a power of two, 8 to 64; at least the AIR's degree - 1)
 * @param queries number of FRI queries (1 to 255)
 * @param grindingBits proof-of-work bits (0 to 32)
 * @param folding FRI folding factor (4 or 8)
 * @param maxRemainderDegree largest degree of the FRI remainder sent in clear (below 64)
 */
public record StarkOptions(int blowup, int queries, int grindingBits, int folding,
    int maxRemainderDegree) {
  public static final int EXTENSION_DEGREE = 3;

  /**
   * Defaults: ext 3, blowup 16, 43 queries, 16-bit grinding, folding 8, remainder degree 31:
   * 128 bits conjectured and 101 proven at the depth-20 claim, the same as 41 queries with 20-bit
   * grinding, for a sixteenth of the prover's grinding work and two more query openings.
   */
  public static final StarkOptions DEFAULT = new StarkOptions(16, 43, 16, 8, 31);

  public StarkOptions {
    if (blowup < 8 || blowup > 64 || Integer.bitCount(blowup) != 1) {
      throw new IllegalArgumentException("blowup must be a power of two in [8, 64]: " + blowup);
    }
    if (queries < 1 || queries > 255) {
      throw new IllegalArgumentException("queries must be in [1, 255]: " + queries);
    }
    if (grindingBits < 0 || grindingBits > 32) {
      throw new IllegalArgumentException("grinding bits must be in [0, 32]: " + grindingBits);
    }
    if (folding != 4 && folding != 8) {
      throw new IllegalArgumentException("folding factor must be 4 or 8: " + folding);
    }
    if (maxRemainderDegree < 0 || maxRemainderDegree > 63
        || Integer.bitCount(maxRemainderDegree + 1) != 1) {
      throw new IllegalArgumentException(
          "remainder degree + 1 must be a power of two up to 64: " + maxRemainderDegree);
    }
  }

  /** Canonical 7-byte encoding (in proofs and the transcript). */
  public byte[] encode() {
    return new byte[] {EXTENSION_DEGREE, (byte) Integer.numberOfTrailingZeros(blowup),
        (byte) queries, (byte) grindingBits, (byte) Integer.numberOfTrailingZeros(folding),
        (byte) maxRemainderDegree, 0};
  }

  /** Decodes; throws IllegalArgumentException for an unsupported parameter set. */
  public static StarkOptions decode(byte[] b) {
    if (b.length != 7 || b[0] != EXTENSION_DEGREE || b[6] != 0) {
      throw new IllegalArgumentException("unsupported parameter set (extension degree "
          + (b.length > 0 ? b[0] : -1) + ")");
    }
    int logBlowup = b[1] & 0xFF;
    int logFolding = b[4] & 0xFF;
    if (logBlowup > 6 || logFolding > 3) {
      throw new IllegalArgumentException("unsupported blowup or folding exponent");
    }
    return new StarkOptions(1 << logBlowup, b[2] & 0xFF, b[3] & 0xFF, 1 << logFolding,
        b[5] & 0xFF);
  }
}
