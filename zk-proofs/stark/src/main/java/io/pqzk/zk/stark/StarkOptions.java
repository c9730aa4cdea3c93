package io.pqzk.zk.stark;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proof parameters, recorded in every proof and absorbed by the transcript. The extension degree
 * is fixed at 3 (192-bit challenges): with a quadratic extension of Goldilocks, challenges have
 * about 128 bits, and ethSTARK's conjectured bound (ePrint 2021/582, section 5.10.1, Eq. 19) is at
 * most log2 of the challenge field's size minus 1, so 128-bit security is out of reach.
 * A verifier accepts a proof only if its set is one the verifier is configured with
 * ({@link StarkAcceptance}).
 *
 * <p>FRI (ePrint 2022/1216, section 3) folds the degree-below-n DEEP polynomial by
 * {@code folding} while its degree bound exceeds {@code maxRemainderDegree + 1}, then sends the
 * remainder's coefficients in clear. With {@code maxRemainderDegree + 1 >= n} there is no folding
 * round at all: the DEEP polynomial itself is the remainder and each query checks it directly.
 * Construction refuses sets whose remainder could reach degree bound 0 (every honest proof would
 * then fail): {@code maxRemainderDegree + 1} must be at least {@code folding}, so that a bound
 * above it, a power of two, is at least {@code 2 * folding} and folds to at least 2.
 *
 * @param blowup LDE blowup factor (a power of two, 8 to 128; at least the AIR's degree)
 * @param queries number of FRI queries (1 to 255)
 * @param grindingBits proof-of-work bits (0 to 32)
 * @param folding FRI folding factor (2, 4, 8 or 16)
 * @param maxRemainderDegree largest degree of the FRI remainder sent in clear (below 256, one
 *     less than a power of two, at least {@code folding - 1})
 * @param hash the hash of commitments and transcript
 */
public record StarkOptions(int blowup, int queries, int grindingBits, int folding,
    int maxRemainderDegree, CommitmentHash hash) {
  public static final int EXTENSION_DEGREE = 3;

  /**
   * Defaults: ext 3, blowup 32, 34 queries, 16-bit grinding, no FRI folding round at the
   * depth-20 claim (remainder degree 255, the whole DEEP polynomial), SHA-256: 128 bits
   * conjectured and 100 proven (ePrint 2024/1553) at every trace length from 2^6 to 2^10,
   * which keeps the depth-20 claim's trace at 256 rows (2 * 34 + 6 = 74 revealed points per
   * column, 80 random rows).
   */
  public static final StarkOptions DEFAULT =
      new StarkOptions(32, 34, 16, 8, 255, CommitmentHash.SHA_256);

  private static final Pattern NAME =
      Pattern.compile("b(\\d{1,3})-q(\\d{1,3})-g(\\d{1,2})-f(\\d{1,2})-r(\\d{1,3})-([a-z0-9]+)");

  public StarkOptions {
    Objects.requireNonNull(hash, "hash");
    if (blowup < 8 || blowup > 128 || Integer.bitCount(blowup) != 1) {
      throw new IllegalArgumentException("blowup must be a power of two in [8, 128]: " + blowup);
    }
    if (queries < 1 || queries > 255) {
      throw new IllegalArgumentException("queries must be in [1, 255]: " + queries);
    }
    if (grindingBits < 0 || grindingBits > 32) {
      throw new IllegalArgumentException("grinding bits must be in [0, 32]: " + grindingBits);
    }
    if (folding < 2 || folding > 16 || Integer.bitCount(folding) != 1) {
      throw new IllegalArgumentException("folding factor must be 2, 4, 8 or 16: " + folding);
    }
    if (maxRemainderDegree < 0 || maxRemainderDegree > 255
        || Integer.bitCount(maxRemainderDegree + 1) != 1) {
      throw new IllegalArgumentException(
          "remainder degree + 1 must be a power of two up to 256: " + maxRemainderDegree);
    }
    if (maxRemainderDegree + 1 < folding) {
      throw new IllegalArgumentException("remainder degree " + maxRemainderDegree
          + " with folding " + folding + " can fold the degree bound to 0 (every honest proof"
          + " would fail): the remainder degree + 1 must be at least the folding factor");
    }
  }

  /** The same parameters over SHA-256 commitments. */
  public StarkOptions(int blowup, int queries, int grindingBits, int folding,
      int maxRemainderDegree) {
    this(blowup, queries, grindingBits, folding, maxRemainderDegree, CommitmentHash.SHA_256);
  }

  /** The same parameters with another query count. */
  public StarkOptions withQueries(int q) {
    return new StarkOptions(blowup, q, grindingBits, folding, maxRemainderDegree, hash);
  }

  /** The same parameters with another commitment hash. */
  public StarkOptions withHash(CommitmentHash h) {
    return new StarkOptions(blowup, queries, grindingBits, folding, maxRemainderDegree, h);
  }

  /**
   * FRI folding rounds for a degree bound {@code n} (a power of two): fold while the bound
   * exceeds the remainder's, so the remainder has between 2 and {@code maxRemainderDegree + 1}
   * coefficients, or n when no round is needed.
   */
  public int friLayers(int n) {
    int layers = 0;
    for (int d = n; d > maxRemainderDegree + 1; d /= folding) {
      layers++;
    }
    return layers;
  }

  /** The number of remainder coefficients for degree bound {@code n}, never below 1. */
  public int remainderLength(int n) {
    int d = n;
    while (d > maxRemainderDegree + 1) {
      d /= folding;
    }
    if (d < 1) {
      throw new IllegalStateException("remainder degree bound " + d); // excluded at construction
    }
    return d;
  }

  /** Canonical 7-byte encoding (in proofs and the transcript). */
  public byte[] encode() {
    return new byte[] {EXTENSION_DEGREE, (byte) Integer.numberOfTrailingZeros(blowup),
        (byte) queries, (byte) grindingBits, (byte) Integer.numberOfTrailingZeros(folding),
        (byte) maxRemainderDegree, (byte) hash.code()};
  }

  /** Decodes; throws IllegalArgumentException for an unsupported parameter set. */
  public static StarkOptions decode(byte[] b) {
    if (b.length != 7 || b[0] != EXTENSION_DEGREE) {
      throw new IllegalArgumentException("unsupported parameter set (extension degree "
          + (b.length > 0 ? b[0] : -1) + ")");
    }
    int logBlowup = b[1] & 0xFF;
    int logFolding = b[4] & 0xFF;
    CommitmentHash h = CommitmentHash.ofCode(b[6] & 0xFF);
    if (logBlowup > 7 || logFolding > 4 || h == null) {
      throw new IllegalArgumentException("unsupported blowup, folding or hash code");
    }
    return new StarkOptions(1 << logBlowup, b[2] & 0xFF, b[3] & 0xFF, 1 << logFolding,
        b[5] & 0xFF, h);
  }

  /** The name a genesis pins, e.g. {@code b32-q34-g16-f8-r255-sha256}. */
  public String name() {
    return "b" + blowup + "-q" + queries + "-g" + grindingBits + "-f" + folding + "-r"
        + maxRemainderDegree + "-" + hash.label();
  }

  /** Parses {@link #name()}; throws IllegalArgumentException naming what is wrong. */
  public static StarkOptions parse(String name) {
    Matcher m = NAME.matcher(name == null ? "" : name.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a STARK parameter set: '" + name
          + "' (expected e.g. " + DEFAULT.name() + ")");
    }
    CommitmentHash h = CommitmentHash.ofLabel(m.group(6));
    if (h == null) {
      throw new IllegalArgumentException("unknown commitment hash '" + m.group(6)
          + "' in parameter set '" + name + "' (sha256 or sha3)");
    }
    return new StarkOptions(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
        h);
  }

  @Override
  public String toString() {
    return name();
  }
}
