package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessDelegation;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import java.security.SecureRandom;
import java.util.List;

/**
 * An in-memory chain for rule tests, with block times chosen by the test: one validator, two
 * authorities ({@link #owner} registers the records, {@link #other} does not) and two
 * participants. {@link #block} seals transactions into the next block; {@link #refused} checks a
 * transaction against a draft of the next block without sealing anything.
 */
final class RuleChain {
  static final long T0 = 1_700_000_000_000L;
  static final long HOUR = 3_600_000L;
  final LedgerSigningKey owner;
  final LedgerSigningKey other;
  final LedgerSigningKey clinic;
  final LedgerSigningKey otherClinic;
  final Genesis genesis;
  final BlockRules rules;
  final TransactionFactory txs;
  private final BlockProducer producer;
  private final SecureRandom random = new SecureRandom();

  RuleChain() throws Exception {
    LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
    LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
    owner = Signatures.generate("ML-DSA-65");
    other = Signatures.generate("ML-DSA-65");
    clinic = Signatures.generate("ML-DSA-65");
    otherClinic = Signatures.generate("ML-DSA-65");
    genesis = Genesis.parse(new GenesisBuilder("rule-chain", T0)
        .slhDsa("SLH-DSA-SHA2-128f", 1000)
        .validator("v", ml.publicKey(), slh.publicKey())
        .authority("owner", owner.publicKey()).authority("other", other.publicKey())
        .participant("clinic", clinic.publicKey())
        .participant("other-clinic", otherClinic.publicKey()).toJson());
    rules = new BlockRules(genesis);
    producer = new BlockProducer(rules, List.of(new ProposerKeys("v", ml, slh)),
        new CommitSigner(rules, List.of(ml)));
    txs = new TransactionFactory(genesis.chainId());
  }

  ChainState state() {
    return producer.state();
  }

  /** Seals {@code transactions} into the next block, stamped {@code at}; its record bytes. */
  byte[] block(long at, byte[]... transactions) throws LedgerException {
    return producer.produce(List.of(transactions), at).bytes();
  }

  /** The message with which a block stamped {@code at} refuses {@code tx}. */
  String refused(long at, byte[] tx) {
    BlockDraft d = rules.draft(state(), at);
    return assertThrows(TransactionRejectedException.class,
        () -> d.admit(rules.parseTransaction(tx))).getMessage();
  }

  byte[] commitment() {
    byte[] c = new byte[32];
    random.nextBytes(c);
    return c;
  }

  byte[] id() {
    return txs.newGrantId();
  }

  byte[] register(LedgerSigningKey authority, byte[] commitment) {
    return txs.registerRecord(authority, commitment, "service-member/v1");
  }

  static AccessPolicyUpdate.Builder grantOf(LedgerSigningKey grantee, byte[] grantId,
      String purpose, long notAfter, byte[]... records) {
    AccessPolicyUpdate.Builder g = AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(grantId))
        .setGranteeKeyId(ByteString.copyFrom(grantee.publicKey().keyId()))
        .setPurpose(purpose).setNotAfterMillis(notAfter);
    for (byte[] r : records) {
      g.addRecordCommitments(ByteString.copyFrom(r));
    }
    return g;
  }

  /** A grant by {@code authority} to {@link #clinic}. */
  byte[] grant(LedgerSigningKey authority, byte[] grantId, String purpose, long notAfter,
      byte[]... records) {
    return txs.updateAccess(authority, grantOf(clinic, grantId, purpose, notAfter, records)
        .build());
  }

  byte[] revokeGrant(LedgerSigningKey authority, byte[] grantId) {
    return txs.updateAccess(authority, AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(grantId)).setRevoke(true).build());
  }

  byte[] read(LedgerSigningKey reader, byte[] grantId, byte[] record, String purpose,
      long readMillis) {
    return txs.logAccess(reader, AccessEvent.newBuilder()
        .setGrantId(ByteString.copyFrom(grantId)).setRecordCommitment(ByteString.copyFrom(record))
        .setPurpose(purpose).setReadMillis(readMillis).build());
  }

  static AccessDelegation.Builder delegationOf(LedgerSigningKey delegate, long notAfter,
      byte[]... records) {
    AccessDelegation.Builder d = AccessDelegation.newBuilder()
        .setDelegateKeyId(ByteString.copyFrom(delegate.publicKey().keyId()))
        .setNotAfterMillis(notAfter).setAllRecords(records.length == 0);
    for (byte[] r : records) {
      d.addRecordCommitments(ByteString.copyFrom(r));
    }
    return d;
  }

  /** {@code from} delegates to {@code to} the listed records, or all its records if none. */
  byte[] delegate(LedgerSigningKey from, LedgerSigningKey to, long notAfter, byte[]... records) {
    return txs.delegateAccess(from, delegationOf(to, notAfter, records).build());
  }

  byte[] revokeDelegation(LedgerSigningKey from, LedgerSigningKey to) {
    return txs.delegateAccess(from, AccessDelegation.newBuilder()
        .setDelegateKeyId(ByteString.copyFrom(to.publicKey().keyId())).setRevoke(true).build());
  }
}
