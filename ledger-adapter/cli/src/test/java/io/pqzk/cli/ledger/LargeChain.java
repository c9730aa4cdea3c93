package io.pqzk.cli.ledger;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockProducer;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.TransactionFactory;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.proto.AccessEvent;
import io.pqzk.ledger.proto.AccessPolicyUpdate;
import io.pqzk.ledger.store.BlockFiles;
import io.pqzk.ledger.store.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A long quorum-certified chain for the memory tests, written straight into a data directory
 * ({@code FORMAT}, {@code genesis.json}, the block files, {@code head.qc}) by {@link
 * BlockProducer}, each block's transactions signed on every core. The traffic is the demo's:
 * per ten records, ten registrations, one grant of the ten to a reader, and ten reads under it
 * (registrations, then grants, then reads, each kind starting a new block). Four validators,
 * ML-DSA-65 transactions and blocks, SLH-DSA-SHA2-128f on every block.
 *
 * <p>Signing 10^5 transactions takes minutes on two cores, so a chain is built once and kept
 * under {@code target/large-chains/} (a build is written beside it and renamed into place
 * whole), stamped with a digest of the rules' classes; a change to the rules, {@code ./mvnw
 * clean} or deleting the folder rebuilds it.
 */
final class LargeChain {
  /** Bump when the traffic or the layout changes, so that older cached chains are rebuilt. */
  private static final String VERSION = "1";
  private static final String STAMP = "LARGE-CHAIN";
  static final int VALIDATORS = 4;
  static final String CHAIN = "large-chain";
  private static final long GENESIS_MILLIS = 1_700_000_000_000L;

  private LargeChain() {}

  /** A chain of {@code transactions} transactions, {@code perBlock} a block, built if needed. */
  static Path of(int transactions, int perBlock) throws Exception {
    Path root = targetDirectory().resolve("large-chains");
    String name = transactions + "-transactions-" + perBlock + "-per-block";
    Path dir = root.resolve(name);
    String stamp = "version " + VERSION + ", " + DataDirectory.FORMAT + ", " + Genesis.FORMAT
        + ", " + transactions + " transactions, " + perBlock + " per block, rules "
        + rulesDigest() + "\n";
    Path stampFile = dir.resolve(STAMP);
    if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
      return dir;
    }
    deleteTree(dir);
    Path building = root.resolve(name + ".building");
    deleteTree(building);
    long t0 = System.nanoTime();
    build(building, transactions, perBlock);
    Files.writeString(building.resolve(STAMP), stamp);
    Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf("large chain: %d transactions built in %.0f s (kept in %s)%n", transactions,
        (System.nanoTime() - t0) / 1e9, dir);
    return dir;
  }

  /** Blocks a chain of {@code transactions} transactions has (each kind starts a block). */
  static long blocks(int transactions, int perBlock) {
    int[] kinds = counts(transactions);
    long n = 0;
    for (int k : kinds) {
      n += (k + perBlock - 1) / perBlock;
    }
    return n;
  }

  /** Registrations, grants and reads making up {@code transactions}: a read per record at most. */
  private static int[] counts(int transactions) {
    int records = transactions * 10 / 21;
    while (transactions - records - (records + 9) / 10 > records) {
      records++;
    }
    int grants = (records + 9) / 10;
    return new int[] {records, grants, transactions - records - grants};
  }

  private static void build(Path dir, int transactions, int perBlock) throws Exception {
    List<ProposerKeys> validators = new ArrayList<>();
    GenesisBuilder g = new GenesisBuilder(CHAIN, GENESIS_MILLIS);
    for (int i = 0; i < VALIDATORS; i++) {
      ProposerKeys v = new ProposerKeys("validator-" + i, Signatures.generate("ML-DSA-65"),
          Signatures.generate("SLH-DSA-SHA2-128f"));
      validators.add(v);
      g.validator(v.name(), v.mlDsa().publicKey(), v.slhDsa().publicKey());
    }
    LedgerSigningKey authority = Signatures.generate("ML-DSA-65");
    LedgerSigningKey reader = Signatures.generate("ML-DSA-65");
    byte[] genesisBytes = g.authority("medical-authority", authority.publicKey())
        .participant("clinic", reader.publicKey()).toJson();
    BlockRules rules = new BlockRules(Genesis.parse(genesisBytes));
    BlockProducer producer = new BlockProducer(rules, validators,
        new CommitSigner(rules, validators.stream().map(ProposerKeys::mlDsa).toList()));
    TransactionFactory txs = new TransactionFactory(CHAIN);

    Files.createDirectories(dir);
    Files.write(dir.resolve(Genesis.FILE_NAME), genesisBytes);
    DataDirectory.checkFormat(dir, true);
    int[] n = counts(transactions);
    long notAfter = GENESIS_MILLIS + 3650L * 24 * 3600 * 1000;
    try (BlockFiles files = BlockFiles.openForAppend(DataDirectory.blocks(dir), null,
        BlockFiles.DEFAULT_SEGMENT_BYTES)) {
      Blocks out = new Blocks(producer, files, perBlock);
      out.fill(n[0], (i, ts) -> txs.registerRecord(authority, commitment(i),
          "service-member/v1"));
      out.fill(n[1], (k, ts) -> {
        AccessPolicyUpdate.Builder grant = AccessPolicyUpdate.newBuilder()
            .setGrantId(ByteString.copyFrom(grantId(k)))
            .setGranteeKeyId(ByteString.copyFrom(reader.publicKey().keyId()))
            .setPurpose("treatment").setNotAfterMillis(notAfter);
        for (int i = 10 * k; i < Math.min(n[0], 10 * k + 10); i++) {
          grant.addRecordCommitments(ByteString.copyFrom(commitment(i)));
        }
        return txs.updateAccess(authority, grant.build());
      });
      out.fill(n[2], (j, ts) -> txs.logAccess(reader, AccessEvent.newBuilder()
          .setGrantId(ByteString.copyFrom(grantId(j / 10)))
          .setRecordCommitment(ByteString.copyFrom(commitment(j)))
          .setReadMillis(ts).setPurpose("treatment").build()));
    }
    DataDirectory.writeHeadCertificate(dir, producer.headCommit());
  }

  /** Transaction {@code i} of a kind, for the block stamped {@code timestamp}. */
  @FunctionalInterface
  private interface Maker {
    byte[] make(int i, long timestamp);
  }

  /** Produces blocks of at most {@code perBlock} transactions and appends them to the files. */
  private static final class Blocks {
    private final BlockProducer producer;
    private final BlockFiles files;
    private final int perBlock;
    private long height = -1;
    private long timestamp = GENESIS_MILLIS;

    Blocks(BlockProducer producer, BlockFiles files, int perBlock) {
      this.producer = producer;
      this.files = files;
      this.perBlock = perBlock;
    }

    void fill(int count, Maker maker) throws Exception {
      for (int from = 0; from < count; from += perBlock) {
        long ts = timestamp + 1000;
        IntFunction<byte[]> make = i -> maker.make(i, ts);
        List<byte[]> batch = IntStream.range(from, Math.min(count, from + perBlock)).parallel()
            .mapToObj(make).toList();
        BlockProducer.Produced p = producer.produce(batch, ts);
        files.append(++height, p.bytes());
        timestamp = ts;
      }
    }
  }

  private static byte[] commitment(int i) {
    return sha256("large-chain record " + i);
  }

  private static byte[] grantId(int k) {
    return Arrays.copyOf(sha256("large-chain grant " + k), 16);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * SHA-256 over the classes of the ledger rules and messages (ledger-core, ledger-proto): a
   * chain built by other rules (a state write encoded differently changes every state root) is
   * rebuilt rather than failed.
   */
  private static String rulesDigest() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (Class<?> c : List.of(BlockRules.class, io.pqzk.ledger.proto.Block.class)) {
      Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> s = Files.walk(where)) {
        for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
          md.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
          md.update(Files.readAllBytes(f));
        }
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
  }

  /** This module's {@code target/}: the parent of the test classes. */
  private static Path targetDirectory() throws Exception {
    return Path.of(LargeChain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }

  static void deleteTree(Path p) throws Exception {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
