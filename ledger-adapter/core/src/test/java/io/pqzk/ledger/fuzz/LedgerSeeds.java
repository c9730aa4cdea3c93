package io.pqzk.ledger.fuzz;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockProducer;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.BlockSealer;
import io.pqzk.ledger.ClaimContexts;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessDelegation;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.stark.claim.StarkProofSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the ledger targets' fixture chain and seed corpora from real artifacts: keys derived
 * from fixed seeds (so the genesis is the same on every run), blocks sealed and certified by
 * {@link BlockProducer}, a real STARK claim. Run only on request, from this module's folder:
 * {@code ./mvnw -pl ledger-adapter/core -am test -Dtest=LedgerSeeds -Dfuzz.seeds=write
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class LedgerSeeds {
  static final long T0 = 1_700_000_000_000L;
  static final String CHAIN = "fuzz-chain";
  static final String POLICY = "fitness>=60 && vax_date>=20250101";
  static final Path RESOURCES = Path.of("src/test/resources/io/pqzk/ledger/fuzz");

  /** A ledger key derived from a fixed seed: the same key on every run. */
  static LedgerSigningKey key(String alg, int n) throws Exception {
    SignatureAlgorithm a = SignatureAlgorithm.fromName(alg);
    byte[] seed = new byte[a.seedLength()];
    Arrays.fill(seed, (byte) n);
    PqKeyPair kp = io.pqzk.sig.Signatures.keyPairFromSeed(a, seed);
    LedgerPublicKey pub = Signatures.publicKey(alg, KeyCodec.encodePublicKey(kp.publicKey()));
    return Signatures.decodePrivate(pub, KeyCodec.encodePrivateKeyUnencrypted(kp.privateKey()));
  }

  @Test
  void write() throws Exception {
    List<ProposerKeys> validators = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      validators.add(new ProposerKeys("validator-" + i, key("ML-DSA-65", 10 + i),
          key("SLH-DSA-SHA2-128f", 20 + i)));
    }
    LedgerSigningKey authority = key("ML-DSA-65", 30);
    LedgerSigningKey office = key("ML-DSA-44", 31);
    LedgerSigningKey clinic = key("ML-DSA-65", 32);
    GenesisBuilder gb = new GenesisBuilder(CHAIN, T0).slhDsa("SLH-DSA-SHA2-128f", 2)
        .authority("medical-authority", authority.publicKey())
        .authority("records-office", office.publicKey())
        .participant("clinic", clinic.publicKey()).claimSystem(StarkProofSystem.ID);
    for (ProposerKeys v : validators) {
      gb.validator(v.name(), v.mlDsa().publicKey(), v.slhDsa().publicKey());
    }
    byte[] genesisJson = gb.toJson();
    Genesis genesis = Genesis.parse(genesisJson);
    BlockRules rules = new BlockRules(genesis);
    BlockProducer producer = new BlockProducer(rules, validators,
        new CommitSigner(rules, validators.stream().map(ProposerKeys::mlDsa).toList()));
    TransactionFactory txs = new TransactionFactory(CHAIN);
    StarkProofSystem stark = new StarkProofSystem();

    List<Record> records = new ArrayList<>();
    List<byte[]> leaves = new ArrayList<>();
    List<byte[]> commitments = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long[] salt = {1000 + i, 2000 + i};
      Record r = Record.of(new long[] {100 + i, 1990 + i, 2, 55 + 5 * i, 20250301, 2, 1}, salt);
      records.add(r);
      leaves.add(stark.registryHash().leaf(r));
      byte[] c = new byte[32];
      Arrays.fill(c, (byte) (0x40 + i));
      commitments.add(c);
    }
    java.util.function.IntFunction<byte[]> register = i -> txs.registerRecord(authority,
        commitments.get(i), "service-member/v1", List.of(leaves.get(i)));

    byte[] grantId = txs.newGrantId();
    List<byte[]> block0 = List.of(register.apply(0), register.apply(1), register.apply(2));
    BlockProducer.Produced b0 = producer.produce(block0, T0 + 1000);
    byte[] grant = txs.updateAccess(authority, AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(grantId))
        .setGranteeKeyId(ByteString.copyFrom(clinic.publicKey().keyId()))
        .setPurpose("treatment").setNotAfterMillis(T0 + 86_400_000L)
        .addRecordCommitments(ByteString.copyFrom(commitments.get(0)))
        .addRecordCommitments(ByteString.copyFrom(commitments.get(1))).build());
    BlockProducer.Produced b1 = producer.produce(List.of(grant, register.apply(3),
        register.apply(4), register.apply(5)), T0 + 2000);

    // candidates for height 2
    byte[] nonce = new byte[ClaimContexts.NONCE_BYTES];
    Arrays.fill(nonce, (byte) 7);
    byte[] ctx = ClaimContexts.of(CHAIN, 0, clinic.publicKey().keyId(), nonce);
    SparseMerkleTree tree = SparseMerkleTree.build(stark.registryHash(), leaves.subList(0, 3));
    byte[] proof = stark.prove(new ClaimStatement(tree.root(), Policy.parse(POLICY),
        ClaimContext.of(ctx)), new ClaimWitness(records.get(1), tree.path(1)));
    byte[] claim = txs.claim(clinic, Claim.newBuilder().setRootHeight(0).setPolicy(POLICY)
        .setContext(ByteString.copyFrom(ctx))
        .setProof(ProofAttachment.newBuilder().setSystem(StarkProofSystem.ID)
            .setClaim("eligibility").setProof(ByteString.copyFrom(proof))).build());
    byte[] read = txs.logAccess(clinic, AccessEvent.newBuilder()
        .setGrantId(ByteString.copyFrom(grantId))
        .setRecordCommitment(ByteString.copyFrom(commitments.get(0)))
        .setReadMillis(T0 + 2500).setPurpose("treatment").build());
    byte[] grant2 = txs.updateAccess(authority, AccessPolicyUpdate.newBuilder()
        .setGrantId(ByteString.copyFrom(txs.newGrantId()))
        .setGranteeKeyId(ByteString.copyFrom(clinic.publicKey().keyId()))
        .setPurpose("research").setNotAfterMillis(T0 + 86_400_000L)
        .addRecordCommitments(ByteString.copyFrom(commitments.get(2))).build());
    byte[] delegate = txs.delegateAccess(authority, AccessDelegation.newBuilder()
        .setDelegateKeyId(ByteString.copyFrom(office.publicKey().keyId()))
        .setNotAfterMillis(T0 + 86_400_000L).setAllRecords(true).build());
    byte[] register6 = register.apply(6);

    Path chain = RESOURCES.resolve("chain");
    write(chain.resolve("genesis.json"), genesisJson);
    write(chain.resolve("block-0.bin"), b0.bytes());
    write(chain.resolve("block-1.bin"), b1.bytes());
    String[] txNames = LedgerFixture.TRANSACTIONS;
    byte[][] txBytes = {claim, register6, grant2, read, delegate};
    for (int i = 0; i < txNames.length; i++) {
      write(chain.resolve("tx/" + txNames[i] + ".bin"), txBytes[i]);
      write(RESOURCES.resolve("TransactionFuzzTestInputs/admit/" + txNames[i]), txBytes[i]);
    }
    BlockSealer sealer = new BlockSealer(rules);
    ProposerKeys proposer = validators.get(2 % validators.size());
    List<List<byte[]>> contents = List.of(List.of(claim, read, grant2),
        List.of(register6, delegate), List.of());
    for (int i = 0; i < contents.size(); i++) {
      BlockDraft d = rules.draft(producer.state(), T0 + 3000);
      for (byte[] t : contents.get(i)) {
        d.admit(rules.parseTransaction(t));
      }
      byte[] block = sealer.seal(d, producer.state(), proposer, T0 + 3000,
          producer.headCommit().toByteArray()).bytes();
      rules.validate(block, producer.state());
      String name = LedgerFixture.NEXT_BLOCKS[i];
      write(chain.resolve("next/" + name + ".bin"), block);
      write(RESOURCES.resolve("BlockFuzzTestInputs/validate/" + name), block);
    }
    write(RESOURCES.resolve("QuorumCertificateFuzzTestInputs/verify/commit-of-block-0"),
        prefixed(0, b0.commit().toByteArray()));
    write(RESOURCES.resolve("QuorumCertificateFuzzTestInputs/verify/commit-of-block-1"),
        prefixed(1, b1.commit().toByteArray()));
    write(RESOURCES.resolve("GenesisFuzzTestInputs/parse/four-validators-stark"), genesisJson);
    write(RESOURCES.resolve("GenesisFuzzTestInputs/parse/one-validator"),
        new GenesisBuilder("small", T0).validator("v", validators.get(0).mlDsa().publicKey(),
            validators.get(0).slhDsa().publicKey()).toJson());
  }

  /**
   * The reproducers of findings, kept in the corpora: {@code -Dtest=LedgerSeeds#reproducers}.
   */
  @Test
  void reproducers() throws Exception {
    io.pqzk.ledger.proto.QuorumCertificate chain = StrangersTextTest.renamed(
        StrangersTextTest.EVIL, "pqzk/v1/commit");
    io.pqzk.ledger.proto.QuorumCertificate domain = StrangersTextTest.renamed(CHAIN,
        StrangersTextTest.EVIL);
    write(RESOURCES.resolve("QuorumCertificateFuzzTestInputs/verify/finding-escapes-in-chain-id"),
        prefixed(1, chain.toByteArray()));
    write(RESOURCES.resolve("QuorumCertificateFuzzTestInputs/verify/finding-escapes-in-domain"),
        prefixed(1, domain.toByteArray()));
    write(RESOURCES.resolve("BlockFuzzTestInputs/validate/finding-escapes-in-carried-certificate"),
        StrangersTextTest.blockCarrying(chain));
  }

  static byte[] prefixed(int pick, byte[] bytes) {
    byte[] out = new byte[bytes.length + 1];
    out[0] = (byte) pick;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }

  static void write(Path file, byte[] bytes) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
