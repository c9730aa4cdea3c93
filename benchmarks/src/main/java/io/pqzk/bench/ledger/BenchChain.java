package io.pqzk.bench.ledger;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockProducer;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A real chain built in memory for the benchmarks: {@code blocks} blocks of {@code txPerBlock}
 * record registrations, each transaction carrying one ML-DSA-65 signature by one of eight
 * authorities; blocks signed with ML-DSA-65 and certified by every validator. By default one
 * validator and SLH-DSA-SHA2-128f only on block 0 (the checkpoint policy is set so that the
 * figure is about transaction signatures); {@link BlockValidationCost} asks for more.
 */
final class BenchChain {
  static final String CHAIN = "bench";
  final Genesis genesis;
  final BlockRules rules;
  final List<byte[]> blocks = new ArrayList<>();
  final int transactions;

  BenchChain(int blockCount, int txPerBlock) throws Exception {
    this(blockCount, txPerBlock, 1, 1_000_000);
  }

  /**
   * As above with {@code validators} validators (taking turns as proposer; every one signs each
   * commit certificate) and an SLH-DSA-SHA2-128f block signature every {@code slhEvery} blocks.
   */
  BenchChain(int blockCount, int txPerBlock, int validators, int slhEvery) throws Exception {
    List<LedgerSigningKey> authorities = new ArrayList<>();
    GenesisBuilder g = new GenesisBuilder(CHAIN, 1).slhDsa("SLH-DSA-SHA2-128f", slhEvery);
    List<ProposerKeys> proposers = new ArrayList<>();
    List<LedgerSigningKey> commitKeys = new ArrayList<>();
    for (int v = 0; v < validators; v++) {
      LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
      LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
      g.validator("v" + v, ml.publicKey(), slh.publicKey());
      proposers.add(new ProposerKeys("v" + v, ml, slh));
      commitKeys.add(ml);
    }
    for (int i = 0; i < 8; i++) {
      LedgerSigningKey a = Signatures.generate("ML-DSA-65");
      authorities.add(a);
      g.authority("authority-" + i, a.publicKey());
    }
    genesis = Genesis.parse(g.toJson());
    rules = new BlockRules(genesis);
    TransactionFactory txs = new TransactionFactory(CHAIN);
    BlockProducer producer = new BlockProducer(rules, proposers,
        new CommitSigner(rules, commitKeys));
    SecureRandom rnd = new SecureRandom();
    for (int b = 0; b < blockCount; b++) {
      List<byte[]> batch = IntStream.range(0, txPerBlock).parallel().mapToObj(i -> {
        byte[] c = new byte[32];
        rnd.nextBytes(c);
        return txs.registerRecord(authorities.get(i % authorities.size()), c, "bench/v1");
      }).toList();
      blocks.add(producer.produce(batch, 1000L + b).bytes());
    }
    transactions = blockCount * txPerBlock;
  }

  /** One transaction's signature check, as the validator performs it. */
  Signatures.Check firstTransactionCheck() throws Exception {
    io.pqzk.ledger.proto.Block b = io.pqzk.ledger.proto.Block.parseFrom(blocks.get(0));
    ByteString tx = b.getTransactions(0);
    return rules.signatureCheck(rules.parseTransaction(tx.toByteArray()), "bench", 0);
  }
}
