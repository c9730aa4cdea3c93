package io.pqzk.cli.demo;


import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.zk.ProofSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures the demo prints: what was built, its sizes, and what signing and checking cost. */
public record DemoSummary(
    String chainId, long blocks, Map<String, Long> transactionsByKind, long blockBytes,
    long maxBlockBytes, int mlDsaSignatureBytes, int slhDsaSignatureBytes, long slhDsaSigned,
    double mlDsaSignMsPerBlock, double slhDsaSignMsPerSignedBlock, double appendMsPerBlock,
    ChainVerifier.Report report, long buildNanos, long totalNanos, long dataBytes,
    String blockAlgorithm, String slhAlgorithm, int slhEvery, List<ClaimFigures> claims,
    List<String> notes) {

  /** Claims of one proof system: how many, their total size and proving time. */
  public record ClaimFigures(String system, boolean postQuantum, int count, long bytes,
      double proveMs) {}

  /** The summary as printable lines. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    long txs = transactionsByKind.values().stream().mapToLong(Long::longValue).sum();
    out.add("chain " + chainId + ": " + blocks + " blocks, " + txs + " transactions "
        + transactionsByKind);
    out.add(String.format("bytes: %,d in blocks, %,d per block on average (largest %,d);"
        + " data directory %,d", blockBytes, blocks == 0 ? 0 : blockBytes / blocks,
        maxBlockBytes, dataBytes));
    out.add(String.format("signature sizes: %s block %,d B (every block), %s block %,d B (%s),"
        + " %s transaction %,d B", blockAlgorithm, mlDsaSignatureBytes, slhAlgorithm,
        slhDsaSignatureBytes, slhEvery == 1 ? "every block" : "every " + slhEvery + " blocks",
        DemoNetwork.TX_ALGORITHM, report.transactions() == 0 ? 0
            : report.transactionSignatureBytes() / report.transactions()));
    out.add(String.format("signature bytes in the chain: %,d %s block, %,d %s block, %,d"
        + " transaction", report.mlDsaBlockSignatureBytes(), blockAlgorithm,
        report.slhDsaBlockSignatureBytes(), slhAlgorithm, report.transactionSignatureBytes()));
    out.add(String.format("sign per block: %s %.2f ms, %s %.1f ms (%d blocks); append+fsync %.2f"
        + " ms per block", blockAlgorithm, mlDsaSignMsPerBlock, slhAlgorithm,
        slhDsaSignMsPerSignedBlock, slhDsaSigned, appendMsPerBlock));
    for (ClaimFigures c : claims) {
      String each = c.count() == 1 ? "" : " each";
      out.add(String.format("claims: %d %s proof%s (%s), %,d B%s, proved in %.0f ms%s; every one"
          + " re-verified by the validator against the registry root the chain had", c.count(),
          c.system(), c.count() == 1 ? "" : "s", c.postQuantum()
              ? "post-quantum, transparent: no trusted setup"
              : "NOT post-quantum; trusted setup, its verification key pinned in the genesis",
          c.bytes() / c.count(), c.count() == 1 ? "" : " each on average", c.proveMs() / c.count(),
          each));
    }
    out.addAll(notes);
    double verifySec = report.nanos() / 1e9;
    out.add(String.format("independent validation: %d blocks, %d signatures in %.2f s: %.1f ms per"
        + " block, %,.0f transactions/s on %d cores", report.blocks(),
        report.transactions() + report.mlDsaBlockSignatures() + report.slhDsaBlockSignatures(),
        verifySec, report.blocks() == 0 ? 0 : report.nanos() / 1e6 / report.blocks(),
        report.transactionsPerSecond(), Runtime.getRuntime().availableProcessors()));
    out.add(String.format("wall time: %.1f s building, %.1f s in total", buildNanos / 1e9,
        totalNanos / 1e9));
    return out;
  }

  static final class Builder {
    String chainId;
    long blocks;
    final Map<String, Long> kinds = new TreeMap<>();
    long bytes;
    long maxBytes;
    int mlBytes;
    int slhBytes;
    long slhSigned;
    long mlNanos;
    long slhNanos;
    long appendNanos;
    ChainVerifier.Report report;
    long buildNanos;
    long totalNanos;
    long dataBytes;
    int imported;
    final Map<String, long[]> claims = new java.util.LinkedHashMap<>(); // count, bytes, nanos
    final List<String> notes = new ArrayList<>();

    void proved(String system, int bytes, long nanos) {
      long[] c = claims.computeIfAbsent(system, k -> new long[3]);
      c[0]++;
      c[1] += bytes;
      c[2] += nanos;
    }

    void note(String line) {
      notes.add(line);
    }

    /** Counts a sealed block and its transactions by kind, as the chain has them. */
    synchronized void sealed(Ledger.SealResult r) {
      blocks++;
      try {
        for (com.google.protobuf.ByteString t : io.pqzk.ledger.proto.Block.parseFrom(
            r.sealed().bytes()).getTransactionsList()) {
          kinds.merge(io.pqzk.ledger.proto.TransactionBody.parseFrom(
              io.pqzk.ledger.proto.Transaction.parseFrom(t).getBody()).getPayloadCase().name()
              .toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        }
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new IllegalStateException("a block this demo sealed does not parse", e);
      }
      bytes += r.sealed().bytes().length;
      maxBytes = Math.max(maxBytes, r.sealed().bytes().length);
      mlBytes = r.sealed().mlDsaSignatureBytes();
      mlNanos += r.sealed().mlDsaNanos();
      if (r.sealed().slhDsaSignatureBytes() > 0) {
        slhBytes = r.sealed().slhDsaSignatureBytes();
        slhSigned++;
        slhNanos += r.sealed().slhDsaNanos();
      }
      appendNanos += r.appendNanos();
    }

    DemoSummary build(Genesis g) {
      return new DemoSummary(chainId, blocks, Map.copyOf(kinds), bytes, maxBytes, mlBytes,
          slhBytes, slhSigned, blocks == 0 ? 0 : mlNanos / 1e6 / blocks,
          slhSigned == 0 ? 0 : slhNanos / 1e6 / slhSigned, blocks == 0 ? 0
              : appendNanos / 1e6 / blocks, report, buildNanos, totalNanos, dataBytes,
          g.blockAlgorithm(), g.slhDsaAlgorithm(), g.slhDsaEvery(), claims.entrySet().stream()
              .map(e -> new ClaimFigures(e.getKey(), ProofSystems.postQuantum(e.getKey()),
                  (int) e.getValue()[0], e.getValue()[1], e.getValue()[2] / 1e6)).toList(),
          List.copyOf(notes));
    }
  }
}
