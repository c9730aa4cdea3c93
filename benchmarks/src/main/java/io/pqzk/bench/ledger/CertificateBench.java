package io.pqzk.bench.ledger;

import io.pqzk.ledger.BlockProducer;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.Statement;
import java.util.ArrayList;
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
 * What quorum certificates cost a validator, per block, for n = 4, 7 and 16 validators (a quorum
 * of floor(2n/3)+1 = 3, 5 and 11 ML-DSA-65 signatures), next to the block's own signatures:
 * <ul>
 *   <li>{@code verifyCertificate}: checking one commit certificate, its signatures batched on
 *       every core, as a validator does for each block it receives;
 *   <li>{@code verifyBlockSignatures}: the proposer's ML-DSA-65 and SLH-DSA-SHA2-128f signatures
 *       over the same header, batched the same way;
 *   <li>the bytes each adds to a block, printed once per trial (exact, not measured).
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar CertificateBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CertificateBench {
  @Param({"4", "7", "16"})
  public int validators;

  BlockRules rules;
  QuorumCertificate qc;
  Statement statement;
  List<Signatures.Check> blockChecks;
  int certificateBytes;
  int blockSignatureBytes;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    List<ProposerKeys> keys = new ArrayList<>();
    GenesisBuilder g = new GenesisBuilder("cert-bench", 1);
    for (int i = 0; i < validators; i++) {
      LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
      LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
      keys.add(new ProposerKeys("v" + i, ml, slh));
      g.validator("v" + i, ml.publicKey(), slh.publicKey());
    }
    rules = new BlockRules(Genesis.parse(g.toJson()));
    int quorum = rules.genesis().commitSigners().threshold();
    BlockProducer producer = new BlockProducer(rules, keys, new CommitSigner(rules,
        keys.subList(0, quorum).stream().map(ProposerKeys::mlDsa).toList()));
    BlockProducer.Produced b = producer.produce(List.of(), 2);
    qc = b.commit();
    statement = rules.commitStatement(0, b.block().headerHash());
    certificateBytes = qc.getSerializedSize();
    Block block = b.block().block();
    ProposerKeys p = keys.get(0);
    byte[] header = block.getHeader().toByteArray();
    blockChecks = List.of(
        new Signatures.Check(p.mlDsa().publicKey(), header, rules.blockContext(),
            block.getSignatures(0).getSignature().toByteArray(), "ml", 0),
        new Signatures.Check(p.slhDsa().publicKey(), header, rules.blockContext(),
            block.getSignatures(1).getSignature().toByteArray(), "slh", 0));
    blockSignatureBytes = block.getSignatures(0).getSerializedSize()
        + block.getSignatures(1).getSerializedSize();
    // sizes are exact, not measured: printed once per trial for the report
    System.out.printf("bytes per block with %d validators: commit certificate %d (%d"
        + " signatures), proposer's block signatures %d%n", validators, certificateBytes,
        qc.getSignaturesCount(), blockSignatureBytes);
  }

  @Benchmark
  public QuorumCertificate verifyCertificate() throws Exception {
    QuorumCertificates.verify(qc, statement, rules.genesis().commitSigners(), "bench");
    return qc;
  }

  @Benchmark
  public int verifyBlockSignatures() throws Exception {
    Signatures.verifyAll(blockChecks);
    return blockChecks.size();
  }
}
