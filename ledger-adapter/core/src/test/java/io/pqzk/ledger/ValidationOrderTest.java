package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.SignatureEnvelope;
import io.pqzk.ledger.proto.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockRules#validate} verifies a block's signatures on the pool while it applies the
 * state rules, but reports what it always did: the first rule broken, state rules and roots
 * before signatures, signatures in list order; and {@link BlockRules#check} agrees.
 */
class ValidationOrderTest {
  static BlockRules rules;
  static Block honest;
  static byte[] honestBytes;

  @BeforeAll
  static void block() throws Exception {
    RuleChain chain = new RuleChain();
    rules = chain.rules;
    byte[][] batch = new byte[6][];
    for (int i = 0; i < batch.length; i++) {
      byte[] c = new byte[32];
      c[0] = (byte) i;
      batch[i] = chain.txs.registerRecord(chain.owner, c, "s");
    }
    honestBytes = chain.block(RuleChain.T0 + RuleChain.HOUR, batch);
    honest = Block.parseFrom(honestBytes);
  }

  static ChainState fresh() {
    return ChainState.inMemory(rules.genesis());
  }

  @Test
  void honestBlock_validates() throws Exception {
    assertEquals(6, rules.validate(honestBytes, fresh()).transactions().size());
  }

  /** A transaction's signature changed: its leaf changes too, and the root is checked first. */
  @Test
  void tamperedTransactionSignature_isRefusedByTheRoot_beforeAnySignature() throws Exception {
    Transaction t = Transaction.parseFrom(honest.getTransactions(3));
    byte[] sig = t.getSignature().getSignature().toByteArray();
    sig[100] ^= 1;
    Transaction bad = t.toBuilder().setSignature(t.getSignature().toBuilder()
        .setSignature(ByteString.copyFrom(sig))).build();
    byte[] block = honest.toBuilder().setTransactions(3, bad.toByteString()).build()
        .toByteArray();
    assertRefused(block, "transactions root does not recompute");
  }

  /** A block signature that does not verify is named as one. */
  @Test
  void tamperedBlockSignature_isNamed() throws Exception {
    SignatureEnvelope env = honest.getSignatures(0);
    byte[] sig = env.getSignature().toByteArray();
    sig[50] ^= 1;
    byte[] block = honest.toBuilder().setSignatures(0, env.toBuilder()
        .setSignature(ByteString.copyFrom(sig))).build().toByteArray();
    String m = assertRefused(block, env.getAlgorithm() + " block signature: ");
    assertTrue(m.contains("does not verify"), m);
  }

  /** A transaction that does not parse is named by its index, as before. */
  @Test
  void unparsableTransaction_isNamedByIndex() {
    byte[] block = honest.toBuilder().setTransactions(4, ByteString.copyFrom(new byte[] {1, 2}))
        .build().toByteArray();
    assertRefused(block, "transaction 4: ");
  }

  private static String assertRefused(byte[] block, String expected) {
    BlockRejectedException v = assertThrows(BlockRejectedException.class,
        () -> rules.validate(block, fresh()));
    assertTrue(v.getMessage().contains(expected), v.getMessage());
    if (!expected.contains("signature: ")) {
      BlockRejectedException c = assertThrows(BlockRejectedException.class,
          () -> rules.check(block, fresh()));
      assertEquals(v.getMessage(), c.getMessage());
    }
    return v.getMessage();
  }
}
