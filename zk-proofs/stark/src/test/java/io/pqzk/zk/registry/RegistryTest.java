package io.pqzk.zk.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.stark.claim.StarkRegistryHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
  private static final RegistryHash SHA = new Sha256RegistryHash();

  @TempDir Path dir;

  private static List<long[]> rows(int n) {
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new long[] {100 + i, 1980 + i, i % 8, 50 + i, 20260101 + i, i % 4, 9});
    }
    return out;
  }

  private Registry create(RegistryHash h, int n) throws RegistryException {
    return Registry.create(dir, "test", h, rows(n), new SecureRandom(), false);
  }

  @Test
  void roundTrip_loadsSameRootAndOpenings() throws Exception {
    Registry built = create(SHA, 25);
    Registry loaded = Registry.load(dir, "test", SHA);
    assertArrayEquals(built.root(), loaded.root());
    assertEquals(25, loaded.size());
    Openings o = Openings.load(dir, loaded);
    int i = o.indexOfSubject(107).orElseThrow();
    assertEquals(7, i);
    Record r = o.record(i);
    assertEquals(57, r.get(Attribute.FITNESS));
    assertTrue(SparseMerkleTree.verify(SHA, SHA.leaf(r), loaded.path(i), loaded.root()));
    assertFalse(o.indexOfSubject(99).isPresent());
  }

  @Test
  void roundTrip_withStarkHash() throws Exception {
    Registry built = create(new StarkRegistryHash(), 3);
    Registry loaded = Registry.load(dir, "test", new StarkRegistryHash());
    assertArrayEquals(built.root(), loaded.root());
    Openings.load(dir, loaded);
  }

  @Test
  void create_saltsAreFresh_soRootsDiffer(@TempDir Path other) throws Exception {
    Registry a = create(SHA, 4);
    Registry b = Registry.create(other, "test", SHA, rows(4), new SecureRandom(), false);
    assertNotEquals(a.rootHex(), b.rootHex());
  }

  @Test
  void openingsFile_isOwnerOnly() throws Exception {
    create(SHA, 2);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir.resolve(Openings.FILE))));
    }
    assertFalse(Files.readString(dir.resolve(Registry.REGISTRY_FILE)).contains("salt"));
  }

  @Test
  void create_existingRegistry_refusesToOverwrite() throws Exception {
    Registry first = create(SHA, 2);
    RegistryException e = assertThrows(RegistryException.class, () -> create(SHA, 3));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertArrayEquals(first.root(), Registry.load(dir, "test", SHA).root());
  }

  @Test
  void save_withoutReplace_refusesExistingFileAndLeavesNoTemporaryFile() throws Exception {
    Registry r = create(SHA, 2);
    String before = Files.readString(dir.resolve(Registry.REGISTRY_FILE));
    RegistryException e = assertThrows(RegistryException.class, () -> r.save(dir, false));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertEquals(before, Files.readString(dir.resolve(Registry.REGISTRY_FILE)));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(Openings.FILE, Registry.REGISTRY_FILE),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void load_editedCommitment_throwsIntegrity() throws Exception {
    Registry r = create(SHA, 5);
    String c = java.util.HexFormat.of().formatHex(r.commitment(2));
    String edited = c.substring(0, 10) + (c.charAt(10) == '0' ? '1' : '0') + c.substring(11);
    replace(dir.resolve(Registry.REGISTRY_FILE), c, edited);
    RegistryIntegrityException e = assertThrows(RegistryIntegrityException.class,
        () -> Registry.load(dir, "test", SHA));
    assertTrue(e.getMessage().contains("recompute"), e.getMessage());
  }

  @Test
  void load_editedRoot_throwsIntegrity() throws Exception {
    Registry r = create(SHA, 5);
    String root = r.rootHex();
    replace(dir.resolve(Registry.REGISTRY_FILE), "\"root\": \"" + root,
        "\"root\": \"" + (root.charAt(0) == 'a' ? 'b' : 'a') + root.substring(1));
    assertThrows(RegistryIntegrityException.class, () -> Registry.load(dir, "test", SHA));
  }

  @Test
  void load_nonCanonicalStarkCommitment_throwsIntegrity() throws Exception {
    Registry r = create(new StarkRegistryHash(), 2);
    String c = java.util.HexFormat.of().formatHex(r.commitment(0));
    replace(dir.resolve(Registry.REGISTRY_FILE), c, "ff".repeat(32));
    assertThrows(RegistryIntegrityException.class,
        () -> Registry.load(dir, "test", new StarkRegistryHash()));
  }

  @Test
  void loadOpenings_editedAttribute_throwsIntegrity() throws Exception {
    Registry r = create(SHA, 5);
    replace(dir.resolve(Openings.FILE), "\"fitness\": 53", "\"fitness\": 99");
    RegistryIntegrityException e = assertThrows(RegistryIntegrityException.class,
        () -> Openings.load(dir, r));
    assertTrue(e.getMessage().contains("opening 3"), e.getMessage());
  }

  @Test
  void checkedRecord_detectsOnlyTheEditedOpening() throws Exception {
    Registry r = create(SHA, 5);
    replace(dir.resolve(Openings.FILE), "\"fitness\": 53", "\"fitness\": 99");
    Openings o = Openings.loadUnchecked(dir, r);
    assertEquals(52, o.checkedRecord(2).get(Attribute.FITNESS));
    RegistryIntegrityException e = assertThrows(RegistryIntegrityException.class,
        () -> o.checkedRecord(3));
    assertTrue(e.getMessage().contains("subject 103"), e.getMessage());
  }

  @Test
  void witness_pathLeadsFromTheSubjectsCommitmentToTheRoot() throws Exception {
    create(SHA, 6);
    Registry r = Registry.load(dir, "test", SHA);
    Openings o = Openings.loadUnchecked(dir, r);
    io.pqzk.zk.claims.ClaimWitness w = o.witness(104);
    assertEquals(4, w.path().index());
    assertTrue(SparseMerkleTree.verify(SHA, SHA.leaf(w.record()), w.path(), r.root()));
    RegistryException e = assertThrows(RegistryException.class, () -> o.witness(7));
    assertTrue(e.getMessage().contains("no record for subject 7"), e.getMessage());
  }

  @Test
  void create_largeRegistry_reportsProgressAndRoundTrips() throws Exception {
    List<String> phases = new ArrayList<>();
    Registry r = Registry.create(dir, "test", SHA, rows(10_000), new SecureRandom(), false,
        (phase, done, total) -> phases.add(phase + " " + done + "/" + total));
    assertTrue(phases.contains("hashing records 10000/10000"), phases.toString());
    Registry loaded = Registry.load(dir, "test", SHA);
    assertArrayEquals(r.root(), loaded.root());
    Openings o = Openings.load(dir, loaded);
    assertEquals(9_999, o.indexOfSubject(10_099).orElseThrow());
  }

  @Test
  void loadOpenings_editedSalt_throwsIntegrity() throws Exception {
    Registry r = create(SHA, 2);
    Path f = dir.resolve(Openings.FILE);
    Matcher m = Pattern.compile("\"salt\": \\[\\s*\"(\\d+)\"").matcher(Files.readString(f));
    assertTrue(m.find());
    String salt = m.group(1);
    String other = salt.endsWith("1") ? salt.substring(0, salt.length() - 1) + "2"
        : salt.substring(0, salt.length() - 1) + "1";
    replace(f, "\"" + salt + "\"", "\"" + other + "\"");
    assertThrows(RegistryIntegrityException.class, () -> Openings.load(dir, r));
  }

  @Test
  void loadOpenings_ofAnotherRegistry_throwsIntegrity(@TempDir Path other) throws Exception {
    create(SHA, 2);
    Registry r2 = Registry.create(other, "test", SHA, rows(2), new SecureRandom(), false);
    Files.copy(dir.resolve(Openings.FILE), other.resolve(Openings.FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThrows(RegistryIntegrityException.class, () -> Openings.load(other, r2));
  }

  @Test
  void load_wrongSystem_isNamed() throws Exception {
    create(SHA, 1);
    RegistryException e = assertThrows(RegistryException.class,
        () -> Registry.load(dir, "stark", SHA));
    assertTrue(e.getMessage().contains("'test'"), e.getMessage());
  }

  @Test
  void load_missingDirectory_isTypedError() {
    assertThrows(RegistryException.class, () -> Registry.load(dir.resolve("none"), "test", SHA));
  }

  @Test
  void load_garbage_isTypedError() throws IOException {
    Files.writeString(dir.resolve(Registry.REGISTRY_FILE), "{ not json");
    assertThrows(RegistryException.class, () -> Registry.load(dir, "test", SHA));
    Files.writeString(dir.resolve(Registry.REGISTRY_FILE), "{\"format\":\"pqzk-registry/1\"}");
    assertThrows(RegistryException.class, () -> Registry.load(dir, "test", SHA));
  }

  @Test
  void load_emptyRegistry_works() throws Exception {
    Registry r = create(SHA, 0);
    assertArrayEquals(r.root(), Registry.load(dir, "test", SHA).root());
    assertEquals(0, Openings.load(dir, r).size());
  }

  private static void replace(Path f, String from, String to) throws IOException {
    String s = Files.readString(f, StandardCharsets.UTF_8);
    assertTrue(s.contains(from), "fixture: '" + from + "' not in " + f);
    Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
  }
}
