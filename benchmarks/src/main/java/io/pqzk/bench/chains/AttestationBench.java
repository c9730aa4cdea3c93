package io.pqzk.bench.chains;

import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.attest.Attestations;
import io.pqzk.chains.attest.Attesters;
import io.pqzk.chains.attest.Decision;
import io.pqzk.chains.attest.QuorumDecision;
import io.pqzk.chains.proto.Attestation;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What post-quantum attestations of a foreign block cost, for a quorum of 3 of 4 and 11 of 16
 * attesters, with ML-DSA-65 alone and with SLH-DSA-SHA2-128f beside it:
 * <ul>
 *   <li>{@code sign}: one attester attests one block (attestations signed per second);
 *   <li>{@code decide}: the k-of-n decision over k attestations, the signatures verified in one
 *       batch on every core (multiply by k for attestations verified per second);
 *   <li>printed once per trial ({@code # bytes per foreign block}): the k attestations a block
 *       needs (the file {@code pqzk attest verify} reads), and the one quorum certificate they
 *       are gathered into, which is what a chain would carry per block.
 * </ul>
 * The block is Ethereum mainnet block 23,094,898 (Prague); a Fabric block's attestations are 32
 * bytes longer each (the covered metadata digest). Run: {@code java -jar
 * benchmarks/target/benchmarks.jar AttestationBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
public class AttestationBench {
  @Param({"3of4", "11of16"})
  public String quorum;

  @Param({"ML-DSA-65", "ML-DSA-65+SLH-DSA-SHA2-128f"})
  public String scheme;

  ForeignBlock block;
  Attesters attesters;
  int k;
  List<LedgerSigningKey> ml = new ArrayList<>();
  List<LedgerSigningKey> slh = new ArrayList<>();
  List<Attestation> attestations = new ArrayList<>();
  int attestationBytes;
  int certificateBytes;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] q = quorum.split("of");
    k = Integer.parseInt(q[0]);
    int n = Integer.parseInt(q[1]);
    boolean withSlh = scheme.contains("SLH-DSA");
    HexFormat hex = HexFormat.of();
    block = new ForeignBlock("ethereum", null, 23_094_898L,
        hex.parseHex("e6064637def8a5a9a90c8a666005975e4a6c46acf8af57e1f2adb20dfced133a"),
        hex.parseHex("37b527c98c86436f292d4e19fac3aba6d8c7768684ea972f50adc305fd9a1475"),
        new byte[0], "Prague header (21 fields)");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("attester-" + i);
      ml.add(Signatures.generate("ML-DSA-65"));
      if (withSlh) {
        slh.add(Signatures.generate("SLH-DSA-SHA2-128f"));
      }
    }
    attesters = Attesters.parse(Attesters.file("ethereum", "1", k, withSlh, names, pub(ml),
        pub(slh)));
    for (int i = 0; i < k; i++) {
      attestations.add(Attestations.sign(block, "1", ml.get(i), withSlh ? slh.get(i) : null));
    }
    attestationBytes = Attestations.bundle(attestations).length;
    Decision d = QuorumDecision.decide(block, attesters, k, attestations);
    if (!d.attested()) {
      throw new IllegalStateException("setup: " + d);
    }
    certificateBytes = d.certificate().orElseThrow().getSerializedSize();
    System.out.println("# bytes per foreign block, " + quorum + " " + scheme + ": " + k
        + " attestations " + attestationBytes + " bytes, quorum certificate " + certificateBytes
        + " bytes");
  }

  static List<LedgerPublicKey> pub(List<LedgerSigningKey> keys) {
    return keys.stream().map(LedgerSigningKey::publicKey).toList();
  }

  @Benchmark
  public Attestation sign() {
    return Attestations.sign(block, "1", ml.get(0), slh.isEmpty() ? null : slh.get(0));
  }

  @Benchmark
  public Decision decide() throws Exception {
    return QuorumDecision.decide(block, attesters, k, attestations);
  }
}
