package io.pqzk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ParameterSets;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.claims.RecordSchema;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkSecurity;
import io.pqzk.zk.stark.claim.StarkProofSystem;
import io.pqzk.zk.stark.claim.StarkRegistryHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The genesis pins the STARK parameter sets its validators accept and the record schema of its
 * registries; the ledger verifies claims under exactly those. The audit's case: a valid proof
 * made under another set above the security floor (255 queries, blowup 64, folding 4, which
 * costs a validator many times the default's work) is refused, by the node admitting it and by
 * a validator checking a block a proposer with a laxer verifier made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimGenesisPinningTest {
  static final long T0 = 1_700_000_000_000L;
  static final String POLICY = "fitness>=70";
  /** The audit's set: above the floor, a valid proof, about 17 times the verifier's work. */
  static final String HEAVY = "b64-q255-g16-f4-r255-sha256";
  /** As the default but with 18 grinding bits: the same proof size, still another set. */
  static final String REGROUND = "b32-q34-g18-f8-r255-sha256";
  final SecureRandom random = new SecureRandom();
  final StarkRegistryHash hash = new StarkRegistryHash();
  LedgerSigningKey ml;
  LedgerSigningKey slh;
  LedgerSigningKey authority;
  Record record;
  byte[] leaf;

  @BeforeAll
  void keys() throws Exception {
    ml = Signatures.generate("ML-DSA-65");
    slh = Signatures.generate("SLH-DSA-SHA2-128f");
    authority = Signatures.generate("ML-DSA-65");
    record = Record.withRandomSalt(new long[] {7, 1990, 2, 80, 20260101, 3, 1}, random);
    leaf = hash.leaf(record);
  }

  GenesisBuilder builder() {
    return new GenesisBuilder("pinning", T0).validator("v", ml.publicKey(), slh.publicKey())
        .authority("a", authority.publicKey());
  }

  /** A chain of {@code genesis} with one record per leaf of {@code leaves} in block 0. */
  final class Chain {
    final Genesis genesis;
    final BlockRules rules;
    final BlockProducer producer;
    final TransactionFactory txs;
    final byte[] block0;

    Chain(byte[] genesisJson, List<byte[]> leaves) throws Exception {
      this(Genesis.parse(genesisJson), null, leaves);
    }

    /** With {@code verifiers} instead of the genesis's own (a proposer's laxer node). */
    Chain(Genesis g, List<ProofVerifier> verifiers, List<byte[]> leaves) throws Exception {
      genesis = g;
      rules = verifiers == null ? new BlockRules(g) : new BlockRules(g, verifiers);
      producer = new BlockProducer(rules, List.of(new ProposerKeys("v", ml, slh)),
          new CommitSigner(rules, List.of(ml)));
      txs = new TransactionFactory(g.chainId());
      List<byte[]> registrations = new java.util.ArrayList<>();
      for (byte[] l : leaves) {
        registrations.add(txs.registerRecord(authority, bytes(32), "service-member/v1",
            List.of(l)));
      }
      block0 = producer.produce(registrations, T0 + 1).bytes();
    }

    byte[] context() {
      return ClaimContexts.of(genesis.chainId(), 0, authority.publicKey().keyId(),
          bytes(ClaimContexts.NONCE_BYTES));
    }

    byte[] claim(Claim c) {
      return txs.claim(authority, c);
    }

    /** Admits {@code tx} to a draft of block 1 and verifies its proof, as a node does. */
    void admit(byte[] tx) throws TransactionRejectedException {
      BlockDraft d = rules.draft(producer.state(), T0 + 2);
      d.admit(rules.parseTransaction(tx));
      BlockDraft.verifyProofs(d.proofChecks());
    }

    String refused(byte[] tx) {
      return assertThrows(TransactionRejectedException.class, () -> admit(tx)).getMessage();
    }
  }

  static Claim claim(byte[] context, String policy, byte[] proof) {
    return Claim.newBuilder().setRootHeight(0).setPolicy(policy)
        .setContext(ByteString.copyFrom(context))
        .setProof(ProofAttachment.newBuilder().setSystem("stark").setClaim("eligibility")
            .setProof(ByteString.copyFrom(proof))).build();
  }

  byte[] prove(ProofSystem stark, byte[] context) throws Exception {
    SparseMerkleTree tree = SparseMerkleTree.build(hash, List.of(leaf));
    return stark.prove(new ClaimStatement(tree.root(), Policy.parse(POLICY),
        ClaimContext.of(context)), new ClaimWitness(record, tree.path(0)));
  }

  static StarkProofSystem proverOf(String set) {
    return new StarkProofSystem(20, StarkOptions.parse(set), StarkSecurity.DEFAULT);
  }

  @Test
  void builtGenesis_pinsTheDefaultSetAndSchema() throws Exception {
    Genesis g = Genesis.parse(builder().claimSystem("stark").toJson());
    assertEquals(List.of(StarkOptions.DEFAULT.name()),
        g.proto().getClaims().getParameterSetsMap().get("stark").getNamesList());
    assertEquals(List.of(StarkOptions.DEFAULT.name()), g.claimParameterSets("stark"));
    assertEquals("pqzk-record/1", g.proto().getClaims().getRecordSchema());
    assertEquals(RecordSchema.V1, g.recordSchema());
  }

  @Test
  void claimUnderTheAuditsHeavySet_refused_thoughValidAboveTheFloor() throws Exception {
    Chain chain = new Chain(builder().claimSystem("stark").toJson(), List.of(leaf));
    byte[] ctx = chain.context();
    byte[] heavy = prove(proverOf(HEAVY), ctx);
    // a verifier configured for that set accepts the proof: it is valid, above the floor
    SparseMerkleTree tree = SparseMerkleTree.build(hash, List.of(leaf));
    proverOf(HEAVY).verify(new ClaimStatement(tree.root(), Policy.parse(POLICY),
        ClaimContext.of(ctx)), heavy);
    String why = chain.refused(chain.claim(claim(ctx, POLICY, heavy)));
    assertTrue(why.contains("stark proof does not verify"), why);
    assertTrue(why.contains("accepted parameter set") || why.contains(HEAVY), why);

    byte[] reground = prove(proverOf(REGROUND), ctx);
    why = chain.refused(chain.claim(claim(ctx, POLICY, reground)));
    assertTrue(why.contains(REGROUND) && why.contains("does not accept")
        && why.contains(StarkOptions.DEFAULT.name()), why);

    // the pinned set goes through
    chain.admit(chain.claim(claim(ctx, POLICY, prove(new StarkProofSystem(), ctx))));
  }

  @Test
  void blockWithAHeavyClaim_fromAProposerWithALaxVerifier_refusedByTheValidator()
      throws Exception {
    byte[] json = builder().claimSystem("stark").toJson();
    Genesis g = Genesis.parse(json);
    // the proposer's node verifies claims under any set at the floor it knows of
    ProofVerifier lax = new ZkProofVerifier(StarkProofSystem.ofParameterSets(
        List.of(StarkOptions.DEFAULT.name(), HEAVY)));
    Chain proposer = new Chain(g, List.of(lax), List.of(leaf));
    BlockRules strict = new BlockRules(g);
    ChainState validator = ChainState.inMemory(g);
    validator.apply(strict.validate(proposer.block0, validator).effects(), List.of());
    byte[] ctx = proposer.context();
    byte[] block1 = proposer.producer.produce(List.of(proposer.claim(
        claim(ctx, POLICY, prove(proverOf(HEAVY), ctx)))), T0 + 2).bytes();
    BlockRejectedException e = assertThrows(BlockRejectedException.class,
        () -> strict.validate(block1, validator));
    assertTrue(e.getMessage().contains("stark proof does not verify"), e.getMessage());
  }

  @Test
  void genesisPinningAnotherSet_acceptsIt_andRefusesTheDefault() throws Exception {
    Chain chain = new Chain(builder().claimSystem("stark", List.of(REGROUND)).toJson(),
        List.of(leaf));
    assertEquals(List.of(REGROUND), chain.genesis.claimParameterSets("stark"));
    byte[] ctx = chain.context();
    chain.admit(chain.claim(claim(ctx, POLICY, prove(proverOf(REGROUND), ctx))));
    // the chain's own proof system proves with the pinned set
    chain.admit(chain.claim(claim(ctx, POLICY,
        prove(chain.genesis.claimProofSystem("stark"), ctx))));
    String why = chain.refused(chain.claim(claim(ctx, POLICY,
        prove(new StarkProofSystem(), ctx))));
    assertTrue(why.contains(StarkOptions.DEFAULT.name()) && why.contains("does not accept"), why);
  }

  @Test
  void genesisWithoutTheNewFields_keepsTheDefaults() throws Exception {
    // a pqzk-genesis/v2 file written before the parameter sets and the schema were pinned
    io.pqzk.ledger.proto.Genesis proto = builder().claimSystem("stark").build();
    proto = proto.toBuilder().setClaims(proto.getClaims().toBuilder().clearParameterSets()
        .clearRecordSchema()).build();
    byte[] json = Genesis.toJson(proto);
    String text = new String(json, StandardCharsets.UTF_8);
    assertTrue(!text.contains("parameterSets") && !text.contains("recordSchema"), text);
    Chain chain = new Chain(json, List.of(leaf));
    assertEquals(List.of(StarkOptions.DEFAULT.name()), chain.genesis.claimParameterSets("stark"));
    assertEquals(RecordSchema.V1, chain.genesis.recordSchema());
    byte[] ctx = chain.context();
    chain.admit(chain.claim(claim(ctx, POLICY, prove(new StarkProofSystem(), ctx))));
    String why = chain.refused(chain.claim(claim(ctx, POLICY, prove(proverOf(REGROUND), ctx))));
    assertTrue(why.contains("does not accept"), why);
  }

  @Test
  void badPins_refusedWhenTheGenesisIsRead() {
    assertGenesisRefused(pin("stark", "b32-q34-g16-f8-r255-md5"), "unknown commitment hash");
    assertGenesisRefused(pin("stark", "fast"), "not a STARK parameter set");
    assertGenesisRefused(pin("stark", "b8-q4-g0-f8-r255-sha256"), "parameter_sets['stark']");
    assertGenesisRefused(pin("stark"), "at least one set");
    assertGenesisRefused(pin("stark", HEAVY, HEAVY), "each once");
    io.pqzk.ledger.proto.Genesis g = builder().claimSystem("stark").build();
    assertGenesisRefused(g.toBuilder().setClaims(g.getClaims().toBuilder().putParameterSets(
        "other", ParameterSets.newBuilder().addNames(HEAVY).build())).build(),
        "not in claims.systems");
    assertGenesisRefused(g.toBuilder().setClaims(g.getClaims().toBuilder()
        .setRecordSchema("pqzk-record/9")).build(), "unknown record schema");
    assertGenesisRefused(g.toBuilder().setClaims(g.getClaims().toBuilder()
        .setRecordSchema("2")).build(), "must be written as 'pqzk-record/2'");
  }

  io.pqzk.ledger.proto.Genesis pin(String system, String... sets) {
    io.pqzk.ledger.proto.Genesis g = builder().claimSystem(system).build();
    return g.toBuilder().setClaims(g.getClaims().toBuilder().putParameterSets(system,
        ParameterSets.newBuilder().addAllNames(List.of(sets)).build())).build();
  }

  static void assertGenesisRefused(io.pqzk.ledger.proto.Genesis g, String expected) {
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> Genesis.parse(Genesis.toJson(g)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void integrityClaims_onASchema2Chain_andRefusedOnASchema1Chain() throws Exception {
    byte[] doc = "report of subject 7: fit".getBytes(StandardCharsets.UTF_8);
    Record r2 = Record.withRandomSalt(record.attributes(), DocumentDigest.ofDocument(doc),
        random);
    byte[] leaf2 = hash.leaf(r2);
    Chain chain = new Chain(builder().claimSystem("stark").recordSchema(RecordSchema.V2)
        .toJson(), List.of(leaf2));
    assertEquals(RecordSchema.V2, chain.genesis.recordSchema());
    SparseMerkleTree tree = SparseMerkleTree.build(hash, List.of(leaf2));
    byte[] ctx = chain.context();
    ClaimStatement s = ClaimStatement.integrity(tree.root(), Policy.none(),
        ClaimContext.of(ctx), DocumentDigest.ofDocument(doc));
    byte[] proof = new StarkProofSystem().prove(s, new ClaimWitness(r2, tree.path(0)));
    Claim honest = claim(ctx, "", proof).toBuilder()
        .setDocumentSha256(ByteString.copyFrom(DocumentDigest.ofDocument(doc).bytes())).build();
    chain.admit(chain.claim(honest));

    byte[] other = doc.clone();
    other[0] ^= 1;
    String why = chain.refused(chain.claim(honest.toBuilder().setDocumentSha256(
        ByteString.copyFrom(DocumentDigest.ofDocument(other).bytes())).build()));
    assertTrue(why.contains("stark proof does not verify"), why);
    why = chain.refused(chain.claim(honest.toBuilder().setDocumentSha256(
        ByteString.copyFrom(new byte[31])).build()));
    assertTrue(why.contains("must be 32 bytes"), why);
    why = chain.refused(chain.claim(honest.toBuilder().clearDocumentSha256().build()));
    assertTrue(why.contains("only an integrity claim may have none"), why);
    // a schema-1 leaf registered on this chain anyway (the ledger cannot see inside a leaf):
    // its honest schema-1 proof is refused, as the chain verifies schema-2 statements only
    Chain mixed = new Chain(builder().claimSystem("stark").recordSchema(RecordSchema.V2)
        .toJson(), List.of(leaf2, leaf));
    SparseMerkleTree both = SparseMerkleTree.build(hash, List.of(leaf2, leaf));
    byte[] ctx1 = mixed.context();
    byte[] v1proof = new StarkProofSystem().prove(new ClaimStatement(both.root(),
        Policy.parse(POLICY), ClaimContext.of(ctx1)), new ClaimWitness(record, both.path(1)));
    why = mixed.refused(mixed.claim(claim(ctx1, POLICY, v1proof)));
    assertTrue(why.contains("stark proof does not verify"), why);

    Chain v1 = new Chain(builder().claimSystem("stark").toJson(), List.of(leaf2));
    why = v1.refused(v1.claim(honest.toBuilder().setContext(ByteString.copyFrom(v1.context()))
        .build()));
    assertTrue(why.contains("integrity claim") && why.contains("pqzk-record/1"), why);
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
