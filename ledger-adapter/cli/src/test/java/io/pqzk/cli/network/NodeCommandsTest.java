package io.pqzk.cli.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands end to end on a one-node network: {@code node init} (keys, a private
 * CA, certificates), {@code chain init} from network.json, {@code node start} as its own
 * process, {@code node status} and {@code tx submit} (a payload as protobuf JSON, final; a bad
 * one refused).
 */
class NodeCommandsTest {
  @Test
  void initStartStatusSubmit(@TempDir Path dir) throws Exception {
    Path pass = dir.resolve("passphrase");
    Files.writeString(pass, "node commands test\n");
    String ca = dir.resolve("ca").toString();
    ok("node", "init", "--id", "n0", "--out", dir.resolve("n0").toString(), "--ca", ca,
        "--passphrase-file", pass.toString());
    ok("node", "init", "--id", "clinic", "--out", dir.resolve("clinic").toString(),
        "--passphrase-file", pass.toString());
    ok("node", "init", "--id", "me", "--client", "--out", dir.resolve("me").toString(),
        "--ca", ca);
    Files.writeString(dir.resolve("network.json"), """
        {"chainId": "commands", "slhDsa": {"everyNBlocks": 8},
         "validators": [{"name": "n0", "mlDsaPublic": "n0/keys/n0.ML-DSA-65.pub",
                         "slhDsaPublic": "n0/keys/n0.SLH-DSA-SHA2-128f.pub"}],
         "authorities": [{"name": "clinic",
                          "publicKey": "clinic/keys/clinic.ML-DSA-65.pub"}]}
        """);
    CliRun init = ok("chain", "init", "--config", dir.resolve("network.json").toString(),
        "--out", dir.toString());
    assertTrue(init.out().contains("genesis hash"), init.out());
    assertEquals(2, CliRun.of("chain", "init", "--config", dir.resolve("network.json").toString(),
        "--out", dir.toString()).exit(), "an existing genesis is not replaced");
    int raft = free();
    int api = free();
    Files.writeString(dir.resolve("n0/node.json"), """
        {"nodeId": "n0", "dataDir": "data", "genesis": "../genesis.json",
         "raftAddress": "127.0.0.1:%d", "apiAddress": "127.0.0.1:%d",
         "peers": [{"id": "n0", "raftAddress": "127.0.0.1:%d", "apiAddress": "127.0.0.1:%d"}],
         "keys": {"mlDsaPublic": "keys/n0.ML-DSA-65.pub", "mlDsaPrivate": "keys/n0.ML-DSA-65.key",
                  "slhDsaPublic": "keys/n0.SLH-DSA-SHA2-128f.pub",
                  "slhDsaPrivate": "keys/n0.SLH-DSA-SHA2-128f.key",
                  "passphraseFile": "../passphrase"},
         "tls": {"ca": "tls/ca.pem", "certificate": "tls/n0.pem", "privateKey": "tls/n0.key"}}
        """.formatted(raft, api, raft, api));
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command()
        .orElse("java"), "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), "io.pqzk.cli.Main", "node", "start", "--config",
        dir.resolve("n0/node.json").toString()));
    Process node = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("node.log").toFile()).start();
    try {
      String[] tls = {"--ca", dir.resolve("me/tls/ca.pem").toString(), "--cert",
          dir.resolve("me/tls/me.pem").toString(), "--cert-key",
          dir.resolve("me/tls/me.key").toString()};
      String address = "127.0.0.1:" + api;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      CliRun status;
      do {
        status = CliRun.of(concat(new String[] {"node", "status", "--node", address}, tls));
        if (System.nanoTime() > end) {
          throw new AssertionError("no leader: " + status.describe() + " "
              + Files.readString(dir.resolve("node.log")));
        }
        Thread.sleep(100); // polling interval
      } while (status.exit() != 0 || !status.out().contains("LEADER"));
      byte[] commitment = new byte[32];
      new java.security.SecureRandom().nextBytes(commitment);
      Path payload = dir.resolve("payload.json");
      Files.writeString(payload, "{\"recordRegistration\": {\"commitment\": \""
          + Base64.getEncoder().encodeToString(commitment) + "\", \"schema\": \"cli/v1\"}}");
      String[] submit = concat(new String[] {"tx", "submit", "--node", address, "--key",
          dir.resolve("clinic/keys/clinic.ML-DSA-65.key").toString(), "--payload",
          payload.toString(), "--passphrase-file", pass.toString()}, tls);
      CliRun tx = ok(submit);
      assertTrue(tx.out().matches("(?s)transaction [0-9a-f]{64} final at height 0 .*"),
          tx.out());
      Files.writeString(payload, "{\"recordRegistration\": {\"commitment\": \"AAAA\","
          + " \"schema\": \"cli/v1\"}}");
      CliRun refused = CliRun.of(submit);
      assertEquals(1, refused.exit(), refused.describe());
      assertTrue(refused.err().contains("commitment is 3 bytes, expected 32"), refused.err());
      CliRun after = ok(concat(new String[] {"node", "status", "--node", address}, tls));
      assertTrue(after.out().contains("finalized height 0"), after.out());
    } finally {
      node.destroy();
      node.waitFor(60, TimeUnit.SECONDS);
    }
    CliRun verify = ok("chain", "verify", "--quiet", "--data", dir.resolve("n0/data/ledger")
        .toString());
    assertTrue(verify.out().contains("1 blocks, 1 transactions"), verify.out());
  }

  private static CliRun ok(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), r.describe());
    return r;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int free() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
