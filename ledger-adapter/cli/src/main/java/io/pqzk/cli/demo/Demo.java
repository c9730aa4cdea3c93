package io.pqzk.cli.demo;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.ledger.ClaimContexts;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.UnavailableProofSystemException;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.groth16claims.ClaimCircuit;
import io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem;
import io.pqzk.zk.registry.SparseMerkleTree;
import io.pqzk.zk.stark.claim.StarkProofSystem;
import io.pqzk.zk.zokrates.ZoKrates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The end-to-end demo: a genesis with fresh validator, authority and reader keys; N synthetic
 * service-member records whose commitments the authority registers; access grants and logged
 * reads; dual-signed blocks sealed, fsync'd and indexed; then the whole chain re-validated from
 * the files by an independent verifier that trusts only the genesis file. Claims: STARK proofs
 * always, and a Groth16 proof when zokrates-js is installed (the genesis then pins the
 * verification key of the claim circuit's setup).
 */
public final class Demo {
  /** Demo parameters. */
  public record Options(Path data, int records, int validators, int blockSize,
      String slhAlgorithm, int slhEvery, boolean force, Groth16 groth16) {}

  /** Whether the demo includes Groth16 claims: when ZoKrates can run here, always, never. */
  public enum Groth16 { AUTO, ON, OFF }

  /** Receives progress: phase starts and counts within a phase. */
  public interface Listener {
    void phase(String name);

    void progress(long done, long total);
  }

  private static final List<String> OWNED = List.of(Genesis.FILE_NAME, "blocks", "index", "keys",
      "records", "LOCK");

  private final Options o;
  private final Listener listener;
  private final DemoSummary.Builder summary = new DemoSummary.Builder();
  private Ledger ledger;
  private DemoNetwork net;
  private TransactionFactory txs;
  private DemoNetwork.Groth16Pin groth16Pin; // what the genesis pins, when Groth16 is in
  private io.pqzk.ledger.CommitSigner commits;

  public Demo(Options options, Listener listener) {
    this.o = options;
    this.listener = listener;
  }

  public DemoSummary run() throws LedgerException, IOException {
    long start = System.nanoTime();
    prepareDirectory();
    listener.phase("keys and genesis (" + o.validators() + " validators, ML-DSA-65 + "
        + o.slhAlgorithm() + ")");
    String chainId = "pqzk-demo-" + HexFormat.of().formatHex(randomBytes(4));
    ZokratesGroth16ProofSystem groth16 = groth16Setup();
    try {
      net = new DemoNetwork(chainId, o.validators(), o.slhAlgorithm(), o.slhEvery(), groth16Pin);
    } catch (java.security.GeneralSecurityException e) {
      throw new MalformedInputException(e.getMessage());
    }
    net.writeKeys(o.data().resolve("keys"));
    byte[] genesisBytes = Genesis.toJson(net.genesis);
    KeyFiles.atomicWrite(o.data().resolve(Genesis.FILE_NAME), genesisBytes, false);
    Genesis genesis = Genesis.parse(genesisBytes);
    txs = new TransactionFactory(chainId);
    summary.chainId = chainId;

    listener.phase("generating " + o.records() + " synthetic service-member records");
    List<Record> records = SyntheticRecords.generate(o.records(), new Random(),
        new SecureRandom());
    List<byte[]> commitments = new ArrayList<>(records.size());
    records.forEach(r -> commitments.add(SyntheticRecords.commitment(chainId, r)));
    // one registry leaf per claim system of the genesis, each under that system's hash
    List<RegistryHash> hashes = new ArrayList<>();
    List<List<byte[]>> leaves = new ArrayList<>();
    for (String system : genesis.claimSystems()) {
      RegistryHash h = registryHash(system);
      hashes.add(h);
      leaves.add(records.parallelStream().map(h::leaf).toList());
    }
    writeRecords(records, commitments);

    BlockRules rules = new BlockRules(genesis);
    commits = net.commitSigner(rules);
    try (Ledger l = Ledger.open(o.data(), rules)) {
      ledger = l;
      listener.phase("registering " + o.records() + " record commitments");
      submitAll(o.records(), i -> txs.registerRecord(net.authority, commitments.get(i),
          SyntheticRecords.SCHEMA, leaves.stream().map(ls -> ls.get(i)).toList()),
          "record_registration");
      if (l.pendingCount() > 0) {
        seal();
      }
      long rootHeight = l.height();
      int grants = (o.records() + 9) / 10;
      List<byte[]> grantIds = new ArrayList<>();
      for (int i = 0; i < grants; i++) {
        grantIds.add(txs.newGrantId());
      }
      long notAfter = System.currentTimeMillis() + 365L * 24 * 3600 * 1000;
      listener.phase("writing " + grants + " access grants (10 records each)");
      submitAll(grants, i -> {
        AccessPolicyUpdate.Builder g = AccessPolicyUpdate.newBuilder()
            .setGrantId(ByteString.copyFrom(grantIds.get(i)))
            .setGranteeKeyId(ByteString.copyFrom(reader(i).publicKey().keyId()))
            .setPurpose("treatment").setNotAfterMillis(notAfter);
        for (int j = 10 * i; j < Math.min(o.records(), 10 * i + 10); j++) {
          g.addRecordCommitments(ByteString.copyFrom(commitments.get(j)));
        }
        return txs.updateAccess(net.authority, g.build());
      }, "access_policy_update");
      if (l.pendingCount() > 0) {
        seal(); // a read lies after the block that wrote its grant, so grants go first
      }
      long now = Math.max(System.currentTimeMillis(), l.state().headTimestamp());
      listener.phase("logging " + o.records() + " access events");
      submitAll(o.records(), j -> txs.logAccess(reader(j / 10), AccessEvent.newBuilder()
          .setGrantId(ByteString.copyFrom(grantIds.get(j / 10)))
          .setRecordCommitment(ByteString.copyFrom(commitments.get(j)))
          .setReadMillis(now).setPurpose("treatment").build()), "access_event");
      if (rootHeight >= 0) {
        for (int k = 0; k < hashes.size(); k++) {
          String system = genesis.claimSystems().get(k);
          SparseMerkleTree tree = SparseMerkleTree.build(hashes.get(k), leaves.get(k));
          if (system.equals(StarkProofSystem.ID)) {
            claims(new StarkProofSystem(), starkPolicies(records.get(0)), chainId, records, tree,
                rootHeight);
          } else {
            claims(groth16, groth16Policies(records.get(0)), chainId, records, tree, rootHeight);
          }
        }
      }
      if (l.pendingCount() > 0) {
        seal();
      }
    } finally {
      ledger = null;
      records.forEach(Record::destroy);
      if (groth16 != null) {
        groth16.close();
      }
    }
    long sealed = System.nanoTime();

    listener.phase("re-validating the whole chain from the files, trusting only genesis.json");
    Genesis fresh = Genesis.load(o.data().resolve(Genesis.FILE_NAME));
    ChainVerifier.Report report = new ChainVerifier(new BlockRules(fresh))
        .verify(o.data(), h -> listener.progress(h + 1, summary.blocks));
    summary.report = report;
    summary.buildNanos = sealed - start;
    summary.totalNanos = System.nanoTime() - start;
    summary.dataBytes = directoryBytes(o.data());
    return summary.build(fresh);
  }

  /**
   * One eligibility policy and one integrity claim: the first record, as committed, has this
   * subject id and this vaccination date (the two attributes disclosed, nothing else).
   */
  private static List<String> groth16Policies(Record first) {
    return List.of("fitness>=70 && vax_date>=20250101 && clearance>=1",
        "subject_id==" + first.get(Attribute.SUBJECT_ID) + " && vax_date=="
            + first.get(Attribute.VAX_DATE));
  }

  /** Eligibility policies and one disclosure (of the first record's blood group and clearance). */
  private static List<String> starkPolicies(Record first) {
    return List.of(
        "fitness>=70 && vax_date>=20250101",
        "birth_year<=2000 && clearance>=2",
        "fitness>=60 && fitness<=100 && blood_group<=7 && issuer==1",
        "blood_group==" + first.get(Attribute.BLOOD_GROUP) + " && clearance=="
            + first.get(Attribute.CLEARANCE));
  }

  /**
   * The claim circuit's Groth16 setup (compiled and set up once, then reused from {@link
   * ClaimCircuit#directory()}), whose verification key the genesis will pin; null
   * when Groth16 is left out (--groth16 off, or auto and ZoKrates cannot run here).
   */
  private ZokratesGroth16ProofSystem groth16Setup() throws MalformedInputException {
    if (o.groth16() == Groth16.OFF) {
      summary.note("Groth16 claims: left out (--groth16 off)");
      return null;
    }
    ClaimCircuit circuit = ClaimCircuit.load();
    try (ZoKrates zk = ZoKrates.create(Duration.ofMinutes(15))) {
      listener.phase("Groth16 claim circuit through zokrates-js: compile and trusted setup, or"
          + " reuse the ones in " + circuit.directory() + " (Groth16 is NOT post-quantum sound and"
          + " needs a trusted setup; this demo trusts its own)");
      circuit.prover(zk);
      groth16Pin = new DemoNetwork.Groth16Pin(circuit.verificationKeyJson(),
          HexFormat.of().formatHex(circuit.sourceDigest()),
          HexFormat.of().formatHex(circuit.programDigest()));
      return new ZokratesGroth16ProofSystem(circuit); // proves with the setup whose key is pinned
    } catch (ProofException e) {
      if (o.groth16() == Groth16.ON) {
        throw new MalformedInputException("--groth16 on, but ZoKrates cannot run: " + e.getMessage(),
            e);
      }
      summary.note("Groth16 claims: left out, ZoKrates cannot run here (" + e.getMessage() + ")");
      return null;
    }
  }

  private static RegistryHash registryHash(String system) {
    try {
      return ProofSystems.registryHash(system);
    } catch (UnavailableProofSystemException e) {
      throw new IllegalStateException("demo genesis names " + system + ": " + e.getMessage(), e);
    }
  }

  /**
   * Readers prove claims about records against the registry root of block {@code rootHeight}
   * (every record registered by then), each proof bound to this chain, that height, the reader
   * who submits it and a fresh nonce: eligibility policies and a disclosure of two attributes of
   * one record (its integrity as committed).
   */
  private void claims(ProofSystem system, List<String> policies, String chainId,
      List<Record> records, SparseMerkleTree tree, long rootHeight)
      throws LedgerException, IOException {
    listener.phase("proving " + policies.size() + " " + system.id() + " claim"
        + (policies.size() == 1 ? "" : "s") + " ("
        + (system.postQuantum() ? "post-quantum, transparent" : "NOT post-quantum, trusted setup")
        + ") against the registry root of block " + rootHeight);
    SecureRandom random = new SecureRandom();
    int done = 0;
    for (String text : policies) {
      Policy policy = Policy.parse(text);
      int index = -1;
      for (int i = 0; i < records.size() && index < 0; i++) {
        if (policy.holds(records.get(i))) {
          index = i;
        }
      }
      if (index < 0) {
        listener.progress(++done, policies.size());
        continue; // no synthetic record meets it: nothing true to prove
      }
      // the context names the reader who will submit the claim: no one else can present it
      LedgerSigningKey author = reader(done);
      byte[] nonce = new byte[ClaimContexts.NONCE_BYTES];
      random.nextBytes(nonce);
      byte[] context = ClaimContexts.of(chainId, rootHeight, author.publicKey().keyId(), nonce);
      ClaimStatement st = new ClaimStatement(tree.root(), policy, ClaimContext.of(context));
      long t0 = System.nanoTime();
      byte[] proof;
      try {
        proof = system.prove(st, new ClaimWitness(records.get(index), tree.path(index)));
      } catch (ProofException e) {
        throw new IllegalStateException("demo claim could not be proven: " + e.getMessage(), e);
      }
      summary.proved(system.id(), proof.length, System.nanoTime() - t0);
      Claim claim = Claim.newBuilder().setRootHeight(rootHeight).setPolicy(text)
          .setContext(ByteString.copyFrom(context))
          .setProof(ProofAttachment.newBuilder().setSystem(system.id())
              .setClaim(text.contains("==") ? "disclosure" : "eligibility")
              .setProof(ByteString.copyFrom(proof)))
          .build();
      ledger.submit(txs.claim(author, claim));
      summary.count("claim");
      listener.progress(++done, policies.size());
    }
  }

  private LedgerSigningKey reader(int grant) {
    return net.readers.get(grant % net.readers.size());
  }

  /** Signs {@code n} transactions on every core, submits them in order, seals full blocks. */
  private void submitAll(int n, IntFunction<byte[]> make, String kind)
      throws LedgerException, IOException {
    int chunk = Math.max(o.blockSize(), 64);
    for (int from = 0; from < n; from += chunk) {
      int to = Math.min(n, from + chunk);
      List<byte[]> batch = IntStream.range(from, to).parallel().mapToObj(make).toList();
      for (byte[] tx : batch) {
        ledger.submit(tx);
        summary.count(kind);
        if (ledger.pendingCount() >= o.blockSize()) {
          seal();
        }
      }
      listener.progress(to, n);
    }
  }

  private void seal() throws IOException, LedgerException {
    ProposerKeys proposer = net.validators.get((int) ((ledger.height() + 1)
        % net.validators.size()));
    Ledger.SealResult r = ledger.seal(proposer, commits);
    if (!r.dropped().isEmpty()) {
      throw new IllegalStateException("demo transaction dropped: " + r.dropped().get(0));
    }
    summary.sealed(r);
  }

  private void prepareDirectory() throws IOException, MalformedInputException {
    Path d = o.data();
    boolean hasChain = Files.exists(d.resolve(Genesis.FILE_NAME))
        || Files.exists(d.resolve("blocks"));
    if (hasChain && !o.force()) {
      throw new MalformedInputException(d + " already holds a chain; pass --force to replace it,"
          + " or check it with `pqzk chain verify --data " + d + "`");
    }
    if (Files.exists(d) && !Files.isDirectory(d)) {
      throw new MalformedInputException(d + " exists and is not a directory");
    }
    for (String name : OWNED) {
      deleteTree(d.resolve(name));
    }
    Files.createDirectories(d);
  }

  private void writeRecords(List<Record> records, List<byte[]> commitments) throws IOException {
    StringBuilder csv = new StringBuilder();
    StringBuilder open = new StringBuilder();
    List<String> cols = new ArrayList<>();
    for (Attribute a : Attribute.values()) {
      cols.add(a.columnName());
    }
    csv.append(String.join(",", cols)).append('\n');
    open.append(String.join(",", cols)).append(",salt0,salt1,commitment\n");
    for (int i = 0; i < records.size(); i++) {
      long[] a = records.get(i).attributes();
      long[] s = records.get(i).salt();
      String row = java.util.Arrays.stream(a).mapToObj(Long::toString)
          .collect(java.util.stream.Collectors.joining(","));
      csv.append(row).append('\n');
      open.append(row).append(',').append(s[0]).append(',').append(s[1]).append(',')
          .append(HexFormat.of().formatHex(commitments.get(i))).append('\n');
    }
    Path dir = Files.createDirectories(o.data().resolve("records"));
    KeyFiles.atomicWrite(dir.resolve("records.csv"),
        csv.toString().getBytes(StandardCharsets.US_ASCII), true);
    KeyFiles.atomicWrite(dir.resolve("openings.csv"),
        open.toString().getBytes(StandardCharsets.US_ASCII), true);
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  static long directoryBytes(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
