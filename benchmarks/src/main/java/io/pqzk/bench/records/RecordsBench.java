package io.pqzk.bench.records;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.proto.ReaderRegistration;
import io.pqzk.records.custodian.Caller;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.EmbeddedLedger;
import io.pqzk.records.custodian.RecordDocument;
import io.pqzk.records.custodian.Requests;
import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.proto.ReadResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Import rate (records per second: parse, encrypt under a fresh data key, wrap under a new record
 * key, seal the owner's copy with HPKE X-Wing, register the commitment and the custody, until the
 * blocks are final and fsync'd) and read latency (the request signed and verified, the policy
 * judged, the access event signed, committed in a final fsync'd block, the document decrypted and
 * sealed with HPKE to the reader), p50 and p99, one reader at a time and several at once (their
 * events then share blocks). The chain: one validator, ML-DSA-65 blocks, SLH-DSA-SHA2-128f on
 * every block or every N (the policy is the block's largest cost).
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * io.pqzk.bench.records.RecordsBench [records] [reads] [threads] [slhEvery]}.
 */
public final class RecordsBench {
  private RecordsBench() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int reads = args.length > 1 ? Integer.parseInt(args[1]) : 120;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int slhEvery = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path dir = Files.createTempDirectory("pqzk-records-bench");
    LedgerSigningKey ml = Signatures.generate("ML-DSA-65");
    LedgerSigningKey slh = Signatures.generate("SLH-DSA-SHA2-128f");
    LedgerSigningKey authority = Signatures.generate("ML-DSA-65");
    KemPrivateKey authorityKem = Hpke.generate();
    LedgerSigningKey custodianKey = Signatures.generate("ML-DSA-65");
    LedgerSigningKey reader = Signatures.generate("ML-DSA-65");
    KemPrivateKey readerKem = Hpke.generate();
    Genesis g = Genesis.parse(new GenesisBuilder("records-bench", System.currentTimeMillis())
        .slhDsa("SLH-DSA-SHA2-128f", slhEvery)
        .validator("v", ml.publicKey(), slh.publicKey())
        .authority("authority", authority.publicKey())
        .jurisdiction("US", "United States", false)
        .custodian("custodian", custodianKey.publicKey(), "US")
        .claimSystem("stark").toJson());
    Path data = dir.resolve("chain");
    Files.createDirectories(data);
    Files.write(data.resolve(Genesis.FILE_NAME), Genesis.toJson(g.proto()));
    TransactionFactory txs = new TransactionFactory(g.chainId());
    try (EmbeddedLedger ledger = EmbeddedLedger.open(data, List.of(new ProposerKeys("v", ml, slh)),
        r -> new CommitSigner(r, List.of(ml)));
        Custodian c = Custodian.open(Custodian.Options.of(dir.resolve("custodian"),
            custodianKey, Hpke.generate()), ledger)) {
      ledger.commit(txs.sign(authority, txs.body(authority).setReaderRegistration(
          ReaderRegistration.newBuilder().setReaderKeyId(ByteString.copyFrom(
              reader.publicKey().keyId())).setName("reader").setSigningAlgorithm("ML-DSA-65")
              .setSigningSpki(ByteString.copyFrom(reader.publicKey().spki()))
              .setKemPublicKey(ByteString.copyFrom(readerKem.publicKey().raw()))
              .setJurisdiction("US"))));
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      List<byte[]> commitments = new ArrayList<>();
      int batch = 100;
      for (int from = 0; from < records; from += batch) {
        List<Custodian.ImportRequest> rs = new ArrayList<>();
        for (int i = from; i < Math.min(records, from + batch); i++) {
          rs.add(new Custodian.ImportRequest(RecordDocument.parse(document(i), "bench"), "US",
              null, List.of()));
        }
        c.importAll(rs, authority, authorityKem.publicKey()).forEach(r -> commitments.add(
            r.commitment()));
      }
      double importSec = (System.nanoTime() - t0) / 1e9;
      double importCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      AccessPolicyUpdate.Builder grant = AccessPolicyUpdate.newBuilder()
          .setGrantId(ByteString.copyFrom(txs.newGrantId()))
          .setGranteeKeyId(ByteString.copyFrom(reader.publicKey().keyId())).setPurpose("TREAT")
          .setNotAfterMillis(System.currentTimeMillis() + 24 * 3600_000L);
      commitments.forEach(x -> grant.addRecordCommitments(ByteString.copyFrom(x)));
      ledger.commit(txs.updateAccess(authority, grant.build()));
      long cpu1 = os.getProcessCpuTime();
      long[] one = readAll(c, g, custodianKey, reader, reads / 2, 1, records);
      double readCpuMs = (os.getProcessCpuTime() - cpu1) / 1e6 / (reads / 2);
      long[] many = readAll(c, g, custodianKey, reader, reads, threads, records);
      System.out.printf(Locale.ROOT, "import: %d records in %.1f s: %.1f records/s (encrypt,"
          + " wrap, HPKE to the owner, register + custody, final); %.1f ms of CPU per record%n",
          records, importSec, records / importSec, importCpu * 1e3 / records);
      System.out.printf(Locale.ROOT, "read: %.1f ms of CPU per read, one at a time (its own"
          + " block: proposer signatures, validation, commit certificate)%n", readCpuMs);
      report("read, 1 reader at a time", one);
      report("read, " + threads + " readers at once", many);
      System.out.printf(Locale.ROOT, "chain: %d blocks, SLH-DSA on every %s; %d cores, load"
          + " average %.1f, %s%n", ledger.finalizedHeight() + 1, slhEvery == 1 ? "block"
          : slhEvery + " blocks", Runtime.getRuntime().availableProcessors(),
          os.getSystemLoadAverage(), Runtime.version());
    }
    deleteTree(dir); // this run's chain, vault and key store (kept only when the run failed)
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static byte[] document(int i) {
    return ("{\"subject_id\": " + (5_000_000 + i) + ", \"name\": \"Person " + i + "\","
        + " \"birth_year\": 1980, \"blood_group\": 3, \"fitness\": 80, \"vax_date\": 20250101,"
        + " \"clearance\": 1, \"issuer\": 1, \"notes\": \"" + "x".repeat(1500) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Latencies in microseconds of {@code n} reads by {@code threads} readers; then wall time. */
  private static long[] readAll(Custodian c, Genesis g, LedgerSigningKey custodianKey,
      LedgerSigningKey reader, int n, int threads, int records) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long[] out = new long[n + 1];
    long w0 = System.nanoTime();
    try {
      List<Future<Long>> fs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int subject = 5_000_000 + i % records;
        fs.add(pool.submit(() -> {
          long t0 = System.nanoTime();
          ReadResponse r = c.read(Requests.sign(reader, Requests.read(g.chainId(),
              custodianKey.publicKey().keyId(), reader, Integer.toString(subject), "TREAT",
              System.currentTimeMillis()).build()), Caller.inProcess());
          if (!r.hasRelease()) {
            throw new IllegalStateException("refused: " + r.getRefusal().getMessage());
          }
          return (System.nanoTime() - t0) / 1000;
        }));
      }
      for (int i = 0; i < n; i++) {
        out[i] = fs.get(i).get();
      }
    } finally {
      pool.shutdown();
    }
    out[n] = (System.nanoTime() - w0) / 1000;
    return out;
  }

  private static void report(String what, long[] lat) {
    int n = lat.length - 1;
    long[] s = Arrays.copyOf(lat, n);
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "%s: %d reads, p50 %.1f ms, p99 %.1f ms, %.1f reads/s"
        + " (latency includes the access event's commit)%n", what, n, s[n / 2] / 1e3,
        s[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e3, n / (lat[n] / 1e6));
  }
}
