package io.pqzk.zk.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.Record;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The private half of a registry: every record with its salt, in row order, which the record's
 * holder (or the authority proving on its behalf) needs to prove claims. Stored apart from the
 * public registry in {@value #FILE}, mode 0600; never printed ({@link Record} redacts itself).
 * {@link #load} checks each opening against its commitment, so an edited opening is refused
 * rather than turned into a proof that cannot verify.
 */
public final class Openings {
  /** The private file in a registry directory. */
  public static final String FILE = "openings.json";
  static final String FORMAT = "pqzk-openings/1";
  /** Openings of schema-2 records: each also carries {@code document_sha256}. */
  static final String FORMAT_V2 = "pqzk-openings/2";

  private final List<Record> records;
  private final Map<Long, Integer> bySubject;
  /** Where the openings were read from and what they open; null for {@link #of}. */
  private final Path file;
  private final Registry registry;

  private Openings(List<Record> records) {
    this(records, null, null);
  }

  private Openings(List<Record> records, Path file, Registry registry) {
    this.file = file;
    this.registry = registry;
    this.records = List.copyOf(records);
    this.bySubject = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      if (bySubject.putIfAbsent(records.get(i).get(Attribute.SUBJECT_ID), i) != null) {
        throw new IllegalArgumentException("duplicate subject_id in row " + i);
      }
    }
  }

  /** Openings of the given records, in row order (subject ids unique). */
  public static Openings of(List<Record> records) {
    return new Openings(records);
  }

  public int size() {
    return records.size();
  }

  /** Row index of a subject's record. */
  public OptionalInt indexOfSubject(long subjectId) {
    Integer i = bySubject.get(subjectId);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The record at a row index. */
  public Record record(int index) {
    return records.get(index);
  }

  /** Writes {@value #FILE} (mode 0600), bound to the registry's system and root; replaces. */
  public void save(Path dir, Registry registry) throws RegistryException {
    save(dir, registry, true);
  }

  void save(Path dir, Registry registry, boolean replace) throws RegistryException {
    for (Record r : records) {
      if (r.schema() != registry.schema()) {
        throw new IllegalStateException("a record of " + r.schema() + " in a registry of "
            + registry.schema());
      }
    }
    try {
      JsonFiles.write(dir.resolve(FILE), true, replace, w -> {
        w.beginObject();
        boolean docs = registry.schema().hasDocument();
        w.name("format").value(docs ? FORMAT_V2 : FORMAT);
        w.name("system").value(registry.system());
        w.name("root").value(registry.rootHex());
        w.name("openings").beginArray();
        for (int i = 0; i < records.size(); i++) {
          Record r = records.get(i);
          w.beginObject();
          w.name("index").value(i);
          for (Attribute a : Attribute.values()) {
            w.name(a.columnName()).value(r.get(a));
          }
          w.name("salt").beginArray();
          long[] salt = r.salt();
          for (long word : salt) {
            w.value(Long.toString(word)); // strings: JSON readers may hold numbers as doubles
          }
          java.util.Arrays.fill(salt, 0);
          w.endArray();
          if (docs) {
            w.name(RecordsCsv.DOCUMENT_COLUMN).value(r.document().orElseThrow().hex());
          }
          w.endObject();
        }
        w.endArray();
        w.endObject();
      });
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw Registry.exists(dir.resolve(FILE));
    } catch (IOException e) {
      throw new RegistryException(dir.resolve(FILE) + ": cannot write: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@value #FILE} and checks it belongs to the registry: same system and root, one
   * opening per commitment, each hashing to its commitment (hashed on all cores).
   *
   * @throws RegistryIntegrityException when an opening does not match its commitment or the
   *     files belong to different registries
   */
  public static Openings load(Path dir, Registry registry) throws RegistryException {
    Openings o = loadUnchecked(dir, registry);
    int bad = IntStream.range(0, o.size()).parallel().filter(i -> !o.matches(i)).min()
        .orElse(-1);
    if (bad >= 0) {
      throw o.mismatch(bad);
    }
    return o;
  }

  /**
   * Reads {@value #FILE} checking only that it belongs to the registry (system, root, count),
   * not that every opening hashes to its commitment: for callers that need one record, which
   * they take through {@link #checkedRecord}. Hashing every opening of a large registry costs
   * seconds; one costs microseconds.
   */
  public static Openings loadUnchecked(Path dir, Registry registry) throws RegistryException {
    Path file = dir.resolve(FILE);
    List<Record> records = new ArrayList<>();
    JsonObject o;
    try {
      o = JsonFiles.readStreaming(file, "openings", (i, e) -> {
        if (i >= registry.size()) {
          throw new RegistryIntegrityException(file + ": more openings than the "
              + registry.size() + " commitments");
        }
        records.add(parse(e, i, file, registry.schema().hasDocument()));
      });
    } catch (RegistryException e) {
      records.forEach(Record::destroy);
      throw e;
    }
    String format = JsonFiles.string(o, "format", file);
    String expected = registry.schema().hasDocument() ? FORMAT_V2 : FORMAT;
    if (!expected.equals(format)) {
      throw new RegistryException(file + ": format '" + format + "', expected " + expected
          + " (the openings of a registry of " + registry.schema() + ")");
    }
    if (!JsonFiles.string(o, "system", file).equals(registry.system())) {
      throw new RegistryIntegrityException(file + ": openings of another proof system");
    }
    byte[] root = JsonFiles.hex(JsonFiles.string(o, "root", file),
        registry.hash().digestLength(), "root", file);
    if (!MessageDigest.isEqual(root, registry.root())) {
      throw new RegistryIntegrityException(
          file + ": openings of another registry (root differs from " + Registry.REGISTRY_FILE
          + ")");
    }
    if (records.size() != registry.size()) {
      throw new RegistryIntegrityException(file + ": " + records.size() + " openings for "
          + registry.size() + " commitments");
    }
    try {
      return new Openings(records, file, registry);
    } catch (IllegalArgumentException e) {
      throw new RegistryIntegrityException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The record at a row index, after checking that it hashes to the registry's commitment.
   *
   * @throws RegistryIntegrityException when it does not (the opening was edited)
   * @throws IllegalStateException for openings not loaded from a registry
   */
  public Record checkedRecord(int index) throws RegistryIntegrityException {
    if (registry == null) {
      throw new IllegalStateException("openings not loaded from a registry");
    }
    if (!matches(index)) {
      throw mismatch(index);
    }
    return records.get(index);
  }

  /**
   * The witness for a claim about a subject: its record, checked against its commitment, and its
   * registry path.
   *
   * @throws RegistryException when the subject has no record here
   * @throws RegistryIntegrityException when the record's opening was edited
   */
  public ClaimWitness witness(long subjectId) throws RegistryException {
    if (registry == null) {
      throw new IllegalStateException("openings not loaded from a registry");
    }
    OptionalInt i = indexOfSubject(subjectId);
    if (i.isEmpty()) {
      throw new RegistryException("no record for subject " + subjectId + " in " + file);
    }
    return new ClaimWitness(checkedRecord(i.getAsInt()), registry.path(i.getAsInt()));
  }

  private boolean matches(int i) {
    return MessageDigest.isEqual(registry.hash().leaf(records.get(i)), registry.commitment(i));
  }

  private RegistryIntegrityException mismatch(int i) {
    return new RegistryIntegrityException(file + ": opening " + i + " (subject "
        + records.get(i).get(Attribute.SUBJECT_ID) + ") does not hash to its commitment"
        + " (openings tampered with or corrupted)");
  }

  private static Record parse(JsonElement el, int i, Path file, boolean docs)
      throws RegistryException {
    if (!el.isJsonObject()) {
      throw new RegistryException(file + ": opening " + i + " is not an object");
    }
    JsonObject e = el.getAsJsonObject();
    if (JsonFiles.integer(e, "index", file, 0, Integer.MAX_VALUE) != i) {
      throw new RegistryIntegrityException(file + ": opening " + i + " is out of order");
    }
    long[] attrs = new long[Attribute.values().length];
    for (Attribute a : Attribute.values()) {
      attrs[a.ordinal()] = JsonFiles.integer(e, a.columnName(), file, 0, Attribute.LIMIT - 1);
    }
    JsonElement se = e.get("salt");
    if (se == null || !se.isJsonArray() || se.getAsJsonArray().size() != Record.SALT_WORDS) {
      throw new RegistryException(
          file + ": opening " + i + ": salt must be " + Record.SALT_WORDS + " decimal strings");
    }
    long[] salt = new long[Record.SALT_WORDS];
    for (int w = 0; w < Record.SALT_WORDS; w++) {
      try {
        salt[w] = Long.parseLong(se.getAsJsonArray().get(w).getAsString());
      } catch (RuntimeException ex) {
        throw new RegistryException(file + ": opening " + i + ": salt word " + w
            + " is not a decimal integer");
      }
    }
    try {
      if (!docs) {
        return Record.of(attrs, salt);
      }
      JsonElement d = e.get(RecordsCsv.DOCUMENT_COLUMN);
      if (d == null || !d.isJsonPrimitive() || !d.getAsJsonPrimitive().isString()) {
        throw new RegistryException(file + ": opening " + i + ": "
            + RecordsCsv.DOCUMENT_COLUMN + " missing or not a string");
      }
      return Record.of(attrs, io.pqzk.zk.claims.DocumentDigest.ofHex(d.getAsString()), salt);
    } catch (IllegalArgumentException ex) {
      throw new RegistryException(file + ": opening " + i + ": " + ex.getMessage(), ex);
    } finally {
      java.util.Arrays.fill(attrs, 0);
      java.util.Arrays.fill(salt, 0);
    }
  }

  /** Overwrites every record's values (best effort). */
  public void destroy() {
    for (Record r : records) {
      r.destroy();
    }
  }
}
