package io.pqzk.zk.zokrates;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.zk.ProofException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Every answer the Java client reads from the zokrates-js worker, through the real {@link
 * ZoKrates} client over a stand-in worker (a Node script that answers each request with the
 * fuzzed line, the request's id put in place of {@code @ID@}). Input: one byte choosing the call
 * (0 version, 1 compile, 2 computeWitness, 3 setup, 4 generateProof, 5 verify, 6
 * exportSolidityVerifier), then the answer line. The seeds are answers the real worker gave
 * ({@link WorkerSeeds}). Every answer is used or refused with a {@link ZoKratesException}.
 */
class WorkerResponseFuzzTest {
  static final String FAKE_WORKER = """
      const fs = require('fs');
      const path = require('path');
      const rl = require('readline').createInterface({ input: process.stdin });
      rl.on('line', (l) => {
        let id = 0;
        let op = '';
        try { const r = JSON.parse(l); id = r.id; op = r.op; } catch (e) { }
        if (op === 'exit') { process.exit(0); }
        const t = fs.readFileSync(path.join(__dirname, 'response.txt'), 'utf8');
        process.stdout.write(t.split('@ID@').join(String(id)) + '\\n');
      });
      """;
  private static Path dir;
  private static ZoKrates client;

  private static synchronized ZoKrates client() {
    if (client == null) {
      try {
        dir = Files.createTempDirectory("pqzk-fake-worker");
        Files.createDirectories(dir.resolve("node_modules").resolve("zokrates-js"));
        Files.writeString(dir.resolve("worker.cjs"), FAKE_WORKER);
        client = ZoKrates.create(System.getProperty("pqzk.node", "node"),
            dir.resolve("worker.cjs"), Duration.ofSeconds(5));
        ZoKrates c = client;
        Runtime.getRuntime().addShutdownHook(new Thread(c::close));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ZoKratesException e) {
        throw new IllegalStateException(e);
      }
    }
    return client;
  }

  @FuzzTest
  @Timeout(20)
  void respond(byte[] input) throws IOException {
    if (input.length < 1) {
      return;
    }
    ZoKrates z = client();
    String line = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8)
        .replace('\n', ' ').replace('\r', ' ');
    Files.writeString(dir.resolve("response.txt"), line);
    Artifacts program = Artifacts.of(new byte[] {'Z', 'O', 'K', 0}, "{}",
        ZoKratesOptions.G16_BN128);
    try {
      switch (Byte.toUnsignedInt(input[0]) % 7) {
        case 0 -> z.version();
        case 1 -> z.compile("def main() { return; }", ZoKratesOptions.G16_BN128);
        case 2 -> z.computeWitness(program, "[\"3\", \"35\"]");
        case 3 -> z.setup(program);
        case 4 -> z.generateProof(program, new Witness(new byte[] {1}, "[]"),
            new Keypair("{}", new byte[] {2}));
        case 5 -> z.verify("{}", "{}", ZoKratesOptions.G16_BN128);
        default -> z.exportSolidityVerifier("{}", ZoKratesOptions.G16_BN128);
      }
    } catch (ZoKratesException refused) {
      if (refused.getMessage() == null) {
        throw new AssertionError("refusal without a message", refused);
      }
    } catch (ProofException other) {
      throw new AssertionError("not a ZoKratesException: " + other, other);
    }
  }
}
