package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.ledger.proto.SlhDsaPolicy;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.SparseMerkleTree;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chain that accepts STARK claims runs with only the STARK module on the class path (this
 * module's tests have no Groth16), and one that names Groth16 is refused here, by name.
 */
class StarkOnlyChainTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void starkChain_registersProvesAndValidates_withoutGroth16() throws Exception {
    assertEquals(List.of("stark"), ProofSystems.ids(), "Groth16 must not be on this class path");
    LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
    LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
    LedgerSigningKey authority = Signatures.generate("ML-DSA-65");
    Genesis g = Genesis.parse(Genesis.toJson(genesis(ml, slh, authority, "stark").build()));
    BlockRules rules = new BlockRules(g);
    BlockSealer sealer = new BlockSealer(rules);
    ProposerKeys proposer = new ProposerKeys("v", ml, slh);
    TransactionFactory txs = new TransactionFactory(g.chainId());

    Record record = Record.withRandomSalt(new long[] {7, 1990, 2, 80, 20260101, 3, 1}, RANDOM);
    byte[] leaf = ProofSystems.registryHash("stark").leaf(record);
    ChainState producer = ChainState.inMemory(g);
    byte[] block0 = seal(rules, sealer, producer, proposer, txs.registerRecord(authority,
        randomBytes(32), "service-member/v1", List.of(leaf)));

    byte[] context = ClaimContexts.of(g.chainId(), 0, randomBytes(ClaimContexts.NONCE_BYTES));
    SparseMerkleTree tree = SparseMerkleTree.build(ProofSystems.registryHash("stark"),
        List.of(leaf));
    byte[] proof = ProofSystems.get("stark").prove(new ClaimStatement(tree.root(),
        Policy.parse("fitness>=70"), ClaimContext.of(context)),
        new ClaimWitness(record, tree.path(0)));
    byte[] block1 = seal(rules, sealer, producer, proposer, txs.claim(authority,
        io.pqzk.ledger.proto.Claim.newBuilder().setRootHeight(0).setPolicy("fitness>=70")
            .setContext(ByteString.copyFrom(context))
            .setProof(ProofAttachment.newBuilder().setSystem("stark").setClaim("eligibility")
                .setProof(ByteString.copyFrom(proof))).build()));

    ChainState validator = ChainState.inMemory(g);
    for (byte[] b : List.of(block0, block1)) {
      validator.apply(rules.validate(b, validator).effects(), List.of());
    }
    assertEquals(1, validator.height());
    assertTrue(java.util.Arrays.equals(producer.stateRoot(), validator.stateRoot()));
  }

  @Test
  void groth16Chain_isRefusedByName_whenGroth16IsAbsent() throws Exception {
    LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
    LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
    byte[] json = Genesis.toJson(genesis(ml, slh, Signatures.generate("ML-DSA-65"),
        "zokrates-groth16").putClaimVerificationKeys("zokrates-groth16", "{}").build());
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> Genesis.parse(json));
    assertTrue(e.getMessage().contains("zokrates-groth16"), e.getMessage());
  }

  private static byte[] seal(BlockRules rules, BlockSealer sealer, ChainState state,
      ProposerKeys proposer, byte[] tx) throws Exception {
    long ts = state.headTimestamp() + 1;
    BlockDraft d = rules.draft(state, ts);
    d.admit(rules.parseTransaction(tx));
    BlockSealer.Sealed s = sealer.seal(d, state, proposer, ts);
    state.apply(s.effects(), List.of());
    return s.bytes();
  }

  private static io.pqzk.ledger.proto.Genesis.Builder genesis(LedgerSigningKey ml,
      LedgerSigningKey slh, LedgerSigningKey authority, String system) {
    return io.pqzk.ledger.proto.Genesis.newBuilder().setFormat(Genesis.FORMAT)
        .setChainId("stark-only").setCreatedMillis(1_700_000_000_000L)
        .setBlockSignatureAlgorithm("ML-DSA-65")
        .setSlhDsaPolicy(SlhDsaPolicy.newBuilder().setAlgorithm("SLH-DSA-SHA2-128f")
            .setEveryNBlocks(1))
        .addValidators(Member.newBuilder().setName("v").addKeys(Genesis.keyEntry(ml.publicKey()))
            .addKeys(Genesis.keyEntry(slh.publicKey())))
        .addAuthorities(Member.newBuilder().setName("a")
            .addKeys(Genesis.keyEntry(authority.publicKey())))
        .addClaimSystems(system);
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
