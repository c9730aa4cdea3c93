package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Transaction;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every signed, hashed or wrapping structure is accepted only in its canonical encoding: the
 * audit changed a block's and a transaction's bytes (an unknown field in the outer wrapper) while
 * their hashes and signatures stayed valid. Each variant below keeps the signed inner bytes
 * intact and must still be refused.
 */
class CanonicalBytesTest {
  static BlockRules rules;
  static LedgerSigningKey authority;
  static TransactionFactory txs;
  static BlockProducer producer;
  static byte[] tx;

  @BeforeAll
  static void chain() throws Exception {
    LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
    LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
    authority = Signatures.generate("ML-DSA-65");
    rules = new BlockRules(Genesis.parse(new GenesisBuilder("canon", 1)
        .validator("v", ml.publicKey(), slh.publicKey()).authority("a", authority.publicKey())
        .toJson()));
    producer = new BlockProducer(rules, List.of(new ProposerKeys("v", ml, slh)),
        new CommitSigner(rules, List.of(ml)));
    txs = new TransactionFactory("canon");
    tx = txs.registerRecord(authority, new byte[32], "s");
  }

  /** {@code bytes} with one more field {@code number} (varint type) holding {@code value}. */
  static byte[] withField(byte[] bytes, int number, int value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes);
    out.write(number << 3);
    out.write(value);
    return out.toByteArray();
  }

  @Test
  void honestTransaction_isAccepted() throws Exception {
    rules.parseTransaction(tx);
  }

  @Test
  void transaction_unknownFieldInTheWrapper_isRefused() {
    TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
        () -> rules.parseTransaction(withField(tx, 9, 1)));
    assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
  }

  @Test
  void transaction_duplicateField_isRefused() throws Exception {
    Transaction t = Transaction.parseFrom(tx);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(tx);
    out.writeBytes(Transaction.newBuilder().setSignature(t.getSignature()).build().toByteArray());
    byte[] twice = out.toByteArray(); // the signature field written twice: the last one wins
    assertEquals(t, Transaction.parseFrom(twice), "protobuf itself accepts it");
    TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
        () -> rules.parseTransaction(twice));
    assertTrue(e.getMessage().contains("canonical"), e.getMessage());
  }

  @Test
  void transaction_nonMinimalLength_isRefused() {
    // field 1 (body) is length-delimited: rewrite its one-byte length as a two-byte varint
    int len = tx[1] & 0xff;
    int at = 2;
    if ((len & 0x80) != 0) {
      return; // a body longer than 127 bytes: covered by the duplicate-field case
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tx[0]);
    out.write(len | 0x80);
    out.write(0);
    out.write(tx, at, tx.length - at);
    assertThrows(TransactionRejectedException.class,
        () -> rules.parseTransaction(out.toByteArray()));
  }

  @Test
  void transaction_unknownFieldInTheBody_isRefused() throws Exception {
    byte[] body = withField(txs.body(authority).setRecordRegistration(
        io.pqzk.ledger.proto.RecordRegistration.newBuilder()
            .setCommitment(com.google.protobuf.ByteString.copyFrom(new byte[32]))
            .setSchema("s")).build().toByteArray(), 99, 1);
    byte[] signed = Transaction.newBuilder().setBody(com.google.protobuf.ByteString.copyFrom(body))
        .setSignature(io.pqzk.ledger.proto.SignatureEnvelope.newBuilder()
            .setAlgorithm("ML-DSA-65")
            .setKeyId(com.google.protobuf.ByteString.copyFrom(authority.publicKey().keyId()))
            .setContext(com.google.protobuf.ByteString.copyFrom(rules.transactionContext()))
            .setSignature(com.google.protobuf.ByteString.copyFrom(
                Signatures.sign(authority, body, rules.transactionContext()))))
        .build().toByteArray();
    TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
        () -> rules.parseTransaction(signed));
    assertTrue(e.getMessage().contains("transaction body carries unknown field"), e.getMessage());
  }

  @Test
  void block_unknownFieldInTheWrapper_isRefused() throws Exception {
    ChainState fresh = ChainState.inMemory(rules.genesis());
    byte[] block = producer.produce(List.of(), 2).bytes();
    rules.validate(block, fresh); // honest: accepted
    BlockRejectedException e = assertThrows(BlockRejectedException.class,
        () -> rules.validate(withField(block, 15, 1), ChainState.inMemory(rules.genesis())));
    assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
  }
}
