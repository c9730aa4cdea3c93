package io.pqzk.replication;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.pqzk.ledger.BlockSealer;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.ValidatorSetRule;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.CertificateSignature;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.proto.ValidatorChange;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.Statement;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.replication.proto.ClaimsEntry;
import io.pqzk.replication.proto.Command;
import io.pqzk.replication.proto.CommitVote;
import io.pqzk.replication.proto.KeyConfig;
import io.pqzk.replication.proto.LimitsEntry;
import io.pqzk.replication.proto.MemberEntry;
import io.pqzk.replication.proto.NetworkConfig;
import io.pqzk.replication.proto.NodeConfig;
import io.pqzk.replication.proto.PeerConfig;
import io.pqzk.replication.proto.Proposal;
import io.pqzk.replication.proto.SlhDsa;
import io.pqzk.replication.proto.TlsConfig;
import io.pqzk.replication.proto.ValidatorEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the replication targets' fixture and seeds from real artifacts: fresh keys (kept as
 * test resources, so every run sees the same network), the genesis {@link NetworkGenesis} builds
 * from a real network description, block 0 sealed by {@link BlockSealer} and the commit votes
 * of three validators, then the log entries and client commands a node really receives next
 * (block 1 carrying block 0's certificate, a vote, a record registration) and validator-set
 * changes certified by the set in force. Run only on request, from this module's folder: {@code
 * ./mvnw -pl ledger-adapter/replication -am test -Dtest=ReplicationSeeds -Dfuzz.seeds=write
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class ReplicationSeeds {
  static final Path RESOURCES = Path.of("src/test/resources/io/pqzk/replication");
  static final Path FIXTURE = RESOURCES.resolve("fuzz");

  @TempDir Path tmp;

  @Test
  void write() throws Exception {
    Path keys = Files.createDirectories(FIXTURE.resolve("keys"));
    // written first and used from memory: the class path copy of the resources is older
    List<ProposerKeys> validators = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      validators.add(new ProposerKeys("v" + i, writeKey(keys, "v" + i, ReplicationFuzzFixture.ML),
          writeKey(keys, "v" + i, ReplicationFuzzFixture.SLH)));
    }
    LedgerSigningKey authority = writeKey(keys, "authority", ReplicationFuzzFixture.ML);
    writeKey(keys, "clinic", "ML-DSA-44");

    // the network description an operator writes, and the genesis built from it
    NetworkConfig.Builder network = NetworkConfig.newBuilder()
        .setChainId(ReplicationFuzzFixture.CHAIN).setCreatedMillis(ReplicationFuzzFixture.T0)
        .setBlockSignatureAlgorithm(ReplicationFuzzFixture.ML)
        .setSlhDsa(SlhDsa.newBuilder().setAlgorithm(ReplicationFuzzFixture.SLH)
            .setEveryNBlocks(64));
    for (int i = 0; i < 4; i++) {
      network.addValidators(ValidatorEntry.newBuilder().setName("v" + i)
          .setMlDsaPublic("keys/v" + i + ".ML-DSA-65.pub")
          .setSlhDsaPublic("keys/v" + i + ".SLH-DSA-SHA2-128f.pub"));
    }
    network.addAuthorities(MemberEntry.newBuilder().setName("authority")
        .setPublicKey("keys/authority.ML-DSA-65.pub"));
    Path netJson = FIXTURE.resolve("network.json");
    Files.writeString(netJson, JsonFormat.printer().print(network));
    byte[] genesis = NetworkGenesis.build(netJson);
    Files.delete(netJson);
    Files.write(FIXTURE.resolve("genesis.json"), genesis);

    Path netSeeds = Files.createDirectories(RESOURCES.resolve(
        "NetworkConfigFuzzTestInputs/build"));
    Files.writeString(netSeeds.resolve("four-validators"), JsonFormat.printer().print(network));
    NetworkConfig.Builder full = network.clone()
        .addParticipants(MemberEntry.newBuilder().setName("clinic")
            .setPublicKey("keys/clinic.ML-DSA-44.pub").setAlgorithm("ML-DSA-44"))
        .setClaims(ClaimsEntry.newBuilder().addSystems("stark"))
        .setLimits(LimitsEntry.newBuilder().setMaxTransactionBytes(1 << 20)
            .setMaxBlockBytes(8 << 20).setMaxBlockTransactions(500)
            .setMaxClockDriftMillis(30_000));
    Files.writeString(netSeeds.resolve("participant-claims-limits"),
        JsonFormat.printer().print(full));

    Path nodeSeeds = Files.createDirectories(RESOURCES.resolve("NodeConfigFuzzTestInputs/load"));
    for (boolean join : new boolean[] {false, true}) {
      NodeConfig.Builder c = NodeConfig.newBuilder().setNodeId(join ? "v4" : "v0")
          .setDataDir("data").setGenesis("../genesis.json")
          .setRaftAddress("127.0.0.1:7100").setApiAddress("127.0.0.1:7200")
          .setKeys(KeyConfig.newBuilder().setMlDsaPublic("../keys/v0.ML-DSA-65.pub")
              .setMlDsaPrivate("../keys/v0.ML-DSA-65.key")
              .setSlhDsaPublic("../keys/v0.SLH-DSA-SHA2-128f.pub")
              .setSlhDsaPrivate("../keys/v0.SLH-DSA-SHA2-128f.key")
              .setPassphraseFile("../keys/PASSPHRASE"))
          .setTls(TlsConfig.newBuilder().setCa("tls/ca.pem").setCertificate("tls/v0.pem")
              .setPrivateKey("tls/v0.key"))
          .setJoin(join).setMaxBlockTransactions(200).setSnapshotEveryEntries(512);
      for (int j = 0; j < 4; j++) {
        c.addPeers(PeerConfig.newBuilder().setId("v" + j).setRaftAddress("127.0.0.1:710" + j)
            .setApiAddress("[::1]:720" + j));
      }
      Files.writeString(nodeSeeds.resolve(join ? "joining-node" : "founding-node"),
          JsonFormat.printer().print(c));
    }

    // block 0 and the votes that make it final, as log entries
    Path ledgerDir = tmp.resolve("seed-ledger");
    io.pqzk.ledger.BlockRules rules = new io.pqzk.ledger.BlockRules(Genesis.parse(genesis));
    byte[] block0;
    byte[] block1;
    Statement commit0;
    try (Ledger ledger = Ledger.open(ledgerDir, rules)) {
      long ts = ReplicationFuzzFixture.T0 + 1000;
      block0 = new BlockSealer(rules).seal(rules.draft(ledger.state(), ts), ledger.state(),
          validators.get(0), ts, new byte[0]).bytes();
      ledger.appendValidated(block0, null);
      commit0 = rules.commitStatement(0, ledger.state().headHash());
      List<CertificateSignature> sigs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sigs.add(QuorumCertificates.sign(i, validators.get(i).mlDsa(), null, commit0));
      }
      QuorumCertificate qc = QuorumCertificates.assemble(commit0, sigs);
      long ts1 = ts + 1000;
      block1 = new BlockSealer(rules).seal(rules.draft(ledger.state(), ts1), ledger.state(),
          validators.get(1), ts1, qc.toByteArray()).bytes();
    }
    Files.write(FIXTURE.resolve("block-0.cmd"), proposal(block0));
    Files.write(FIXTURE.resolve("block-1.bin"), block1);
    for (int i = 0; i < 3; i++) {
      Files.write(FIXTURE.resolve("vote-" + i + ".cmd"), vote(validators.get(i), i, commit0));
    }

    // what a node receives next
    TransactionFactory txs = new TransactionFactory(ReplicationFuzzFixture.CHAIN);
    byte[] commitment = new byte[32];
    commitment[0] = 7;
    byte[] registration = txs.registerRecord(authority, commitment, "pqzk-record/v1");
    Files.write(FIXTURE.resolve("registration.tx"), registration);
    Path cmd = Files.createDirectories(RESOURCES.resolve("CommandFuzzTestInputs/command"));
    byte[][] commands = {
        proposal(block1),
        vote(validators.get(3), 3, commit0),
        Command.newBuilder().setTransaction(ByteString.copyFrom(registration)).build()
            .toByteArray(),
        Command.newBuilder().setProposal(Proposal.newBuilder().setBlock(ByteString.copyFrom(
            block1)).addDroppedIds(ByteString.copyFrom(new byte[32]))
            .addDroppedReasons("expired")).build().toByteArray()};
    String[] what = {"block-1", "vote-v3", "registration", "block-1-dropping"};
    for (int i = 0; i < commands.length; i++) {
      Files.write(cmd.resolve("apply-" + what[i]), prefixed((byte) 1, commands[i]));
      Files.write(cmd.resolve("leader-" + what[i]), prefixed((byte) 0, commands[i]));
    }

    // validator-set changes certified by v0..v2 for set version 0
    Path ms = Files.createDirectories(RESOURCES.resolve("MembershipFuzzTestInputs/admit"));
    ProposerKeys v4 = validators.get(4);
    ValidatorChange add = ValidatorChange.newBuilder().setKind(ValidatorChange.Kind.ADD)
        .setSetVersion(0).setPeerAddress("127.0.0.1:7104").setValidator(Member.newBuilder()
            .setName("v4").addKeys(Genesis.keyEntry(v4.mlDsa().publicKey()))
            .addKeys(Genesis.keyEntry(v4.slhDsa().publicKey()))).build();
    ValidatorChange rotate = ValidatorChange.newBuilder().setKind(ValidatorChange.Kind.ROTATE)
        .setSetVersion(0).setValidator(Member.newBuilder().setName("v3")
            .addKeys(Genesis.keyEntry(v4.mlDsa().publicKey()))
            .addKeys(Genesis.keyEntry(v4.slhDsa().publicKey()))).build();
    ValidatorChange remove = ValidatorChange.newBuilder().setKind(ValidatorChange.Kind.REMOVE)
        .setSetVersion(0).setValidator(Member.newBuilder().setName("v2")).build();
    ValidatorChange[] changes = {add, rotate, remove};
    String[] kinds = {"add-v4", "rotate-v3", "remove-v2"};
    for (int i = 0; i < changes.length; i++) {
      byte[] change = changes[i].toByteArray();
      Statement s = ValidatorSetRule.statement(ReplicationFuzzFixture.CHAIN, 0, change);
      List<CertificateSignature> sigs = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        sigs.add(QuorumCertificates.sign(j, validators.get(j).mlDsa(), null, s));
      }
      LedgerSigningKey author = authority; // any known key: the certificate authorises it
      Files.write(ms.resolve(kinds[i]), txs.changeValidators(author, change,
          QuorumCertificates.assemble(s, sigs)));
    }
  }

  static byte[] proposal(byte[] block) {
    return Command.newBuilder().setProposal(Proposal.newBuilder()
        .setBlock(ByteString.copyFrom(block))).build().toByteArray();
  }

  static byte[] vote(ProposerKeys v, int index, Statement s) {
    return Command.newBuilder().setVote(CommitVote.newBuilder().setHeight(s.height())
        .setHeaderHash(ByteString.copyFrom(s.subjectHash()))
        .setSignature(QuorumCertificates.sign(index, v.mlDsa(), null, s))).build().toByteArray();
  }

  static byte[] prefixed(byte first, byte[] rest) {
    byte[] b = new byte[rest.length + 1];
    b[0] = first;
    System.arraycopy(rest, 0, b, 1, rest.length);
    return b;
  }

  private static LedgerSigningKey writeKey(Path dir, String name, String alg) throws Exception {
    LedgerSigningKey k = Signatures.generate(alg);
    Files.writeString(dir.resolve(name + "." + alg + ".pub"),
        Signatures.publicKeyToPem(k.publicKey()), StandardCharsets.US_ASCII);
    Files.write(dir.resolve(name + "." + alg + ".der"), Signatures.encodePrivate(k));
    return k;
  }
}
