package io.pqzk.chains.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.Fixtures;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.attest.Attestations;
import io.pqzk.chains.attest.Attesters;
import io.pqzk.chains.attest.Decision;
import io.pqzk.chains.attest.QuorumDecision;
import io.pqzk.chains.proto.Attestation;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.groth16claims.ClaimCircuit;
import io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesOptions;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * On-chain claim verification, offline: a local dev node (ganache from npm), the ZoKrates-exported
 * Solidity verifier of the project's claim circuit compiled with solc (npm, WebAssembly), both
 * deployed from Java with web3j. A genuine claim proof verifies on-chain, a tampered one is
 * refused; the gas is written to {@code target/evm-gas.txt}. Then an attestation registry on the
 * same chain records a foreign block's attestations. Needs Node and npm; never skipped.
 */
class EvmClaimVerificationTest {
  static final Path WORK = Path.of("target", "evm");
  static final String POLICY = "fitness>=70 && vax_date>=20260101";

  static DevNode node;
  static EvmChain chain;
  static ZokratesGroth16ProofSystem system;
  static ClaimStatement statement;
  static String proof;
  static String verifierBin;
  static String registryBin;
  static final List<String> gas = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    DevNode.ensureInstalled();
    Files.createDirectories(WORK);
    ClaimCircuit circuit = ClaimCircuit.in(Path.of("target", "groth16claims"));
    system = new ZokratesGroth16ProofSystem(circuit);
    List<Record> records = List.of(
        Record.of(new long[] {1, 1990, 2, 80, 20260115, 3, 7}, new long[] {11, 12}),
        Record.of(new long[] {2, 2001, 1, 60, 20250101, 1, 7}, new long[] {21, 22}));
    List<byte[]> leaves = new ArrayList<>();
    for (Record r : records) {
      leaves.add(system.registryHash().leaf(r));
    }
    SparseMerkleTree tree = SparseMerkleTree.build(system.registryHash(), leaves);
    statement = new ClaimStatement(tree.root(), Policy.parse(POLICY),
        ClaimContext.of("chain=evm-test;nonce=1".getBytes(StandardCharsets.US_ASCII)));
    proof = new String(system.prove(statement, new ClaimWitness(records.get(0), tree.path(0))),
        StandardCharsets.UTF_8);
    String solidity;
    try (ZoKrates zk = ZoKrates.create(Duration.ofMinutes(10))) {
      solidity = zk.exportSolidityVerifier(circuit.verificationKeyJson(),
          ZoKratesOptions.G16_BN128);
    }
    Files.writeString(WORK.resolve("ClaimVerifier.sol"), solidity);
    Files.writeString(WORK.resolve("AttestationRegistry.sol"),
        AttestationRegistryContract.source());
    DevNode.compile(WORK.resolve("out"), WORK.resolve("ClaimVerifier.sol"),
        WORK.resolve("AttestationRegistry.sol"));
    verifierBin = bin("Verifier");
    registryBin = bin("AttestationRegistry");
    ECKeyPair key = Keys.createEcKeyPair();
    String privateKey = "0x" + String.format("%064x", key.getPrivateKey());
    node = DevNode.start(privateKey);
    chain = EvmChain.connect(node.url, privateKey);
  }

  static String bin(String contract) throws Exception {
    JsonObject o = JsonParser.parseString(
        Files.readString(WORK.resolve("out").resolve(contract + ".json"))).getAsJsonObject();
    return o.get("bin").getAsString();
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (chain != null) {
      chain.close();
    }
    if (node != null) {
      node.close();
    }
    if (system != null) {
      system.close();
    }
    if (!gas.isEmpty()) {
      Files.write(WORK.resolve("..").resolve("evm-gas.txt"), gas);
      gas.forEach(g -> System.out.println("EVM gas: " + g));
    }
  }

  @Test
  void verifyTx_genuineProof_acceptedTamperedRefused() throws Exception {
    EvmChain.Receipt deployed = chain.deploy(verifierBin);
    assertTrue(deployed.succeeded());
    gas.add("deploy ZoKrates claim verifier: " + deployed.gasUsed());
    ClaimVerifierContract verifier = new ClaimVerifierContract(chain, deployed.contract());
    system.verify(statement, proof.getBytes(StandardCharsets.UTF_8)); // Java agrees first

    ClaimVerifierContract.Verdict genuine = verifier.verify(proof);
    assertTrue(genuine.accepted(), "the genuine claim proof must verify on-chain");
    gas.add("verifyTx, genuine claim proof (26 public inputs): " + genuine.gasUsed());

    String otherContext = tamperInput(proof, 25);
    ClaimVerifierContract.Verdict tampered = verifier.verify(otherContext);
    assertFalse(tampered.accepted(), "a proof for another context must be refused on-chain");
    gas.add("verifyTx, tampered public input: " + tampered.gasUsed());
    assertThrows(ProofRejectedException.class,
        () -> system.verify(statement, otherContext.getBytes(StandardCharsets.UTF_8)));

    ClaimVerifierContract.Verdict offCurve = verifier.verify(tamperA(proof));
    assertFalse(offCurve.accepted(), "a proof point off the curve must be refused on-chain");
  }

  @Test
  void registry_recordsAttestedForeignBlockOnce() throws Exception {
    EvmChain.Receipt deployed = chain.deploy(registryBin);
    gas.add("deploy AttestationRegistry: " + deployed.gasUsed());
    AttestationRegistryContract registry =
        new AttestationRegistryContract(chain, deployed.contract());
    ForeignBlock block = ChainAdapters.forName("fabric")
        .parse(Fixtures.bytes("fabric/mychannel-5.block"));
    List<String> names = List.of("a", "b", "c", "d");
    List<LedgerSigningKey> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      keys.add(Signatures.generate("ML-DSA-65"));
    }
    Attesters attesters = Attesters.parse(Attesters.file("fabric", "mychannel", 3, false, names,
        keys.stream().map(LedgerSigningKey::publicKey).toList(), List.of()));
    List<Attestation> atts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      atts.add(Attestations.sign(block, "mychannel", keys.get(i), null));
    }
    Decision d = QuorumDecision.decide(block, attesters, 3, atts);
    assertTrue(d.attested());
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest(d.certificate().orElseThrow().toByteArray());

    assertTrue(registry.lookup("fabric", "mychannel", block.number()).isEmpty());
    EvmChain.Receipt r = registry.record("fabric", "mychannel", block.number(), block.hash(),
        digest);
    assertTrue(r.succeeded());
    gas.add("AttestationRegistry.record (one foreign block): " + r.gasUsed());
    byte[][] stored = registry.lookup("fabric", "mychannel", block.number()).orElseThrow();
    assertArrayEquals(block.hash(), stored[0]);
    assertArrayEquals(digest, stored[1]);
    assertFalse(registry.record("fabric", "mychannel", block.number(), block.hash(),
        new byte[32]).succeeded(), "an empty digest is refused");
    byte[] other = digest.clone();
    other[0] ^= 1;
    assertFalse(registry.record("fabric", "mychannel", block.number(), block.hash(), other)
        .succeeded(), "a recorded block is never overwritten");
    assertEquals(HexFormat.of().formatHex(digest),
        HexFormat.of().formatHex(registry.lookup("fabric", "mychannel", block.number())
            .orElseThrow()[1]));
  }

  /** The proof with public input {@code i} plus one (still below the field modulus). */
  static String tamperInput(String proofJson, int i) {
    JsonObject o = JsonParser.parseString(proofJson).getAsJsonObject();
    JsonArray in = o.getAsJsonArray("inputs");
    BigInteger v = new BigInteger(in.get(i).getAsString().substring(2), 16).add(BigInteger.ONE);
    in.set(i, new JsonPrimitive("0x" + String.format("%064x", v)));
    return o.toString();
  }

  /** The proof with a's x coordinate plus one: no longer a point of the curve. */
  static String tamperA(String proofJson) {
    JsonObject o = JsonParser.parseString(proofJson).getAsJsonObject();
    JsonArray a = o.getAsJsonObject("proof").getAsJsonArray("a");
    BigInteger x = new BigInteger(a.get(0).getAsString().substring(2), 16).add(BigInteger.ONE);
    a.set(0, new JsonPrimitive("0x" + String.format("%064x", x)));
    return o.toString();
  }
}
