package io.pqzk.zk.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.claims.RecordSchema;
import io.pqzk.zk.stark.claim.StarkRegistryHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record schema 2 in registry files (document digests in the openings, the schema named in
 * {@code registry.json}, schema-1 files unchanged) and the root cache: a second load of the same
 * file skips the recomputation, and a tampered registry is refused whatever the cache holds.
 */
class RegistrySchemaAndCacheTest {
  static final StarkRegistryHash H = new StarkRegistryHash();
  @TempDir Path dir;
  @TempDir Path cacheDir;

  static RecordsCsv.Table table(int n) {
    List<long[]> rows = new ArrayList<>();
    List<DocumentDigest> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new long[] {100 + i, 1980 + i, i % 8, 50 + i, 20260101 + i, i % 4, 9});
      docs.add(DocumentDigest.ofDocument(("document " + i).getBytes()));
    }
    return new RecordsCsv.Table(RecordSchema.V2, rows, docs);
  }

  @Test
  void schema2_roundTrip_documentsInTheOpeningsAndTheLeaves() throws Exception {
    Registry built = Registry.create(dir, "stark", H, table(5), new SecureRandom(), false,
        Registry.Progress.NONE);
    assertEquals(RecordSchema.V2, built.schema());
    String file = Files.readString(dir.resolve(Registry.REGISTRY_FILE));
    assertTrue(file.contains("\"format\": \"pqzk-registry/2\"")
        && file.contains("\"schema\": \"pqzk-record/2\""), file);
    assertFalse(file.contains("document"), "the public file holds no digest");
    Registry loaded = Registry.load(dir, "stark", H);
    assertEquals(RecordSchema.V2, loaded.schema());
    assertArrayEquals(built.root(), loaded.root());
    Openings o = Openings.load(dir, loaded);
    Record r = o.record(3);
    assertEquals(DocumentDigest.ofDocument("document 3".getBytes()), r.document().orElseThrow());
    assertTrue(SparseMerkleTree.verify(H, H.leaf(r), loaded.path(3), loaded.root()));
    assertEquals(r, o.witness(103).record());
  }

  @Test
  void schema1_filesKeepTheOriginalFormat() throws Exception {
    Registry.create(dir, "stark", H, List.of(new long[] {1, 2, 3, 4, 5, 6, 7}),
        new SecureRandom(), false);
    String file = Files.readString(dir.resolve(Registry.REGISTRY_FILE));
    assertTrue(file.contains("\"format\": \"pqzk-registry/1\"") && !file.contains("schema"),
        file);
    assertEquals(RecordSchema.V1, Registry.load(dir, "stark", H).schema());
    assertTrue(Files.readString(dir.resolve(Openings.FILE)).contains("pqzk-openings/1"));
  }

  @Test
  void schema2_editedDocumentInOpening_refused() throws Exception {
    Registry r = Registry.create(dir, "stark", H, table(3), new SecureRandom(), false,
        Registry.Progress.NONE);
    Path f = dir.resolve(Openings.FILE);
    String hex = DocumentDigest.ofDocument("document 1".getBytes()).hex();
    String other = DocumentDigest.ofDocument("document 9".getBytes()).hex();
    Files.writeString(f, Files.readString(f).replace(hex, other));
    assertThrows(RegistryIntegrityException.class, () -> Openings.load(dir, r));
    assertThrows(RegistryIntegrityException.class,
        () -> Openings.loadUnchecked(dir, r).witness(101));
  }

  @Test
  void schemaField_mismatches_refused() throws Exception {
    Registry.create(dir, "stark", H, table(2), new SecureRandom(), false, Registry.Progress.NONE);
    Path f = dir.resolve(Registry.REGISTRY_FILE);
    String good = Files.readString(f);
    for (String bad : new String[] {good.replace("pqzk-record/2", "pqzk-record/1"),
        good.replace("pqzk-record/2", "pqzk-record/3"),
        good.replace("pqzk-registry/2", "pqzk-registry/1")}) {
      Files.writeString(f, bad);
      assertThrows(RegistryException.class, () -> Registry.load(dir, "stark", H));
    }
  }

  @Test
  void cache_secondLoadSkipsRecomputing_sameRoot() throws Exception {
    Registry built = Registry.create(dir, "stark", H, table(300), new SecureRandom(), false,
        Registry.Progress.NONE);
    RootCache cache = RootCache.in(cacheDir);
    Registry first = Registry.load(dir, "stark", H, cache);
    assertFalse(first.loadedFromCache());
    Registry second = Registry.load(dir, "stark", H, cache);
    assertTrue(second.loadedFromCache());
    assertArrayEquals(built.root(), second.root());
    assertArrayEquals(built.path(17).sibling(3), second.path(17).sibling(3));
    assertFalse(Registry.load(dir, "stark", H, RootCache.disabled()).loadedFromCache());
  }

  /** A commitment edited after the file was cached: another digest, recomputed, refused. */
  @Test
  void cache_tamperedRegistry_stillRefused() throws Exception {
    Registry.create(dir, "stark", H, table(20), new SecureRandom(), false,
        Registry.Progress.NONE);
    RootCache cache = RootCache.in(cacheDir);
    Registry loaded = Registry.load(dir, "stark", H, cache);
    Path f = dir.resolve(Registry.REGISTRY_FILE);
    String c = java.util.HexFormat.of().formatHex(loaded.commitment(4));
    String edited = c.substring(0, 10) + (c.charAt(10) == '0' ? '1' : '0') + c.substring(11);
    Files.writeString(f, Files.readString(f).replace(c, edited));
    assertThrows(RegistryIntegrityException.class, () -> Registry.load(dir, "stark", H, cache));
    // even an entry planted for the tampered file is ignored without the cache's key
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(f));
    Path entry = cacheDir.resolve(java.util.HexFormat.of().formatHex(digest));
    for (Path existing : listing(cacheDir)) {
      if (!existing.getFileName().toString().equals("key")) {
        String text = Files.readString(existing);
        Files.writeString(entry, text.replace(existing.getFileName().toString(),
            entry.getFileName().toString()));
      }
    }
    assertThrows(RegistryIntegrityException.class, () -> Registry.load(dir, "stark", H, cache));
  }

  /** An entry whose authentication tag was edited is ignored: the registry is recomputed. */
  @Test
  void cache_forgedEntry_ignored() throws Exception {
    Registry.create(dir, "stark", H, table(8), new SecureRandom(), false,
        Registry.Progress.NONE);
    RootCache cache = RootCache.in(cacheDir);
    Registry.load(dir, "stark", H, cache);
    for (Path e : listing(cacheDir)) {
      if (!e.getFileName().toString().equals("key")) {
        List<String> lines = Files.readAllLines(e);
        String tag = lines.get(1);
        Files.writeString(e, lines.get(0) + "\n" + (tag.charAt(0) == 'a' ? 'b' : 'a')
            + tag.substring(1) + "\n");
      }
    }
    assertFalse(Registry.load(dir, "stark", H, cache).loadedFromCache());
    assertTrue(Registry.load(dir, "stark", H, cache).loadedFromCache()); // rewritten
  }

  private static List<Path> listing(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }
}
