package io.pqzk.bench.zk.baseline.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of one STARK (FRI) configuration that its soundness depends on.
 *
 * <p>Names follow Winterfell's {@code ProofOptions} and the reference estimator in
 * {@code shared/tools/stark-security}. The constructor rejects values the formulas cannot take
 * (typed {@link IllegalArgumentException} naming the field); {@link #winterfellProblems()} lists
 * the stricter ranges Winterfell's own {@code ProofOptions::new} enforces.
 *
 * @param fieldBits bits of the base field modulus (Goldilocks: 64)
 * @param extensionDegree degree of the extension the verifier's challenges are drawn from
 * @param blowup LDE blowup factor, 1/rho (a power of two, at least 2)
 * @param queries number of FRI queries
 * @param grindingBits proof-of-work bits required on the query seed
 * @param traceLength trace length h (a power of two, at least 8)
 * @param foldingFactor FRI folding factor (a power of two, at least 2)
 * @param remainderDegree maximum degree of the FRI remainder polynomial
 * @param collisionResistanceBits collision resistance of the commitment hash (digest bits / 2)
 * @param numCommittedPolys polynomials batched into the DEEP composition (Winterfell: trace
 *     width + blowup); matters only with non-linear {@code deepBatching}
 * @param numConstraints AIR constraints; matters only with non-linear {@code constraintBatching}
 * @param constraintBatching how constraints are combined into the composition polynomial
 * @param deepBatching how DEEP quotients are combined before FRI
 * @param constraintDegree the maximum constraint degree d in the DEEP error term; 0 means
 *     Winterfell's choice {@code blowup + 1}, the largest degree the blowup admits
 */
public record SecurityParams(
    int fieldBits,
    int extensionDegree,
    int blowup,
    int queries,
    int grindingBits,
    long traceLength,
    int foldingFactor,
    int remainderDegree,
    int collisionResistanceBits,
    long numCommittedPolys,
    long numConstraints,
    Batching constraintBatching,
    Batching deepBatching,
    int constraintDegree) {

  public SecurityParams {
    Objects.requireNonNull(constraintBatching, "constraintBatching");
    Objects.requireNonNull(deepBatching, "deepBatching");
    require(fieldBits >= 1 && fieldBits <= 1024, "fieldBits must be in 1..1024", fieldBits);
    require(extensionDegree >= 1 && extensionDegree <= 8, "extensionDegree must be in 1..8",
        extensionDegree);
    require(blowup >= 2 && powerOfTwo(blowup), "blowup must be a power of two >= 2", blowup);
    require(queries >= 1 && queries <= 4096, "queries must be in 1..4096", queries);
    require(grindingBits >= 0 && grindingBits <= 64, "grindingBits must be in 0..64",
        grindingBits);
    require(traceLength >= 8 && powerOfTwo(traceLength) && traceLength <= (1L << 40),
        "traceLength must be a power of two in 8..2^40", traceLength);
    require(foldingFactor >= 2 && powerOfTwo(foldingFactor),
        "foldingFactor must be a power of two >= 2", foldingFactor);
    require(remainderDegree >= 0, "remainderDegree must be >= 0", remainderDegree);
    require(collisionResistanceBits >= 1, "collisionResistanceBits must be >= 1",
        collisionResistanceBits);
    require(numCommittedPolys >= 1, "numCommittedPolys must be >= 1", numCommittedPolys);
    require(numConstraints >= 1, "numConstraints must be >= 1", numConstraints);
    require(constraintDegree >= 0, "constraintDegree must be >= 0 (0: blowup + 1)",
        constraintDegree);
  }

  /** Defaults of the reference tool: Goldilocks, ext 1, folding 8, remainder 31, CR 128. */
  public static Builder builder() {
    return new Builder();
  }

  /** The same parameters with another query count. */
  public SecurityParams withQueries(int q) {
    return new SecurityParams(fieldBits, extensionDegree, blowup, q, grindingBits, traceLength,
        foldingFactor, remainderDegree, collisionResistanceBits, numCommittedPolys,
        numConstraints, constraintBatching, deepBatching, constraintDegree);
  }

  /** Bits of the extension field the challenges live in. */
  public int extensionFieldBits() {
    return fieldBits * extensionDegree;
  }

  /** Size n of the low-degree-extension domain. */
  public long ldeSize() {
    return traceLength * blowup;
  }

  /** The d of the DEEP term: {@link #constraintDegree} or Winterfell's {@code blowup + 1}. */
  public double deepDegreeBound() {
    return constraintDegree == 0 ? (double) blowup + 1.0 : (double) constraintDegree;
  }

  /**
   * Number of FRI folding rounds: fold while the domain is larger than the remainder codeword
   * (Winterfell {@code FriOptions::num_fri_layers}).
   */
  public int friLayers() {
    long domain = ldeSize();
    long remainder = ((long) remainderDegree + 1) * blowup;
    int layers = 0;
    while (domain > remainder) {
      domain /= foldingFactor;
      layers++;
    }
    return layers;
  }

  /** Ranges Winterfell's {@code ProofOptions::new} and {@code TraceInfo::new} enforce. */
  public List<String> winterfellProblems() {
    List<String> out = new ArrayList<>();
    if (queries > 255) {
      out.add("queries must be in 1..255");
    }
    if (blowup > 128) {
      out.add("blowup must be a power of two in 2..128");
    }
    if (grindingBits > 32) {
      out.add("grinding must be in 0..32");
    }
    if (foldingFactor > 16) {
      out.add("folding must be 2, 4, 8 or 16");
    }
    if (!powerOfTwo((long) remainderDegree + 1) || remainderDegree > 255) {
      out.add("remainder degree must be 2^k - 1 and <= 255");
    }
    if (extensionDegree > 3) {
      out.add("extension degree must be 1, 2 or 3");
    }
    return out;
  }

  private static boolean powerOfTwo(long v) {
    return v > 0 && (v & (v - 1)) == 0;
  }

  private static void require(boolean ok, String what, long got) {
    if (!ok) {
      throw new IllegalArgumentException("bad STARK security parameter: " + what + ", got " + got);
    }
  }

  /** Mutable builder with the reference tool's defaults. */
  public static final class Builder {
    private int fieldBits = 64;
    private int extensionDegree = 1;
    private int blowup = 8;
    private int queries = 32;
    private int grindingBits;
    private long traceLength = 1024;
    private int foldingFactor = 8;
    private int remainderDegree = 31;
    private int collisionResistanceBits = 128;
    private long numCommittedPolys = 2;
    private long numConstraints = 100;
    private Batching constraintBatching = Batching.LINEAR;
    private Batching deepBatching = Batching.LINEAR;
    private int constraintDegree;

    private Builder() {}

    public Builder fieldBits(int v) {
      fieldBits = v;
      return this;
    }

    public Builder extensionDegree(int v) {
      extensionDegree = v;
      return this;
    }

    public Builder blowup(int v) {
      blowup = v;
      return this;
    }

    public Builder queries(int v) {
      queries = v;
      return this;
    }

    public Builder grindingBits(int v) {
      grindingBits = v;
      return this;
    }

    public Builder traceLength(long v) {
      traceLength = v;
      return this;
    }

    public Builder foldingFactor(int v) {
      foldingFactor = v;
      return this;
    }

    public Builder remainderDegree(int v) {
      remainderDegree = v;
      return this;
    }

    public Builder collisionResistanceBits(int v) {
      collisionResistanceBits = v;
      return this;
    }

    public Builder numCommittedPolys(long v) {
      numCommittedPolys = v;
      return this;
    }

    public Builder numConstraints(long v) {
      numConstraints = v;
      return this;
    }

    public Builder constraintBatching(Batching v) {
      constraintBatching = v;
      return this;
    }

    public Builder deepBatching(Batching v) {
      deepBatching = v;
      return this;
    }

    public Builder constraintDegree(int v) {
      constraintDegree = v;
      return this;
    }

    public SecurityParams build() {
      return new SecurityParams(fieldBits, extensionDegree, blowup, queries, grindingBits,
          traceLength, foldingFactor, remainderDegree, collisionResistanceBits,
          numCommittedPolys, numConstraints, constraintBatching, deepBatching,
          constraintDegree);
    }
  }
}
