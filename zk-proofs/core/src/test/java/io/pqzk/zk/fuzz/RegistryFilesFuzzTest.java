package io.pqzk.zk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.registry.Openings;
import io.pqzk.zk.registry.Registry;
import io.pqzk.zk.registry.RegistryException;
import io.pqzk.zk.registry.Sha256RegistryHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Registry directories as {@code pqzk claim prove} and {@code pqzk registry root} read them.
 * Input: one byte choosing the file (even: {@code registry.json} through {@link Registry#load};
 * odd: {@code openings.json} through {@link Openings#load}, beside the real registry.json of the
 * fixture), then its bytes. Read, or refused with a {@link RegistryException}; a registry that
 * loads has the root its commitments recompute to.
 */
class RegistryFilesFuzzTest {
  static final String SYSTEM = "test-sha256";
  static final Sha256RegistryHash HASH = new Sha256RegistryHash();
  private static Path dir;
  private static byte[] registryJson;

  private static synchronized Path dir() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("pqzk-fuzz-registry");
      try (InputStream in = RegistryFilesFuzzTest.class.getResourceAsStream(
          "RegistryFilesFuzzTestInputs/load/registry")) {
        byte[] seed = in.readAllBytes();
        registryJson = Arrays.copyOfRange(seed, 1, seed.length);
      }
    }
    return dir;
  }

  @FuzzTest
  @Timeout(10)
  void load(byte[] input) throws IOException {
    if (input.length < 1) {
      return;
    }
    Path d = dir();
    byte[] bytes = Arrays.copyOfRange(input, 1, input.length);
    boolean openings = (input[0] & 1) == 1;
    Files.write(d.resolve(Registry.REGISTRY_FILE), openings ? registryJson : bytes);
    Files.write(d.resolve(Openings.FILE), openings ? bytes : new byte[0]);
    try {
      Registry r = Registry.load(d, SYSTEM, HASH);
      if (openings) {
        Openings.load(d, r);
      }
    } catch (RegistryException refused) {
      FuzzChecks.hasMessage(refused);
    }
  }
}
