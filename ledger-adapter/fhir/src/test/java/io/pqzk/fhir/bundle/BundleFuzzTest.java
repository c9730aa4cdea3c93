package io.pqzk.fhir.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.fhir.InvalidFhirException;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.custodian.RecordDocument;
import io.pqzk.zk.claims.Attribute;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * FHIR R4 bundles as an import reads them: {@link BundleReader#read} (size, UTF-8, HAPI's strict
 * parser, the extraction rules), then {@link RecordDocument#extracted}, which {@link
 * FhirImport#importAll} applies next. A bundle is read, or refused with {@link
 * InvalidFhirException} in one line; what it yields is always a record the vault takes: every
 * attribute in range or absent, each note one line. Seeds: the Synthea bundles of the tests cut
 * to their Patient, Immunizations and first Observations, and one with every attribute the rules
 * read (subject id, blood group, fitness, clearance, a source with an issuer code). 1 GiB heap.
 */
class BundleFuzzTest {
  static final String SOURCE = "https://records.example/synthea";
  private static final BundleReader READER = new BundleReader(new Issuers(
      Map.of(SOURCE, 7L), Optional.empty()));

  @FuzzTest
  @Timeout(30)
  void read(byte[] input) {
    BundleRecord r;
    try {
      r = READER.read(input, "fuzzed bundle");
    } catch (InvalidFhirException refused) {
      oneLine(refused.getMessage());
      return;
    }
    long[] attrs = r.attributes();
    assertEquals(Attribute.values().length, attrs.length);
    for (long a : attrs) {
      assertTrue(a == Attribute.ABSENT || (a >= 0 && a < Attribute.ABSENT), "attribute " + a);
    }
    for (String n : r.notes()) {
      oneLine(n);
    }
    try {
      RecordDocument.extracted(r.bytes(), attrs, "fuzzed bundle").wipe();
    } catch (InvalidRecordInputException e) {
      throw new AssertionError("a bundle the reader kept is refused by the vault: "
          + e.getMessage(), e);
    }
  }

  /** The seeds named kept-* are real bundles the rules keep (they fail once the rules drift). */
  @Test
  void keptSeeds_areRead() throws Exception {
    List<Path> kept;
    try (Stream<Path> s = Files.list(inputs())) {
      kept = s.filter(p -> p.getFileName().toString().startsWith("kept-")).sorted().toList();
    }
    assertTrue(kept.size() >= 4, kept.toString());
    for (Path p : kept) {
      BundleRecord r = READER.read(Files.readAllBytes(p), p.getFileName().toString());
      assertTrue(r.attributes()[Attribute.BIRTH_YEAR.ordinal()] != Attribute.ABSENT, p.toString());
    }
  }

  /** A clearance of 2^64 + 2 is out of range, not 2 (longValue() wrapped it before). */
  @Test
  void quantityBeyondALong_isOutOfRange() throws Exception {
    byte[] b = Files.readAllBytes(inputs().resolve("finding-quantity-beyond-2-to-64"));
    InvalidFhirException e = assertThrows(InvalidFhirException.class,
        () -> READER.read(b, "clearance"));
    assertEquals("Observation.valueQuantity.value", e.field());
  }

  private static Path inputs() throws URISyntaxException {
    return Path.of(BundleFuzzTest.class.getResource("BundleFuzzTestInputs/read").toURI());
  }

  private static void oneLine(String m) {
    assertTrue(m != null && !m.isBlank() && m.indexOf('\n') < 0 && m.indexOf('\r') < 0,
        "not one line: " + m);
  }
}
