package io.pqzk.fhir.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import io.pqzk.fhir.FhirFixture;
import io.pqzk.fhir.Leaks;
import io.pqzk.fhir.TlsClients;
import io.pqzk.fhir.server.FhirFacade;
import io.pqzk.fhir.server.internal.FacadeReads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthea run afresh, as a tool of its own ({@code synthea/generate.sh}, its HAPI apart from
 * ours), with a new seed each run (or {@code -Dpqzk.synthea.seed=N}): every bundle imports, its
 * attributes are what a plain JSON reading of it gives, the facade serves each patient, and no
 * file the custodian, the chain or the facade wrote (request log included) holds a name, birth
 * date or identifier of those patients. Slow: Synthea loads its whole world (a minute or more).
 */
@Tag("slow")
class FreshSyntheaTest {
  @Test
  void freshBundles_importCleanly_attributesMatch_noIdentifyingStringWritten(@TempDir Path tmp)
      throws Exception {
    long seed = Long.getLong("pqzk.synthea.seed", System.currentTimeMillis() % 1_000_000_000L);
    Path generated = tmp.resolve("synthea-out");
    Path script = Path.of(System.getProperty("user.dir")).resolve("synthea/generate.sh");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), generated.toString(),
        Long.toString(seed), "4", "1").redirectErrorStream(true)
        .redirectOutput(tmp.resolve("synthea.log").toFile());
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
        + System.getenv("PATH"));
    Process p = pb.start();
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), "Synthea did not finish in 15 minutes");
    assertEquals(0, p.exitValue(), () -> "Synthea failed: " + tail(tmp.resolve("synthea.log")));
    List<Path> files;
    try (Stream<Path> s = Files.list(generated.resolve("fhir"))) {
      files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertEquals(4, files.size(), files.toString());
    List<byte[]> bundles = new ArrayList<>();
    Set<String> secrets = new LinkedHashSet<>();
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      bundles.add(b);
      secrets.addAll(Leaks.identifying(b));
    }
    Path node = tmp.resolve("node");
    try (FhirFixture f = new FhirFixture(node)) {
      List<BundleRecord> records = f.importBundles(bundles);
      for (int i = 0; i < records.size(); i++) {
        assertEquals(Arrays.toString(BundleReaderTest.expected(bundles.get(i))),
            Arrays.toString(records.get(i).attributes()), "bundle " + (i + 1) + " of seed "
            + seed);
      }
      String[] subjects = records.stream().map(BundleRecord::subjectId).toArray(String[]::new);
      f.grant("clinic-alpha", "TREAT", subjects);
      try (FhirFacade facade = f.facade()) {
        IGenericClient c = TlsClients.fhir("https://127.0.0.1:" + facade.port() + "/fhir", f.ca,
            f.reader("clinic-alpha").tls(), Map.of(FacadeReads.PURPOSE_HEADER, "TREAT"));
        for (String s : subjects) {
          assertEquals(s, c.read().resource(Patient.class).withId(s).execute().getIdElement()
              .getIdPart());
          c.operation().onInstance("Patient/" + s).named("$everything")
              .withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();
        }
      }
    }
    assertTrue(Files.size(node.resolve("fhir-requests.log")) > 0);
    List<String> found = Leaks.scan(node, secrets);
    System.out.println("Synthea seed " + seed + ": " + files.size() + " bundles imported,"
        + " attributes as the JSON says; scanned " + Leaks.files(node) + " files for "
        + secrets.size() + " identifying strings: " + (found.isEmpty() ? "none found" : found));
    assertEquals(List.of(), found);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (java.io.IOException e) {
      return e.getMessage();
    }
  }
}
