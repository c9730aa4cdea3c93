package io.pqzk.bench.zk;

import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a STARK claim proof's bytes go (the layout of {@code StarkVerifier}'s Javadoc), and what
 * the batched Merkle openings save: each path also counted as if every query carried its own
 * (queries x depth digests). Not a JMH benchmark: sizes do not need one. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.pqzk.bench.zk.StarkProofAnatomy [SET...]}
 * (default: the current default set and the baseline's).
 */
public final class StarkProofAnatomy {
  private StarkProofAnatomy() {}

  public static void main(String[] args) throws Exception {
    List<String> sets = args.length > 0 ? List.of(args) : List.of("default", "baseline");
    for (String set : sets) {
      ProofSystem ps = set.equals("default") ? ProofSystems.get("stark")
          : set.equals("baseline") ? ClaimProofBench.system("stark-baseline")
          : ProofSystems.withParameterSets("stark", List.of(set));
      BenchClaim c = BenchClaim.of(ps.registryHash());
      byte[] proof = ps.prove(c.statement(), c.witness());
      System.out.println(set + ": " + proof.length + " bytes");
      for (Map.Entry<String, long[]> e : parts(proof, set.equals("baseline")).entrySet()) {
        long[] v = e.getValue();
        System.out.printf(Locale.ROOT, "  %-28s %7d bytes%s%n", e.getKey(), v[0],
            v.length > 1 ? String.format(Locale.ROOT, "  (unbatched: %d)", v[1]) : "");
      }
    }
  }

  /** Part name to {bytes} or {bytes, bytes if every query had its own path}. */
  static Map<String, long[]> parts(byte[] p, boolean v1) {
    Map<String, long[]> out = new LinkedHashMap<>();
    int logBlowup = p[9];
    int logF = p[12];
    int logN = p[15] & 0xFF;
    int w = (p[16] & 0xFF) | (p[17] & 0xFF) << 8;
    int seg = p[18] & 0xFF;
    int logBig = logN + logBlowup;
    int off = 19;
    out.put("header", new long[] {19});
    out.put("roots", new long[] {64});
    off += 64;
    out.put("out-of-domain values", new long[] {24L * (2 * w + seg)});
    off += 24 * (2 * w + seg);
    int layers = p[off] & 0xFF;
    out.put("FRI layer roots", new long[] {1 + 32L * layers});
    off += 1 + 32 * layers;
    int rem = v1 ? p[off] & 0xFF : (p[off] & 0xFF) | (p[off + 1] & 0xFF) << 8;
    int remHeader = v1 ? 1 : 2;
    out.put("remainder (" + rem + " coefficients)", new long[] {remHeader + 24L * rem});
    off += remHeader + 24 * rem + 8;
    int u = (p[off] & 0xFF) | (p[off + 1] & 0xFF) << 8;
    off += 2;
    out.put("nonce, query count", new long[] {10});
    int[] widths = {8 * w, 8 * 3 * (seg + 1)};
    String[] names = {"trace", "composition"};
    for (int t = 0; t < 2; t++) {
      out.put(names[t] + " rows (" + u + ")", new long[] {(long) u * (widths[t] + 32)});
      off += u * (widths[t] + 32);
      int count = (p[off] & 0xFF) | (p[off + 1] & 0xFF) << 8;
      out.put(names[t] + " path (" + count + " digests)",
          new long[] {2 + 32L * count, 2 + 32L * u * logBig});
      off += 2 + 32 * count;
    }
    int f = 1 << logF;
    int depth = logBig;
    for (int l = 0; l < layers; l++) {
      depth -= logF;
      int groups = (p[off] & 0xFF) | (p[off + 1] & 0xFF) << 8;
      off += 2;
      out.put("FRI layer " + l + " groups (" + groups + ")", new long[] {2 + 24L * f * groups});
      off += 24 * f * groups;
      int count = (p[off] & 0xFF) | (p[off + 1] & 0xFF) << 8;
      out.put("FRI layer " + l + " path (" + count + ")",
          new long[] {2 + 32L * count, 2 + 32L * groups * depth});
      off += 2 + 32 * count;
    }
    if (off != p.length) {
      throw new IllegalStateException("parsed " + off + " of " + p.length + " bytes");
    }
    return out;
  }
}
