package io.pqzk.cli;

import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.claim.ClaimAir;
import io.pqzk.zk.stark.claim.StarkProofSystem;
import io.pqzk.zk.stark.security.Batching;
import io.pqzk.zk.stark.security.Metric;
import io.pqzk.zk.stark.security.Model;
import io.pqzk.zk.stark.security.PostQuantumEstimate;
import io.pqzk.zk.stark.security.SecurityEstimator;
import io.pqzk.zk.stark.security.SecurityLevel;
import io.pqzk.zk.stark.security.SecurityParams;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pqzk claim security}: the STARK security estimator (conjectured per ethSTARK Eq. 19,
 * proven per ePrint 2024/1553, as Winterfell reports them) for the claim STARK's parameters or
 * any others, and the smallest query count reaching a target. Those are classical figures; the
 * output also states the post-quantum estimate and its basis ({@link PostQuantumEstimate}), and
 * that the classical figures do not hold against a quantum adversary.
 */
@Command(
    name = "security",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Estimate the soundness of STARK parameters in bits: conjectured (ethSTARK, ePrint "
          + "2021/582 Eq. 19) and proven (ePrint 2024/1553: list-decoding Thm 2, "
          + "unique-decoding Thm 3), as Winterfell computes them. These are classical figures "
          + "(random-oracle model); the post-quantum estimate that follows them is about half "
          + "as many bits (quantum query soundness of the hash-based argument, Grover on "
          + "grinding, quantum collision search on the commitment hash).",
      "Defaults: the claim STARK's own parameters (Goldilocks, cubic extension, depth-20 "
          + "claim trace). With --min-queries, prints the smallest query count reaching BITS "
          + "for each metric instead."
    })
final class ClaimSecurityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--field-bits", defaultValue = "64", description = "Base field bits.")
  int fieldBits;

  @Option(names = "--ext", defaultValue = "3", description = "Extension degree.")
  int ext;

  @Option(names = "--blowup", description = "LDE blowup (default: the STARK's).")
  Integer blowup;

  @Option(names = "--queries", description = "FRI queries (default: the STARK's).")
  Integer queries;

  @Option(names = "--grinding", description = "Grinding bits (default: the STARK's).")
  Integer grinding;

  @Option(names = "--trace-len", description = "Trace length (default: the depth-20 claim's).")
  Long traceLength;

  @Option(names = "--folding", description = "FRI folding factor (default: the STARK's).")
  Integer folding;

  @Option(names = "--remainder-degree", description = "FRI remainder degree (default: the "
      + "STARK's).")
  Integer remainderDegree;

  @Option(names = "--collision-resistance", defaultValue = "128",
      description = "Commitment hash collision resistance in bits (SHA-256, SHA3-256: 128).")
  int collisionResistance;

  @Option(names = "--num-constraints", defaultValue = "100",
      description = "AIR constraints (matters only with non-linear constraint batching).")
  long numConstraints;

  @Option(names = "--num-committed-polys", defaultValue = "2",
      description = "Polynomials in the DEEP composition (matters only with non-linear DEEP "
          + "batching).")
  long numCommittedPolys;

  @Option(names = "--constraint-batching", defaultValue = "LINEAR",
      description = "LINEAR, ALGEBRAIC or HORNER.")
  Batching constraintBatching;

  @Option(names = "--deep-batching", defaultValue = "LINEAR",
      description = "LINEAR, ALGEBRAIC or HORNER.")
  Batching deepBatching;

  @Option(names = "--model", defaultValue = "WINTERFELL",
      description = "WINTERFELL (v0.12-v0.13) or WINTERFELL_LEGACY (v0.8-v0.11).")
  Model model;

  @Option(names = "--min-queries", paramLabel = "BITS",
      description = "Print the smallest query count (1..255) reaching BITS per metric.")
  Integer minQueries;

  @Override
  public Integer call() {
    StarkOptions d = StarkOptions.DEFAULT;
    SecurityParams p;
    try {
      p = SecurityParams.builder().fieldBits(fieldBits).extensionDegree(ext)
          .blowup(blowup != null ? blowup : d.blowup())
          .queries(queries != null ? queries : d.queries())
          .grindingBits(grinding != null ? grinding : d.grindingBits())
          .traceLength(traceLength != null ? traceLength
              : claimTraceLength(queries != null ? queries : d.queries()))
          .foldingFactor(folding != null ? folding : d.folding())
          .remainderDegree(remainderDegree != null ? remainderDegree : d.maxRemainderDegree())
          .collisionResistanceBits(collisionResistance).numConstraints(numConstraints)
          .numCommittedPolys(numCommittedPolys).constraintBatching(constraintBatching)
          .deepBatching(deepBatching).build();
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String problem : p.winterfellProblems()) {
      spec.commandLine().getErr().println("pqzk: warning: Winterfell would reject this: "
          + problem);
    }
    out.printf(Locale.ROOT, "parameters: field %d bits x%d, blowup %d, %s, grinding %d, trace "
            + "%d, folding %d, remainder degree %d, collision resistance %d%n", p.fieldBits(),
        p.extensionDegree(), p.blowup(), minQueries == null ? p.queries() + " queries"
            : "queries searched", p.grindingBits(), p.traceLength(), p.foldingFactor(),
        p.remainderDegree(), p.collisionResistanceBits());
    if (minQueries != null) {
      StringBuilder b = new StringBuilder("min_queries_for_" + minQueries + "_bits:");
      for (Metric m : Metric.values()) {
        if (model == Model.WINTERFELL_LEGACY && m == Metric.UNIQUE_DECODING) {
          continue;
        }
        OptionalInt q = SecurityEstimator.minQueries(p, m, minQueries, model);
        b.append(' ').append(m.name().toLowerCase(Locale.ROOT)).append('=')
            .append(q.isPresent() ? Integer.toString(q.getAsInt()) : "none");
      }
      out.println(b);
      return Main.OK;
    }
    SecurityLevel s = SecurityEstimator.estimate(p, model);
    out.println("conjectured=" + s.conjecturedBits() + " proven=" + s.provenBits());
    out.println("list_decoding=" + s.listDecodingBits() + " (m=" + s.proximityParameter() + ")"
        + (s.uniqueDecodingBits().isPresent()
            ? " unique_decoding=" + s.uniqueDecodingBits().getAsInt() : ""));
    PostQuantumEstimate pq = PostQuantumEstimate.of(p, s);
    out.println("post_quantum_conjectured=" + pq.conjecturedBits() + " post_quantum_proven="
        + pq.provenBits());
    out.println("classical: " + s.conjecturedBits() + " bits conjectured, " + s.provenBits()
        + " bits proven, against a classical adversary (random-oracle model). They do NOT hold"
        + " against a quantum adversary.");
    out.println("post-quantum estimate: " + pq.conjecturedBits() + " bits conjectured, "
        + pq.provenBits() + " bits proven; basis: " + PostQuantumEstimate.BASIS + ".");
    return Main.OK;
  }

  /** Trace length of the claim AIR at the default registry depth, for this query count. */
  static long claimTraceLength(int queries) {
    return ClaimAir.traceLength(StarkProofSystem.DEFAULT_DEPTH,
        StarkProver.revealedPoints(StarkOptions.DEFAULT.withQueries(
            Math.max(1, Math.min(255, queries)))));
  }
}
