package io.pqzk.replication;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * A node's configuration ({@code node.json}, replication.proto's {@code NodeConfig}) through
 * {@link NodeSettings#load}, as {@code NodeLauncher} reads it before anything starts: checked,
 * or refused with {@link ConfigException} in one line. Seeds: a founding node of four and a node
 * that joins a running network ({@link ReplicationSeeds}).
 */
class NodeConfigFuzzTest {
  private static Path dir;

  static synchronized Path dir() throws Exception {
    if (dir == null) {
      dir = Files.createTempDirectory("pqzk-fuzz-node");
    }
    return dir;
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
  void load(byte[] input) throws Exception {
    Path file = dir().resolve("node.json");
    Files.write(file, input);
    try {
      NodeSettings.load(file);
    } catch (ConfigException refused) {
      CommandFuzzTest.oneLine(refused.getMessage());
    }
  }
}
