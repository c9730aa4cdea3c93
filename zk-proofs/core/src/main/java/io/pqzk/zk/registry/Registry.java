package io.pqzk.zk.registry;

import com.google.gson.JsonObject;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.claims.RecordSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The public record registry of one proof system: the commitments (leaves, in row order) of a
 * {@link SparseMerkleTree} of depth {@value SparseMerkleTree#DEPTH}, its root, the system id and
 * the record schema of its leaves (one per registry: leaves of two schemas never share a tree).
 *
 * <p>On disk a registry is a directory holding {@value #REGISTRY_FILE} (public: format, system,
 * schema, depth, size, root, commitments) and, apart, {@value Openings#FILE} (private: each record
 * with its salt and, schema 2, its document digest; mode 0600). {@link #load} recomputes the root
 * from the commitments and refuses a registry whose stored root differs, so a tampered commitment
 * cannot go unnoticed; with a {@link RootCache} it skips the recomputation for the exact file
 * bytes it has checked before. Schema-1 files keep the original format {@code pqzk-registry/1}
 * (no schema field); schema-2 files are {@code pqzk-registry/2} with {@code "schema":
 * "pqzk-record/2"}. Immutable (the tree is built on first need) and thread-safe.
 */
public final class Registry {
  /** The public file in a registry directory. */
  public static final String REGISTRY_FILE = "registry.json";
  static final String FORMAT = "pqzk-registry/1";
  static final String FORMAT_V2 = "pqzk-registry/2";
  private static final int CHUNK = 4096;

  private final String system;
  private final RecordSchema schema;
  private final RegistryHash hash;
  private final List<byte[]> leaves;
  private final byte[] root;
  private volatile SparseMerkleTree tree;
  private final boolean fromCache;

  private Registry(String system, RecordSchema schema, RegistryHash hash, SparseMerkleTree tree) {
    this(system, schema, hash, null, tree.root(), tree, false);
  }

  private Registry(String system, RecordSchema schema, RegistryHash hash, List<byte[]> leaves,
      byte[] root, SparseMerkleTree tree, boolean fromCache) {
    this.system = system;
    this.schema = schema;
    this.hash = hash;
    this.leaves = leaves;
    this.root = root.clone();
    this.tree = tree;
    this.fromCache = fromCache;
  }

  /** A schema-1 registry over given commitments. */
  public static Registry of(String system, RegistryHash hash, List<byte[]> commitments) {
    return of(system, RecordSchema.V1, hash, commitments);
  }

  /** A registry of {@code schema} over given commitments. */
  public static Registry of(String system, RecordSchema schema, RegistryHash hash,
      List<byte[]> commitments) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(schema, "schema");
    return new Registry(system, schema, hash, SparseMerkleTree.build(hash, commitments));
  }

  /** Reports progress of long work: {@code done} of {@code total} units of the named phase. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (phase, done, total) -> {};

    void update(String phase, long done, long total);
  }

  /**
   * A schema-1 registry of the rows, quiet (see
   * {@link #create(Path, String, RegistryHash, RecordsCsv.Table, SecureRandom, boolean, Progress)}).
   */
  public static Registry create(Path dir, String system, RegistryHash hash, List<long[]> rows,
      SecureRandom random, boolean overwrite) throws RegistryException {
    return create(dir, system, hash, rows, random, overwrite, Progress.NONE);
  }

  /** A schema-1 registry of the rows. */
  public static Registry create(Path dir, String system, RegistryHash hash, List<long[]> rows,
      SecureRandom random, boolean overwrite, Progress progress) throws RegistryException {
    return create(dir, system, hash, new RecordsCsv.Table(RecordSchema.V1, rows, List.of()),
        random, overwrite, progress);
  }

  /**
   * Salts every row with fresh randomness, commits it with the table's schema and writes both
   * files into {@code dir} (created if needed). Refuses to replace an existing registry unless
   * {@code overwrite}: its openings would be lost and every proof against its root orphaned.
   * Hashing runs on all cores; {@code progress} hears about it from the calling thread.
   */
  public static Registry create(Path dir, String system, RegistryHash hash, RecordsCsv.Table table,
      SecureRandom random, boolean overwrite, Progress progress) throws RegistryException {
    if (!overwrite) {
      // checked early to fail before hashing; the writes below refuse again, race-free
      for (String name : new String[] {REGISTRY_FILE, Openings.FILE}) {
        if (Files.exists(dir.resolve(name))) {
          throw exists(dir.resolve(name));
        }
      }
    }
    List<long[]> rows = table.rows();
    if (rows.size() > SparseMerkleTree.MAX_LEAVES) {
      throw new RegistryException(rows.size() + " records do not fit a registry of depth "
          + SparseMerkleTree.DEPTH + " (" + SparseMerkleTree.MAX_LEAVES + " max)");
    }
    List<Record> records = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      records.add(table.schema().hasDocument()
          ? Record.withRandomSalt(rows.get(i), table.documents().get(i), random)
          : Record.withRandomSalt(rows.get(i), random));
    }
    Openings openings;
    try {
      openings = Openings.of(records);
    } catch (IllegalArgumentException e) {
      records.forEach(Record::destroy);
      throw new RegistryException(e.getMessage(), e);
    }
    try {
      byte[][] leaves = new byte[records.size()][];
      for (int from = 0; from < leaves.length; from += CHUNK) {
        int to = Math.min(leaves.length, from + CHUNK);
        IntStream.range(from, to).parallel().forEach(i -> leaves[i] = hash.leaf(records.get(i)));
        progress.update("hashing records", to, leaves.length);
      }
      progress.update("building the tree", 0, 1);
      Registry registry = of(system, table.schema(), hash, Arrays.asList(leaves));
      progress.update("writing files", 0, 1);
      // openings first: a registry file never exists without the secrets needed to use it
      openings.save(dir, registry, overwrite);
      registry.save(dir, overwrite);
      return registry;
    } finally {
      openings.destroy();
    }
  }

  /** Writes {@value #REGISTRY_FILE} into the directory, replacing one already there. */
  public void save(Path dir) throws RegistryException {
    save(dir, true);
  }

  void save(Path dir, boolean replace) throws RegistryException {
    SparseMerkleTree t = tree();
    try {
      JsonFiles.write(dir.resolve(REGISTRY_FILE), false, replace, w -> {
        w.beginObject();
        w.name("format").value(schema == RecordSchema.V1 ? FORMAT : FORMAT_V2);
        w.name("system").value(system);
        if (schema != RecordSchema.V1) {
          w.name("schema").value(schema.id());
        }
        w.name("depth").value(t.depth());
        w.name("digest_bytes").value(hash.digestLength());
        w.name("size").value(t.size());
        w.name("root").value(rootHex());
        w.name("commitments").beginArray();
        for (int i = 0; i < t.size(); i++) {
          w.value(HexFormat.of().formatHex(t.leaf(i)));
        }
        w.endArray();
        w.endObject();
      });
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw exists(dir.resolve(REGISTRY_FILE));
    } catch (IOException e) {
      throw new RegistryException(dir.resolve(REGISTRY_FILE) + ": cannot write: "
          + e.getMessage(), e);
    }
  }

  /** {@link #load(Path, String, RegistryHash, RootCache)} without a cache. */
  public static Registry load(Path dir, String system, RegistryHash hash)
      throws RegistryException {
    return load(dir, system, hash, RootCache.disabled());
  }

  /**
   * Reads {@value #REGISTRY_FILE} from the directory, checks it belongs to {@code system}, and
   * recomputes the root from the commitments, unless {@code cache} holds this file's exact bytes
   * as checked before (then the tree is built only when a path is asked for).
   *
   * @throws RegistryIntegrityException when the commitments do not hash to the stored root
   * @throws RegistryException when the file is missing, malformed or of another system
   */
  public static Registry load(Path dir, String system, RegistryHash hash, RootCache cache)
      throws RegistryException {
    Path file = dir.resolve(REGISTRY_FILE);
    int n = hash.digestLength();
    List<byte[]> leaves = new ArrayList<>();
    MessageDigest fileDigest = sha256();
    JsonObject o = JsonFiles.readStreaming(file, "commitments", (i, e) -> {
      if (i >= SparseMerkleTree.MAX_LEAVES) {
        throw new RegistryException(file + ": more than " + SparseMerkleTree.MAX_LEAVES
            + " commitments");
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw new RegistryException(file + ": commitment " + i + " is not a string");
      }
      leaves.add(JsonFiles.hex(e.getAsString(), n, "commitment " + i, file));
    }, fileDigest);
    RecordSchema schema = schemaOf(o, file);
    String sys = JsonFiles.string(o, "system", file);
    if (!sys.equals(system)) {
      throw new RegistryException(file + ": registry of proof system '" + sys + "', not '"
          + system + "' (each system has its own registry)");
    }
    long depth = JsonFiles.integer(o, "depth", file, 1, 64);
    if (depth != SparseMerkleTree.DEPTH) {
      throw new RegistryException(
          file + ": depth " + depth + ", this version reads depth " + SparseMerkleTree.DEPTH);
    }
    long size = JsonFiles.integer(o, "size", file, 0, SparseMerkleTree.MAX_LEAVES);
    byte[] stored = JsonFiles.hex(JsonFiles.string(o, "root", file), n, "root", file);
    if (leaves.size() != size) {
      throw new RegistryIntegrityException(
          file + ": " + leaves.size() + " commitments but size says " + size);
    }
    byte[] digest = fileDigest.digest();
    if (cache.contains(digest, sys, schema.id(), leaves.size(), stored)) {
      return new Registry(sys, schema, hash, leaves, stored, null, true);
    }
    Registry r;
    try {
      r = of(sys, schema, hash, leaves);
    } catch (IllegalArgumentException e) {
      // e.g. a digest that is not canonical for the system's field
      throw new RegistryIntegrityException(file + ": invalid commitment: " + e.getMessage(), e);
    }
    if (!MessageDigest.isEqual(r.root(), stored)) {
      throw new RegistryIntegrityException(file + ": the commitments recompute to root "
          + r.rootHex() + ", but the file records " + HexFormat.of().formatHex(stored)
          + " (registry tampered with or corrupted)");
    }
    cache.put(digest, sys, schema.id(), leaves.size(), stored);
    return r;
  }

  private static RecordSchema schemaOf(JsonObject o, Path file) throws RegistryException {
    String format = JsonFiles.string(o, "format", file);
    if (FORMAT.equals(format)) {
      if (o.has("schema")) {
        throw new RegistryException(file + ": format " + FORMAT + " has no schema field");
      }
      return RecordSchema.V1;
    }
    if (!FORMAT_V2.equals(format)) {
      throw new RegistryException(file + ": unknown format '" + format + "', expected " + FORMAT
          + " or " + FORMAT_V2);
    }
    String s = JsonFiles.string(o, "schema", file);
    try {
      RecordSchema schema = RecordSchema.parse(s);
      if (schema == RecordSchema.V1 || !schema.id().equals(s)) {
        throw new IllegalArgumentException("schema '" + s + "' in a " + FORMAT_V2 + " file");
      }
      return schema;
    } catch (IllegalArgumentException e) {
      throw new RegistryException(file + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static RegistryException exists(Path file) {
    return new RegistryException(
        file + " already exists; refusing to overwrite a registry (choose another directory)");
  }

  public String system() {
    return system;
  }

  /** The record schema of every leaf. */
  public RecordSchema schema() {
    return schema;
  }

  public RegistryHash hash() {
    return hash;
  }

  /** Whether {@link #load} found the file in its cache instead of recomputing the root. */
  public boolean loadedFromCache() {
    return fromCache;
  }

  private SparseMerkleTree tree() {
    SparseMerkleTree t = tree;
    if (t == null) {
      synchronized (this) {
        if (tree == null) {
          // built from commitments whose root the cache vouches for; checked again all the same
          SparseMerkleTree built = SparseMerkleTree.build(hash, leaves);
          if (!MessageDigest.isEqual(built.root(), root)) {
            throw new IllegalStateException("registry cache entry for a file whose commitments"
                + " recompute to another root");
          }
          tree = built;
        }
        t = tree;
      }
    }
    return t;
  }

  public int depth() {
    return SparseMerkleTree.DEPTH;
  }

  /** Number of committed records. */
  public int size() {
    return leaves != null ? leaves.size() : tree.size();
  }

  public byte[] root() {
    return root.clone();
  }

  public String rootHex() {
    return HexFormat.of().formatHex(root);
  }

  /** Commitment at a row index. */
  public byte[] commitment(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("no commitment " + index + " in a registry of " + size());
    }
    return leaves != null ? leaves.get(index).clone() : tree.leaf(index);
  }

  /** Authentication path of the commitment at a row index (builds the tree on first use). */
  public MerklePath path(int index) {
    commitment(index);
    return tree().path(index);
  }
}
