package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.proto.ValidatorChange;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validator set is chain state: a certified change included at height h applies from h+1,
 * where the new set proposes and certifies; the old set's keys then sign nothing that counts. A
 * change without a quorum of the set in force, or replayed against a later set, is refused.
 */
class ValidatorSetChangeTest {
  static final String CHAIN = "members";
  final List<ProposerKeys> keys = new ArrayList<>();
  LedgerSigningKey authority;
  BlockRules rules;
  ChainState state;
  BlockSealer sealer;
  TransactionFactory txs = new TransactionFactory(CHAIN);
  byte[] lastCommit = new byte[0];
  long time = 1_000;

  @BeforeEach
  void genesis() throws Exception {
    GenesisBuilder g = new GenesisBuilder(CHAIN, 1);
    for (int i = 0; i < 4; i++) {
      keys.add(newValidator("v" + i));
      g.validator("v" + i, keys.get(i).mlDsa().publicKey(), keys.get(i).slhDsa().publicKey());
    }
    authority = Signatures.generate("ML-DSA-65");
    g.authority("a", authority.publicKey());
    rules = new BlockRules(Genesis.parse(g.toJson()));
    state = ChainState.inMemory(rules.genesis());
    sealer = new BlockSealer(rules);
  }

  static ProposerKeys newValidator(String name) throws Exception {
    return new ProposerKeys(name, Signatures.generate("ML-DSA-65"),
        Signatures.generate("SLH-DSA-SHA2-128f"));
  }

  /** Seals, validates and applies the next block from {@code proposer}; certified by {@code signers}. */
  BlockRules.ValidatedBlock block(ProposerKeys proposer, List<ProposerKeys> signers,
      byte[]... transactions) throws LedgerException, java.io.IOException {
    time += 10;
    BlockDraft d = rules.draft(state, time);
    for (byte[] t : transactions) {
      d.admit(rules.parseTransaction(t, state));
    }
    byte[] bytes = sealer.seal(d, state, proposer, time, lastCommit).bytes();
    BlockRules.ValidatedBlock v = rules.validate(bytes, state);
    QuorumCertificate qc = new CommitSigner(rules, signers.stream().map(ProposerKeys::mlDsa)
        .toList()).certify(v, time);
    state.apply(v.effects(), List.of());
    lastCommit = qc.toByteArray();
    return v;
  }

  byte[] change(ValidatorChange.Kind kind, ProposerKeys who, List<ProposerKeys> signers,
      long version) {
    Member.Builder m = Member.newBuilder().setName(who.name());
    if (kind != ValidatorChange.Kind.REMOVE) {
      m.addKeys(Genesis.keyEntry(who.mlDsa().publicKey()))
          .addKeys(Genesis.keyEntry(who.slhDsa().publicKey()));
    }
    byte[] c = ValidatorChange.newBuilder().setKind(kind).setSetVersion(version).setValidator(m)
        .setPeerAddress("127.0.0.1:9999").build().toByteArray();
    Statement s = ValidatorSetRule.statement(CHAIN, version, c);
    List<CertificateSignature> sigs = new ArrayList<>();
    for (ProposerKeys k : signers) {
      sigs.add(QuorumCertificates.sign(state.validators().validator(k.mlDsa().publicKey()
          .keyId()).index(), k.mlDsa(), null, s));
    }
    return txs.changeValidators(authority, c, QuorumCertificates.assemble(s, sigs));
  }

  @Test
  void addedValidator_proposesAndCertifiesFromTheNextHeight() throws Exception {
    ProposerKeys v4 = newValidator("v4");
    List<ProposerKeys> old = keys.subList(0, 3);
    block(keys.get(0), old, change(ValidatorChange.Kind.ADD, v4, old, 0));
    assertEquals(5, state.validators().size());
    assertEquals(4, state.headValidators().size(), "block 0 was certified by the old set");
    assertEquals("127.0.0.1:9999", state.validators().peerAddress(4));
    // height 1: quorum of 5 is 4; three old validators no longer suffice
    BlockRejectedException shortQuorum = assertThrows(BlockRejectedException.class,
        () -> block(v4, old));
    assertTrue(shortQuorum.getMessage().contains("a commit needs 4 of 5"),
        shortQuorum.getMessage());
    List<ProposerKeys> newSet = new ArrayList<>(old);
    newSet.add(v4);
    block(v4, newSet, txs.registerRecord(authority, new byte[32], "s"));
    block(keys.get(1), newSet);
    assertEquals(2, state.height());
  }

  @Test
  void removedValidator_canNoLongerPropose_orSign() throws Exception {
    List<ProposerKeys> quorum = keys.subList(0, 3);
    block(keys.get(0), quorum, change(ValidatorChange.Kind.REMOVE, keys.get(3), quorum, 0));
    assertEquals(3, state.validators().size());
    BlockRejectedException e = assertThrows(BlockRejectedException.class,
        () -> block(keys.get(3), quorum));
    assertTrue(e.getMessage().contains("not a validator at this height"), e.getMessage());
    BlockRejectedException sign = assertThrows(BlockRejectedException.class,
        () -> block(keys.get(0), List.of(keys.get(3), keys.get(0))));
    assertTrue(sign.getMessage().contains("a commit needs 3 of 3"), sign.getMessage());
  }

  @Test
  void rotatedKey_replacesTheOld() throws Exception {
    List<ProposerKeys> quorum = keys.subList(0, 3);
    ProposerKeys fresh = newValidator("v2");
    block(keys.get(0), quorum, change(ValidatorChange.Kind.ROTATE, fresh, quorum, 0));
    assertEquals(fresh.mlDsa().publicKey(), state.validators().byName("v2").mlDsa());
    assertThrows(BlockRejectedException.class, () -> block(keys.get(2), quorum));
    block(fresh, List.of(keys.get(0), keys.get(1), fresh));
  }

  @Test
  void change_withoutTheQuorum_orReplayedOnALaterSet_isRefused() throws Exception {
    ProposerKeys v4 = newValidator("v4");
    TransactionRejectedException few = assertThrows(TransactionRejectedException.class,
        () -> block(keys.get(0), keys, change(ValidatorChange.Kind.ADD, v4, keys.subList(0, 2),
            0)));
    assertTrue(few.getMessage().contains("the quorum is 3 of 4"), few.getMessage());
    byte[] add = change(ValidatorChange.Kind.ADD, v4, keys.subList(0, 3), 0);
    block(keys.get(0), keys, add);
    ProposerKeys v5 = newValidator("v5");
    byte[] stale = change(ValidatorChange.Kind.ADD, v5, keys.subList(0, 4), 0);
    TransactionRejectedException replay = assertThrows(TransactionRejectedException.class,
        () -> block(keys.get(0), keys, stale));
    assertTrue(replay.getMessage().contains("the set in force is version 1"),
        replay.getMessage());
  }

  @Test
  void change_withAForgedSignature_failsTheBlock() throws Exception {
    ProposerKeys v4 = newValidator("v4");
    ProposerKeys impostor = newValidator("v2");
    // signer index 2 is v2, but the signature is the impostor's
    List<ProposerKeys> signers = List.of(keys.get(0), keys.get(1), keys.get(2));
    byte[] c = ValidatorChange.newBuilder().setKind(ValidatorChange.Kind.ADD).setValidator(
        Member.newBuilder().setName("v4").addKeys(Genesis.keyEntry(v4.mlDsa().publicKey()))
            .addKeys(Genesis.keyEntry(v4.slhDsa().publicKey()))).build().toByteArray();
    Statement s = ValidatorSetRule.statement(CHAIN, 0, c);
    List<CertificateSignature> sigs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      sigs.add(QuorumCertificates.sign(i, signers.get(i).mlDsa(), null, s));
    }
    sigs.add(QuorumCertificates.sign(2, impostor.mlDsa(), null, s));
    byte[] tx = txs.changeValidators(authority, c, QuorumCertificates.assemble(s, sigs));
    BlockRejectedException e = assertThrows(BlockRejectedException.class,
        () -> block(keys.get(0), keys, tx));
    assertTrue(e.getMessage().contains("signer 2 ('v2') ML-DSA signature"), e.getMessage());
    assertEquals(4, state.validators().size());
  }
}
