package io.pqzk.ledger.store;

import io.pqzk.zk.stark.claim.StarkProofSystem;

import io.pqzk.ledger.Genesis;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.TransactionRejectedException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.groth16claims.ClaimCircuit;
import io.pqzk.zk.groth16claims.PoseidonRegistryHash;
import io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.stark.claim.StarkRegistryHash;
import io.pqzk.zk.zokrates.ZoKrates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groth16 claims on the ledger, with real zokrates-js proofs (Node; the build installs
 * zokrates-js with npm ci) verified in pure Java against the verification key the genesis pins:
 * an honest claim is accepted by the engine and by the independent validator, forged and replayed
 * attachments are rejected, and a genesis that pins no key, a malformed key or another key is
 * refused or rejects the proof.
 */
public class Groth16ClaimLedgerTest {
  static final String G16 = ZokratesGroth16ProofSystem.ID;
  static final String POLICY = "fitness>=70 && vax_date>=20250101";
  /**
   * Shared with {@link DemoRunTest}: one compile and setup for the module's tests, named by the
   * circuit source's digest (as the default directory is), so that a changed circuit gets a new
   * setup instead of reusing one whose key the genesis rules then refuse.
   */
  public static final Path SETUP = Path.of("target", "groth16-claim-setup-"
      + java.util.HexFormat.of().formatHex(ClaimCircuit.load().sourceDigest()).substring(0, 16));
  static final SecureRandom RANDOM = new SecureRandom();
  static final PoseidonRegistryHash POSEIDON = new PoseidonRegistryHash();
  static final StarkRegistryHash RPO = new StarkRegistryHash();
  static String vk;
  static ZokratesGroth16ProofSystem groth16;
  static TestChain chain;
  static final List<Record> records = new ArrayList<>();
  static final List<byte[]> poseidonLeaves = new ArrayList<>();
  static byte[] ctx0;
  static byte[] proof0;
  static byte[] ctx1;
  static byte[] proofOfBlock0AtHeight1;

  @BeforeAll
  static void setUp() throws Exception {
    ClaimCircuit circuit = ClaimCircuit.in(SETUP);
    try (ZoKrates zk = ZoKrates.create(Duration.ofMinutes(15))) {
      circuit.prover(zk); // compiles and sets up once; later runs reuse the directory
    }
    vk = circuit.verificationKeyJson();
    groth16 = ZokratesGroth16ProofSystem.withVerificationKey(circuit, vk);
    // both systems: every registration carries an RPO leaf and a Poseidon leaf
    chain = new TestChain(4, Map.of(G16, vk), StarkProofSystem.ID, G16);
    for (int i = 0; i < 6; i++) {
      Record r = Record.withRandomSalt(new long[] {100 + i, 1990, 2, 60 + 5 * i, 20250301, 2, 1},
          RANDOM);
      records.add(r);
      poseidonLeaves.add(POSEIDON.leaf(r));
    }
    ctx0 = TestChain.claimContext(TestChain.CHAIN, 0, chain.clinic);
    proof0 = prove(tree(3), 2, POLICY, ctx0);
    ctx1 = TestChain.claimContext(TestChain.CHAIN, 1, chain.clinic);
    proofOfBlock0AtHeight1 = prove(tree(3), 2, POLICY, ctx1);
  }

  @AfterAll
  static void tearDown() {
    if (groth16 != null) {
      groth16.close();
    }
  }

  /** Block 0 registers records 0-2, block 1 records 3-5. */
  static Ledger openWithRecords(TestChain c, Path dir) throws Exception {
    return c.openWithRegistrations(dir, 2, 3,
        i -> List.of(RPO.leaf(records.get(i)), poseidonLeaves.get(i)));
  }

  static SparseMerkleTree tree(int n) {
    return SparseMerkleTree.build(POSEIDON, poseidonLeaves.subList(0, n));
  }

  static byte[] prove(SparseMerkleTree tree, int index, String policy, byte[] context)
      throws Exception {
    return TestChain.proveClaim(groth16, tree, records.get(index), index, policy, context);
  }

  static Claim claim(long rootHeight, String policy, byte[] context, byte[] proof) {
    return TestChain.claim(G16, rootHeight, policy, context, proof);
  }

  static void submitRejected(TestChain c, Ledger l, Claim claim, String expected) {
    TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
        () -> l.submit(c.txs.claim(c.clinic, claim)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void honestClaim_acceptedByEngineAndIndependentValidator(@TempDir Path dir) throws Exception {
    try (Ledger l = openWithRecords(chain, dir)) {
      assertArrayEquals(tree(3).root(), l.state().claimRootAt(1, 0),
          "the header's Poseidon root is the root a prover computes from the records");
      assertArrayEquals(tree(6).root(), l.state().claimRootAt(1, 1));
      l.submit(chain.txs.claim(chain.clinic, claim(0, POLICY, ctx0, proof0)));
      l.seal(chain.proposer, chain.commits);
    }
    ChainVerifier.Report r = new ChainVerifier(new BlockRules(
        Genesis.load(dir.resolve(Genesis.FILE_NAME)))).verify(dir, null);
    assertEquals(3, r.blocks());
  }

  @Test
  void forgedAttachments_rejectedWithTheirReason(@TempDir Path dir) throws Exception {
    try (Ledger l = openWithRecords(chain, dir)) {
      String json = new String(proof0, StandardCharsets.UTF_8);
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      JsonObject proof = o.getAsJsonObject("proof");
      JsonObject swapped = o.deepCopy();
      swapped.getAsJsonObject("proof").add("a", proof.get("c"));
      swapped.getAsJsonObject("proof").add("c", proof.get("a"));
      submitRejected(chain, l, claim(0, POLICY, ctx0, bytes(swapped)),
          "zokrates-groth16 proof does not verify");
      submitRejected(chain, l, claim(0, POLICY, ctx0, "{not json".getBytes(StandardCharsets.UTF_8)),
          "zokrates-groth16 proof does not verify");
      submitRejected(chain, l, claim(0, "fitness>=71 && vax_date>=20250101", ctx0, proof0),
          "proof is for another statement");
      // a genuine proof for block 0's root, presented as a claim about block 1 (another root)
      submitRejected(chain, l, claim(1, POLICY, ctx1, proofOfBlock0AtHeight1),
          "proof is for another statement");
      submitRejected(chain, l, claim(0, POLICY,
          TestChain.claimContext(TestChain.CHAIN, 0, chain.clinic), proof0),
          "proof is for another statement");
      submitRejected(chain, l, claim(1, POLICY, ctx0, proof0), "claim context must be");
      Claim withInputs = claim(0, POLICY, ctx0, proof0).toBuilder()
          .setProof(claim(0, POLICY, ctx0, proof0).getProof().toBuilder()
              .addPublicInputs(ByteString.copyFrom(new byte[32]))).build();
      submitRejected(chain, l, withInputs, "takes none from the prover");
      l.submit(chain.txs.claim(chain.clinic, claim(0, POLICY, ctx0, proof0)));
      submitRejected(chain, l, claim(0, POLICY, ctx0, proof0), "already used");
      l.seal(chain.proposer, chain.commits);
      submitRejected(chain, l, claim(0, POLICY, ctx0, proof0), "already used");
    }
  }

  @Test
  void pendingClaimCopiedByAnotherAuthor_refused_andTheHonestOneLands(@TempDir Path dir)
      throws Exception {
    Claim honest = claim(0, POLICY, ctx0, proof0);
    try (Ledger l = openWithRecords(chain, dir)) {
      // another genesis member saw the clinic's pending claim and submits it first, as its own
      TransactionRejectedException copied = assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.txs.claim(chain.authority, honest)));
      assertTrue(copied.getMessage().contains("claim context must be")
          && copied.getMessage().contains(chain.authority.publicKey().keyIdHex()),
          copied.getMessage());
      // naming itself in the context instead breaks the proof, which commits to the context
      Claim renamed = honest.toBuilder().setContext(ByteString.copyFrom(
          TestChain.renamedContext(ctx0, chain.authority))).build();
      TransactionRejectedException forged = assertThrows(TransactionRejectedException.class,
          () -> l.submit(chain.txs.claim(chain.authority, renamed)));
      assertTrue(forged.getMessage().contains("proof is for another statement"),
          forged.getMessage());
      l.submit(chain.txs.claim(chain.clinic, honest));
      l.seal(chain.proposer, chain.commits);
    }
    assertEquals(3, new ChainVerifier(chain.rules).verify(dir, null).blocks());
  }

  @Test
  void aChainPinningAnotherKey_rejectsTheProof(@TempDir Path dir) throws Exception {
    // a well-formed key of the claim circuit's shape, but not this setup's: gamma and delta swapped
    JsonObject k = JsonParser.parseString(vk).getAsJsonObject();
    JsonObject other = k.deepCopy();
    other.add("gamma", k.get("delta"));
    other.add("delta", k.get("gamma"));
    TestChain pinnedElsewhere = new TestChain(4, Map.of(G16, other.toString()),
        StarkProofSystem.ID, G16);
    // a genuine proof, made for the author who presents it on that chain
    byte[] ctx = TestChain.claimContext(TestChain.CHAIN, 0, pinnedElsewhere.clinic);
    byte[] proof = prove(tree(3), 2, POLICY, ctx);
    try (Ledger l = openWithRecords(pinnedElsewhere, dir)) {
      submitRejected(pinnedElsewhere, l, claim(0, POLICY, ctx, proof),
          "Groth16 pairing check failed");
    }
  }

  @Test
  void genesis_mustPinExactlyTheKeysOfSystemsWithATrustedSetup() {
    assertGenesisRefused(Map.of(), List.of(G16), "must pin its verification key");
    assertGenesisRefused(Map.of(G16, vk, StarkProofSystem.ID, vk), List.of(StarkProofSystem.ID, G16),
        "transparent and takes no key");
    assertGenesisRefused(Map.of(G16, vk), List.of(StarkProofSystem.ID), "not in claims.systems");
    assertGenesisRefused(Map.of(G16, "{\"scheme\": \"g16\""), List.of(G16),
        "claims.verification_keys['zokrates-groth16']");
    JsonObject shorter = JsonParser.parseString(vk).getAsJsonObject().deepCopy();
    shorter.getAsJsonArray("gamma_abc").remove(1);
    assertGenesisRefused(Map.of(G16, shorter.toString()), List.of(G16), "not the claim circuit's");
  }

  private static void assertGenesisRefused(Map<String, String> keys, List<String> systems,
      String expected) {
    io.pqzk.ledger.proto.Claims.Builder claims = io.pqzk.ledger.proto.Claims.newBuilder()
        .addAllSystems(systems).putAllVerificationKeys(keys);
    keys.keySet().forEach(k -> claims.putCircuits(k, io.pqzk.ledger.proto.CircuitDigests
        .newBuilder().setSourceSha256("0".repeat(64)).setProgramSha256("0".repeat(64)).build()));
    byte[] json = Genesis.toJson(chain.genesisProto(4).setClaims(claims).build());
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> Genesis.parse(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void falseClaims_cannotBeProven() {
    // record 0 has fitness 60: the policy fails before any proof is attempted
    assertThrows(ClaimNotSatisfiedException.class, () -> prove(tree(3), 0, POLICY, ctx0));
    // record 5 is not under block 0's root
    SparseMerkleTree t3 = tree(3);
    assertThrows(ClaimNotSatisfiedException.class, () -> groth16.prove(
        new ClaimStatement(t3.root(), Policy.parse(POLICY), ClaimContext.of(ctx0)),
        new ClaimWitness(records.get(5), t3.path(2))));
  }

  private static byte[] bytes(JsonObject o) {
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }
}
