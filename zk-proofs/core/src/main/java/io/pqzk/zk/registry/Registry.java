package io.pqzk.zk.registry;

import com.google.gson.JsonObject;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Record;
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
 * {@link SparseMerkleTree} of depth {@value SparseMerkleTree#DEPTH}, its root and the system id.
 *
 * <p>On disk a registry is a directory holding {@value #REGISTRY_FILE} (public: format, system,
 * depth, size, root, commitments) and, apart, {@value Openings#FILE} (private: each record with
 * its salt; mode 0600). {@link #load} recomputes the root from the commitments and refuses a
 * registry whose stored root differs, so a tampered commitment cannot go unnoticed. Immutable.
 */
public final class Registry {
  /** The public file in a registry directory. */
  public static final String REGISTRY_FILE = "registry.json";
  static final String FORMAT = "pqzk-registry/1";
  private static final int CHUNK = 4096;

  private final String system;
  private final RegistryHash hash;
  private final SparseMerkleTree tree;

  private Registry(String system, RegistryHash hash, SparseMerkleTree tree) {
    this.system = system;
    this.hash = hash;
    this.tree = tree;
  }

  /** A registry over given commitments. */
  public static Registry of(String system, RegistryHash hash, List<byte[]> commitments) {
    Objects.requireNonNull(system, "system");
    return new Registry(system, hash, SparseMerkleTree.build(hash, commitments));
  }

  /** Reports progress of long work: {@code done} of {@code total} units of the named phase. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (phase, done, total) -> {};

    void update(String phase, long done, long total);
  }

  /** {@link #create(Path, String, RegistryHash, List, SecureRandom, boolean, Progress)}, quiet. */
  public static Registry create(Path dir, String system, RegistryHash hash, List<long[]> rows,
      SecureRandom random, boolean overwrite) throws RegistryException {
    return create(dir, system, hash, rows, random, overwrite, Progress.NONE);
  }

  /**
   * Salts every row with fresh randomness, commits it and writes both files into {@code dir}
   * (created if needed). Refuses to replace an existing registry unless {@code overwrite}: its
   * openings would be lost and every proof against its root orphaned. Hashing runs on all cores;
   * {@code progress} hears about it from the calling thread.
   */
  public static Registry create(Path dir, String system, RegistryHash hash, List<long[]> rows,
      SecureRandom random, boolean overwrite, Progress progress) throws RegistryException {
    if (!overwrite) {
      // checked early to fail before hashing; the writes below refuse again, race-free
      for (String name : new String[] {REGISTRY_FILE, Openings.FILE}) {
        if (Files.exists(dir.resolve(name))) {
          throw exists(dir.resolve(name));
        }
      }
    }
    if (rows.size() > SparseMerkleTree.MAX_LEAVES) {
      throw new RegistryException(rows.size() + " records do not fit a registry of depth "
          + SparseMerkleTree.DEPTH + " (" + SparseMerkleTree.MAX_LEAVES + " max)");
    }
    List<Record> records = new ArrayList<>(rows.size());
    for (long[] row : rows) {
      records.add(Record.withRandomSalt(row, random));
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
      Registry registry = of(system, hash, Arrays.asList(leaves));
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
    try {
      JsonFiles.write(dir.resolve(REGISTRY_FILE), false, replace, w -> {
        w.beginObject();
        w.name("format").value(FORMAT);
        w.name("system").value(system);
        w.name("depth").value(tree.depth());
        w.name("digest_bytes").value(hash.digestLength());
        w.name("size").value(tree.size());
        w.name("root").value(rootHex());
        w.name("commitments").beginArray();
        for (int i = 0; i < tree.size(); i++) {
          w.value(HexFormat.of().formatHex(tree.leaf(i)));
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

  /**
   * Reads {@value #REGISTRY_FILE} from the directory, checks it belongs to {@code system}, and
   * recomputes the root from the commitments.
   *
   * @throws RegistryIntegrityException when the commitments do not hash to the stored root
   * @throws RegistryException when the file is missing, malformed or of another system
   */
  public static Registry load(Path dir, String system, RegistryHash hash)
      throws RegistryException {
    Path file = dir.resolve(REGISTRY_FILE);
    int n = hash.digestLength();
    List<byte[]> leaves = new ArrayList<>();
    JsonObject o = JsonFiles.readStreaming(file, "commitments", (i, e) -> {
      if (i >= SparseMerkleTree.MAX_LEAVES) {
        throw new RegistryException(file + ": more than " + SparseMerkleTree.MAX_LEAVES
            + " commitments");
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw new RegistryException(file + ": commitment " + i + " is not a string");
      }
      leaves.add(JsonFiles.hex(e.getAsString(), n, "commitment " + i, file));
    });
    String format = JsonFiles.string(o, "format", file);
    if (!FORMAT.equals(format)) {
      throw new RegistryException(file + ": unknown format '" + format + "', expected " + FORMAT);
    }
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
    Registry r;
    try {
      r = of(sys, hash, leaves);
    } catch (IllegalArgumentException e) {
      // e.g. a digest that is not canonical for the system's field
      throw new RegistryIntegrityException(file + ": invalid commitment: " + e.getMessage(), e);
    }
    if (!MessageDigest.isEqual(r.root(), stored)) {
      throw new RegistryIntegrityException(file + ": the commitments recompute to root "
          + r.rootHex() + ", but the file records " + HexFormat.of().formatHex(stored)
          + " (registry tampered with or corrupted)");
    }
    return r;
  }

  static RegistryException exists(Path file) {
    return new RegistryException(
        file + " already exists; refusing to overwrite a registry (choose another directory)");
  }

  public String system() {
    return system;
  }

  public RegistryHash hash() {
    return hash;
  }

  public int depth() {
    return tree.depth();
  }

  /** Number of committed records. */
  public int size() {
    return tree.size();
  }

  public byte[] root() {
    return tree.root();
  }

  public String rootHex() {
    return HexFormat.of().formatHex(tree.root());
  }

  /** Commitment at a row index. */
  public byte[] commitment(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("no commitment " + index + " in a registry of " + size());
    }
    return tree.leaf(index);
  }

  /** Authentication path of the commitment at a row index. */
  public MerklePath path(int index) {
    commitment(index);
    return tree.path(index);
  }
}
