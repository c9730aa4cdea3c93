package io.pqzk.replication;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.ledger.Genesis;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Network descriptions ({@code network.json}, replication.proto's {@code NetworkConfig}) through
 * {@link NetworkGenesis#build}, as {@code pqzk chain init} and the cluster demo read them, in a
 * folder holding the public key files the seeds name ({@code keys/}). A description is turned
 * into a genesis that {@link Genesis#parse} reads, or refused with {@link ConfigException} in
 * one line. Seeds: four validators and an authority; the same with a participant, STARK claims
 * and limits ({@link ReplicationSeeds}).
 */
class NetworkConfigFuzzTest {
  private static Path dir;

  static synchronized Path dir() throws Exception {
    if (dir == null) {
      dir = Files.createTempDirectory("pqzk-fuzz-network");
      Path keys = Files.createDirectories(dir.resolve("keys"));
      for (String n : new String[] {"v0", "v1", "v2", "v3", "v4", "authority"}) {
        for (String alg : new String[] {ReplicationFuzzFixture.ML, ReplicationFuzzFixture.SLH}) {
          copy(keys, n + "." + alg + ".pub");
        }
      }
      copy(keys, "clinic.ML-DSA-44.pub");
    }
    return dir;
  }

  private static void copy(Path keys, String name) throws Exception {
    try {
      Files.write(keys.resolve(name), ReplicationFuzzFixture.resource("keys/" + name));
    } catch (IllegalStateException missing) {
      // v4 and the authority have no SLH-DSA key
    }
  }

  @AfterAll
  static void cleanUp() {
    if (dir != null) {
      ReplicationFuzzFixture.delete(dir);
      dir = null;
    }
  }

  @FuzzTest
  @Timeout(20)
  void build(byte[] input) throws Exception {
    Path file = dir().resolve("network.json");
    Files.write(file, input);
    try {
      Genesis.parse(NetworkGenesis.build(file));
    } catch (ConfigException refused) {
      CommandFuzzTest.oneLine(refused.getMessage());
    }
  }
}
