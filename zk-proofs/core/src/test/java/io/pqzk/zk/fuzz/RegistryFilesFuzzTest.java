package io.pqzk.zk.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
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
  static final String SEEDS = "RegistryFilesFuzzTestInputs/load/";
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

  /** What the target reads of one input: the registry and, for openings, the openings. */
  record Loaded(Registry registry, Openings openings) {}

  /** The target's reading of one input (see the class comment); a refusal is the exception. */
  static Loaded loaded(byte[] input) throws IOException, RegistryException {
    Path d = dir();
    byte[] bytes = Arrays.copyOfRange(input, 1, input.length);
    boolean openings = (input[0] & 1) == 1;
    Files.write(d.resolve(Registry.REGISTRY_FILE), openings ? registryJson : bytes);
    Files.write(d.resolve(Openings.FILE), openings ? bytes : new byte[0]);
    Registry r = Registry.load(d, SYSTEM, HASH);
    return new Loaded(r, openings ? Openings.load(d, r) : null);
  }

  @FuzzTest
  @Timeout(10)
  void load(byte[] input) throws IOException {
    if (input.length < 1) {
      return;
    }
    try {
      loaded(input);
    } catch (RegistryException refused) {
      FuzzChecks.hasMessage(refused);
    }
  }

  /**
   * The seeds ZkCoreSeeds writes still load (they stop loading silently when the format changes,
   * and the target then explores refusals only): the registry of its three records, and beside it
   * their openings, every one hashing to its commitment, one per subject.
   */
  @Test
  void seeds_stillLoad() throws IOException {
    Loaded registry = seedLoaded("registry", false);
    assertEquals(3, registry.registry().size(), FuzzChecks.stale(SEEDS + "registry",
        "records in the registry"));
    Loaded openings = seedLoaded("openings", true);
    assertEquals(registry.registry().rootHex(), openings.registry().rootHex(),
        "the openings seed is read beside the registry seed's registry.json");
    assertEquals(3, openings.openings().size(), FuzzChecks.stale(SEEDS + "openings",
        "openings read"));
    for (long subject : new long[] {1001, 1002, 1003}) {
      assertTrue(openings.openings().indexOfSubject(subject).isPresent(), FuzzChecks.stale(
          SEEDS + "openings", "no opening for subject " + subject));
    }
  }

  private static Loaded seedLoaded(String name, boolean openings) throws IOException {
    byte[] input = FuzzChecks.seed(RegistryFilesFuzzTest.class, SEEDS + name);
    assertEquals(openings, (input[0] & 1) == 1, FuzzChecks.stale(SEEDS + name, "its first byte"
        + " picks the other file"));
    try {
      return loaded(input);
    } catch (RegistryException refused) {
      throw new AssertionError(FuzzChecks.stale(SEEDS + name, "refused: " + refused.getMessage()),
          refused);
    }
  }
}
