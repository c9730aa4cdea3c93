package io.pqzk.ledger.store.fuzz;

import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.store.BlockFiles;
import io.pqzk.ledger.store.DataDirectory;
import io.pqzk.ledger.store.Ledger;
import io.pqzk.ledger.store.TestChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the store targets' fixture and seeds: a data directory the engine wrote (three blocks
 * of mixed traffic, sealed and certified), its segment whole and torn, its head certificate.
 * Run only on request: {@code ./mvnw -pl ledger-adapter/store -am test -Dtest=StoreSeeds
 * -Dfuzz.seeds=write -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class StoreSeeds {
  static final Path OUT = Path.of("src/test/resources/io/pqzk/ledger/store/fuzz");

  @Test
  void write() throws Exception {
    TestChain chain = new TestChain(2);
    Path dir = Files.createTempDirectory("pqzk-store-seed");
    try (Ledger l = chain.open(dir)) {
      chain.fill(l, 3);
    }
    byte[] segment = Files.readAllBytes(DataDirectory.blocks(dir).resolve(BlockFiles.segmentName(0)));
    byte[] qc = Files.readAllBytes(DataDirectory.headCertificate(dir));
    Path fixture = OUT.resolve("chain");
    Files.createDirectories(fixture);
    Files.write(fixture.resolve(Genesis.FILE_NAME), Files.readAllBytes(dir.resolve(Genesis.FILE_NAME)));
    Files.write(fixture.resolve("blocks-000000.dat"), segment);
    Files.write(fixture.resolve("head.qc"), qc);
    for (String target : new String[] {"ChainFilesFuzzTestInputs/verify", "RecoveryFuzzTestInputs/open"}) {
      Path seeds = OUT.resolve(target);
      Files.createDirectories(seeds);
      Files.write(seeds.resolve("segment"), prefixed(0, segment));
      Files.write(seeds.resolve("segment-torn-tail"), prefixed(0,
          Arrays.copyOf(segment, segment.length - 1000)));
      Files.write(seeds.resolve("head-certificate"), prefixed(1, qc));
    }
  }

  static byte[] prefixed(int b, byte[] bytes) {
    byte[] out = new byte[bytes.length + 1];
    out[0] = (byte) b;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }
}
