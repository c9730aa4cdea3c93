package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.ProofAttachment;
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
    BlockProducer producer = new BlockProducer(rules, List.of(new ProposerKeys("v", ml, slh)),
        new CommitSigner(rules, List.of(ml)));
    TransactionFactory txs = new TransactionFactory(g.chainId());

    Record record = Record.withRandomSalt(new long[] {7, 1990, 2, 80, 20260101, 3, 1}, RANDOM);
    byte[] leaf = ProofSystems.registryHash("stark").leaf(record);
    byte[] block0 = producer.produce(List.of(txs.registerRecord(authority, randomBytes(32),
        "service-member/v1", List.of(leaf))), g.proto().getCreatedMillis() + 1).bytes();

    byte[] context = ClaimContexts.of(g.chainId(), 0, authority.publicKey().keyId(),
        randomBytes(ClaimContexts.NONCE_BYTES));
    SparseMerkleTree tree = SparseMerkleTree.build(ProofSystems.registryHash("stark"),
        List.of(leaf));
    byte[] proof = ProofSystems.get("stark").prove(new ClaimStatement(tree.root(),
        Policy.parse("fitness>=70"), ClaimContext.of(context)),
        new ClaimWitness(record, tree.path(0)));
    byte[] block1 = producer.produce(List.of(txs.claim(authority,
        io.pqzk.ledger.proto.Claim.newBuilder().setRootHeight(0).setPolicy("fitness>=70")
            .setContext(ByteString.copyFrom(context))
            .setProof(ProofAttachment.newBuilder().setSystem("stark").setClaim("eligibility")
                .setProof(ByteString.copyFrom(proof))).build())),
        g.proto().getCreatedMillis() + 2).bytes();

    ChainState validator = ChainState.inMemory(g);
    for (byte[] b : List.of(block0, block1)) {
      validator.apply(rules.validate(b, validator).effects(), List.of());
    }
    assertEquals(1, validator.height());
    assertTrue(java.util.Arrays.equals(producer.state().stateRoot(), validator.stateRoot()));
  }

  @Test
  void groth16Chain_isRefusedByName_whenGroth16IsAbsent() throws Exception {
    LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
    LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
    byte[] json = Genesis.toJson(genesis(ml, slh, Signatures.generate("ML-DSA-65"),
        "zokrates-groth16").build());
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> Genesis.parse(json));
    assertTrue(e.getMessage().contains("zokrates-groth16"), e.getMessage());
  }

  private static io.pqzk.ledger.proto.Genesis.Builder genesis(LedgerSigningKey ml,
      LedgerSigningKey slh, LedgerSigningKey authority, String system) {
    return new GenesisBuilder("stark-only", 1_700_000_000_000L)
        .validator("v", ml.publicKey(), slh.publicKey()).authority("a", authority.publicKey())
        .claimSystem(system).build().toBuilder();
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
