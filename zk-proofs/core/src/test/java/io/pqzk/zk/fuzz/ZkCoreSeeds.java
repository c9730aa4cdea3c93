package io.pqzk.zk.fuzz;

import io.pqzk.zk.registry.Openings;
import io.pqzk.zk.registry.RecordsCsv;
import io.pqzk.zk.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the records CSV and registry targets' seeds: a records file and the registry that
 * {@link Registry#create} builds from it. Run only on request: {@code ./mvnw -pl zk-proofs/core
 * -am test -Dtest=ZkCoreSeeds -Dfuzz.seeds=write -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class ZkCoreSeeds {
  static final Path OUT = Path.of("src/test/resources/io/pqzk/zk/fuzz");

  @Test
  void write() throws Exception {
    String csv = RecordsCsv.header() + "\n1001,1990,2,75,20260115,2,1\n"
        + "1002,1985,1,64,20251201,3,1\n1003,2001,4,90,20260301,1,2\n";
    Path records = OUT.resolve("RecordsCsvFuzzTestInputs/read");
    Files.createDirectories(records);
    Files.writeString(records.resolve("three-records"), csv);
    Files.writeString(records.resolve("bom-crlf-reordered"), "\uFEFFissuer,subject_id,birth_year,"
        + "blood_group,fitness,vax_date,clearance\r\n1,7,1999,3,81,20260202,2\r\n\r\n");
    Path tmp = Files.createTempDirectory("pqzk-registry-seed");
    Path csvFile = tmp.resolve("records.csv");
    Files.writeString(csvFile, csv);
    List<long[]> rows = RecordsCsv.read(csvFile);
    Path reg = tmp.resolve("registry");
    Registry.create(reg, RegistryFilesFuzzTest.SYSTEM, RegistryFilesFuzzTest.HASH, rows,
        new SecureRandom(), true);
    Path out = OUT.resolve("RegistryFilesFuzzTestInputs/load");
    Files.createDirectories(out);
    Files.write(out.resolve("registry"), prefixed(0, Files.readAllBytes(
        reg.resolve(Registry.REGISTRY_FILE))));
    Files.write(out.resolve("openings"), prefixed(1, Files.readAllBytes(
        reg.resolve(Openings.FILE))));
  }

  static byte[] prefixed(int b, byte[] bytes) {
    byte[] out = new byte[bytes.length + 1];
    out[0] = (byte) b;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return new String(out, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
  }
}
