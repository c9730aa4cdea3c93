package io.pqzk.zk.groth16claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An auditor can recompute a pinned program digest: the pinned zokrates-js compiles claim.zok to
 * the same bytes in two fresh workers, as {@link ClaimCircuit} compiles it (location
 * "claim.zok"). The location is part of the program, so another file name gives another digest.
 * Needs Node; {@code npm ci} runs when zokrates-js is missing. Never skipped.
 */
class ClaimProgramReproducibleTest {
  static final Path NODE_DIR = Path.of("node");

  @BeforeAll
  static void install() throws Exception {
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/zokrates-js"))) {
      Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
          .directory(NODE_DIR.toFile()).inheritIO().start();
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), "npm ci timed out");
      assertEquals(0, p.exitValue(), "npm ci failed in " + NODE_DIR.toAbsolutePath());
    }
  }

  private static byte[] compiledDigest(String source, String location) throws Exception {
    try (ZoKrates zk = ZoKrates.create("node", NODE_DIR.resolve("worker.mjs"), Duration.ofMinutes(10))) {
      byte[] program = zk.compile(source, location, ZoKratesOptions.G16_BN128).program();
      return MessageDigest.getInstance("SHA-256").digest(program);
    }
  }

  @Test
  void compile_claimCircuitTwice_sameProgramDigest() throws Exception {
    String source = ClaimCircuit.load().source();
    byte[] first = compiledDigest(source, "claim.zok");
    assertArrayEquals(first, compiledDigest(source, "claim.zok"));
    assertFalse(Arrays.equals(first, compiledDigest(source, "renamed.zok")),
        "the location is compiled in: the recipe must name the file claim.zok");
  }
}
