package io.pqzk.cli.demo;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.ClaimContexts;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.PurposeOfUse;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ProofAttachment;
import io.pqzk.ledger.store.ChainVerifier;
import io.pqzk.records.custodian.Caller;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.EmbeddedLedger;
import io.pqzk.records.custodian.Openings;
import io.pqzk.records.custodian.RecordDocument;
import io.pqzk.records.custodian.Requests;
import io.pqzk.records.proto.OpeningRequest;
import io.pqzk.records.proto.SignedOpeningRequest;
import io.pqzk.records.service.NodeLayout;
import io.pqzk.records.vault.AuthorityEscrow;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.groth16claims.ClaimCircuit;
import io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem;
import io.pqzk.zk.stark.claim.StarkProofSystem;
import io.pqzk.zk.zokrates.ZoKrates;
import java.io.IOException;
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
 * The end-to-end demo: a genesis with fresh validator, authority, custodian and reader keys; N
 * synthetic service-member documents kept encrypted in the custodian's vault (only commitments
 * and custody on the chain); readers registered by authority transactions; access grants; reads
 * through the custodian, each checked against the ledger and recorded by an access event the
 * custodian signs, final before the document leaves (permitted ones, refused ones and a
 * break-glass one, see {@link DemoReads}); dual-signed blocks sealed, fsync'd and indexed; then
 * the whole chain re-validated from the files by an independent verifier that trusts only the
 * genesis file. Claims from openings the custodian exports to the owner: STARK proofs always, and
 * a Groth16 proof when zokrates-js is installed (the genesis then pins the verification key of the
 * claim circuit's setup).
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

  private final Options o;
  private final Listener listener;
  private final DemoSummary.Builder summary = new DemoSummary.Builder();
  private EmbeddedLedger ledger;
  private Custodian custodian;
  private DemoReads reads;
  private DemoNetwork net;
  private TransactionFactory txs;
  private DemoNetwork.Groth16Pin groth16Pin; // what the genesis pins, when Groth16 is in
  private DemoDirectory directory; // holds the ledger lock until the engine takes it

  public Demo(Options options, Listener listener) {
    this.o = options;
    this.listener = listener;
  }

  /**
   * Runs the demo in its directory (see {@link DemoDirectory}: only a new, empty or demo
   * directory, locked, and only what a demo wrote is replaced).
   */
  public DemoSummary run() throws LedgerException, IOException {
    long start = System.nanoTime();
    try (DemoDirectory d = DemoDirectory.prepare(o.data(), o.force())) {
      directory = d;
      return build(start);
    } finally {
      directory = null;
    }
  }

  private DemoSummary build(long start) throws LedgerException, IOException {
    listener.phase("keys and genesis (" + o.validators() + " validators, ML-DSA-65 + "
        + o.slhAlgorithm() + "; a custodian in US, readers with X-Wing keys and TLS"
        + " certificates)");
    String chainId = "pqzk-demo-" + HexFormat.of().formatHex(randomBytes(4));
    ZokratesGroth16ProofSystem groth16 = groth16Setup();
    try {
      net = new DemoNetwork(chainId, o.validators(), o.slhAlgorithm(), o.slhEvery(), groth16Pin);
      net.writeKeys(o.data().resolve("keys"));
    } catch (java.security.GeneralSecurityException e) {
      throw new MalformedInputException(e.getMessage());
    }
    byte[] genesisBytes = Genesis.toJson(net.genesis);
    KeyFiles.atomicWrite(o.data().resolve(Genesis.FILE_NAME), genesisBytes, false);
    Genesis genesis = Genesis.parse(genesisBytes);
    txs = new TransactionFactory(chainId);
    summary.chainId = chainId;

    listener.phase("generating " + o.records() + " synthetic service-member documents (names,"
        + " dates, identifiers, notes)");
    List<Record> records = SyntheticRecords.generate(o.records(), new Random(),
        new SecureRandom());
    List<byte[]> documents = SyntheticRecords.documents(records, new Random());

    directory.release(); // the engine takes the ledger lock itself
    try (EmbeddedLedger l = EmbeddedLedger.open(o.data(), net.validators, net::commitSigner,
        System::currentTimeMillis, summary::sealed);
        Custodian c = Custodian.open(Custodian.Options.of(NodeLayout.custodian(o.data()),
            net.custodian, net.custodianKem), l);
        AuthorityEscrow escrow = AuthorityEscrow.open(NodeLayout.escrow(o.data()), chainId,
            net.authorityKem)) {
      ledger = l;
      custodian = c;
      listener.phase("registering " + net.readerRegistrations().size() + " readers by authority"
          + " transactions (ML-DSA and X-Wing keys, TLS certificate, jurisdiction, roles)");
      List<byte[]> regs = new ArrayList<>();
      for (var r : net.readerRegistrations()) {
        regs.add(txs.sign(net.authority, txs.body(net.authority).setReaderRegistration(r)));
      }
      commit(regs);
      listener.phase("importing " + o.records() + " documents into the custodian's vault"
          + " (AES-256-GCM under a fresh data key each, wrapped under a per-record key of the"
          + " key store; commitments and custody on the chain, nothing of the content)");
      List<byte[]> commitments = importDocuments(records, documents, escrow);
      int grants = (o.records() + 9) / 10;
      List<byte[]> grantIds = new ArrayList<>();
      for (int i = 0; i < grants; i++) {
        grantIds.add(txs.newGrantId());
      }
      long notAfter = System.currentTimeMillis() + 365L * 24 * 3600 * 1000;
      listener.phase("writing " + grants + " access grants (10 records each, purpose TREAT)");
      submitAll(grants, i -> {
        AccessPolicyUpdate.Builder g = AccessPolicyUpdate.newBuilder()
            .setGrantId(ByteString.copyFrom(grantIds.get(i)))
            .setGranteeKeyId(ByteString.copyFrom(reader(i).publicKey().keyId()))
            .setPurpose(PurposeOfUse.TREAT).setNotAfterMillis(notAfter);
        for (int j = 10 * i; j < Math.min(o.records(), 10 * i + 10); j++) {
          g.addRecordCommitments(ByteString.copyFrom(commitments.get(j)));
        }
        return txs.updateAccess(net.authority, g.build());
      });
      reads = new DemoReads(this, net, c, txs, summary, listener);
      reads.run(records, documents, commitments, notAfter);
      for (String system : genesis.claimSystems()) {
        if (system.equals(StarkProofSystem.ID)) {
          claims(new StarkProofSystem(), starkPolicies(records.get(0)), chainId, records);
        } else {
          claims(groth16, groth16Policies(records.get(0)), chainId, records);
        }
      }
    } catch (io.pqzk.records.RecordsException e) {
      throw new MalformedInputException("custodian: " + e.getMessage(), e);
    } finally {
      ledger = null;
      custodian = null;
      records.forEach(Record::destroy);
      documents.forEach(d -> java.util.Arrays.fill(d, (byte) 0));
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

  /** The records part of the summary, and the three commands to try next. */
  public List<String> recordLines() {
    return reads == null ? List.of() : reads.lines(o.data());
  }

  /**
   * Imports the documents through the custodian in blocks of the demo's size; the owner's sealed
   * copies of the data keys go to its escrow.
   */
  private List<byte[]> importDocuments(List<Record> records, List<byte[]> documents,
      AuthorityEscrow escrow) throws LedgerException, IOException,
      io.pqzk.records.RecordsException {
    List<byte[]> out = new ArrayList<>();
    int chunk = Math.max(1, o.blockSize() / 2);
    for (int from = 0; from < records.size(); from += chunk) {
      List<Custodian.ImportRequest> rs = new ArrayList<>();
      for (int i = from; i < Math.min(records.size(), from + chunk); i++) {
        rs.add(new Custodian.ImportRequest(RecordDocument.parse(documents.get(i),
            "synthetic document " + i), "US", i < DemoReads.PATIENTS
                ? net.patient.publicKey().keyId() : null, List.of()));
      }
      for (Custodian.Imported d : custodian.importAll(rs, net.authority,
          net.authorityKem.publicKey())) {
        escrow.put(RecordDocument.SCHEMA, d.subjectId(), d.escrow());
        out.add(d.commitment());
      }
      listener.progress(out.size(), records.size());
    }
    summary.imported = out.size();
    return out;
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


  /**
   * Readers prove claims about records against the registry root the chain has: the owner obtains
   * each record's opening from the custodian (attributes, salt and registry path, sealed to its
   * X-Wing key), and the proof is bound to this chain, that height and a fresh nonce: eligibility
   * policies and a disclosure of two attributes of one record (its integrity as committed).
   */
  private void claims(ProofSystem system, List<String> policies, String chainId,
      List<Record> records) throws LedgerException, IOException,
      io.pqzk.records.RecordsException {
    listener.phase("proving " + policies.size() + " " + system.id() + " claim"
        + (policies.size() == 1 ? "" : "s") + " ("
        + (system.postQuantum() ? "post-quantum, transparent" : "NOT post-quantum, trusted setup")
        + ") from openings the custodian exported to the record's owner");
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
      Openings.Opened opened = opening(records.get(index), system.id());
      byte[] nonce = new byte[ClaimContexts.NONCE_BYTES];
      random.nextBytes(nonce);
      LedgerSigningKey author = reader(done);
      byte[] context = ClaimContexts.of(chainId, opened.rootHeight(), author.publicKey().keyId(),
          nonce);
      ClaimStatement st = new ClaimStatement(opened.root(), policy, ClaimContext.of(context));
      long t0 = System.nanoTime();
      byte[] proof;
      try {
        proof = system.prove(st, new ClaimWitness(opened.record(), opened.path()));
      } catch (ProofException e) {
        throw new IllegalStateException("demo claim could not be proven: " + e.getMessage(), e);
      } finally {
        opened.record().destroy();
      }
      summary.proved(system.id(), proof.length, System.nanoTime() - t0);
      Claim claim = Claim.newBuilder().setRootHeight(opened.rootHeight()).setPolicy(text)
          .setContext(ByteString.copyFrom(context))
          .setProof(ProofAttachment.newBuilder().setSystem(system.id())
              .setClaim(text.contains("==") ? "disclosure" : "eligibility")
              .setProof(ByteString.copyFrom(proof)))
          .build();
      commit(List.of(txs.claim(author, claim)));
      listener.progress(++done, policies.size());
    }
  }

  /** The owner's opening of {@code r} for {@code system}, exported by the custodian. */
  private Openings.Opened opening(Record r, String system)
      throws io.pqzk.records.RecordsException {
    long now = System.currentTimeMillis();
    SignedOpeningRequest s = Requests.sign(net.authority, OpeningRequest.newBuilder()
        .setChainId(summary.chainId).setCustodianKeyId(ByteString.copyFrom(
            net.custodian.publicKey().keyId()))
        .setAuthorityKeyId(ByteString.copyFrom(net.authority.publicKey().keyId()))
        .setSubjectId(Long.toString(r.get(Attribute.SUBJECT_ID)))
        .setNonce(ByteString.copyFrom(randomBytes(16))).setIssuedMillis(now)
        .setExpiresMillis(now + 60_000)
        .setKemPublicKey(ByteString.copyFrom(net.authorityKem.publicKey().raw())).build());
    String json = Openings.open(custodian.exportOpening(s, Caller.inProcess()),
        net.authorityKem, summary.chainId, s, net.authority.publicKey().keyId());
    return Openings.read(json, system);
  }

  private LedgerSigningKey reader(int grant) {
    return net.readers.get(grant % net.readers.size());
  }

  /** Signs {@code n} transactions on every core, commits them in blocks of the demo's size. */
  private void submitAll(int n, IntFunction<byte[]> make)
      throws LedgerException, IOException {
    int chunk = Math.max(o.blockSize(), 1);
    for (int from = 0; from < n; from += chunk) {
      int to = Math.min(n, from + chunk);
      commit(IntStream.range(from, to).parallel().mapToObj(make).toList());
      listener.progress(to, n);
    }
  }

  /** Commits transactions: final when this returns (the summary counts them by block). */
  void commit(List<byte[]> transactions) throws LedgerException, IOException {
    ledger.commitAll(transactions);
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  static long directoryBytes(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
