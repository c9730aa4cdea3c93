package io.pqzk.chains.evm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local Ethereum development node (ganache, from {@code evm/node_modules}) for one test class:
 * run as {@code node .../ganache/dist/node/cli.js} so the process we hold is the node itself,
 * bound to 127.0.0.1 on a free port, funding one account whose key the test made. Ready when it
 * says it listens and then answers {@code eth_chainId}, both waited for with a deadline; stopped
 * by destroying that process.
 */
final class DevNode implements AutoCloseable {
  static final Path EVM_DIR = Path.of("evm");
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final List<String> output = new ArrayList<>();
  final String url;

  private DevNode(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Installs the pinned npm packages from the lockfile when they are missing. */
  static void ensureInstalled() throws IOException, InterruptedException {
    if (Files.isDirectory(EVM_DIR.resolve("node_modules/ganache"))
        && Files.isDirectory(EVM_DIR.resolve("node_modules/solc"))) {
      return;
    }
    Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
        .directory(EVM_DIR.toFile()).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("npm ci failed in " + EVM_DIR.toAbsolutePath());
    }
  }

  static DevNode start(String privateKeyHex) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path cli = EVM_DIR.resolve("node_modules/ganache/dist/node/cli.js").toAbsolutePath();
    Process p = new ProcessBuilder(System.getProperty("pqzk.node", "node"), cli.toString(),
        "--server.host", "127.0.0.1", "--server.port", Integer.toString(port),
        "--chain.chainId", "1337", "--chain.hardfork", "shanghai",
        "--miner.blockGasLimit", "30000000",
        "--wallet.accounts", privateKeyHex + ",0x3635C9ADC5DEA00000")
        .redirectErrorStream(true).start();
    DevNode node = new DevNode(p, "http://127.0.0.1:" + port);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output closed: " + e.getMessage() + ")");
      }
      lines.add("\u0000EOF");
    }, "ganache-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null || line.equals("\u0000EOF")) {
          throw new IllegalStateException("ganache did not start within " + START_TIMEOUT
              + ": " + node.output);
        }
        synchronized (node.output) {
          node.output.add(line);
        }
        if (line.contains("Listening on 127.0.0.1:" + port)) {
          break;
        }
      }
      node.drain(lines);
      return node;
    } catch (RuntimeException | InterruptedException e) {
      node.close();
      throw e;
    }
  }

  /** Keeps reading the node's output so it never blocks on a full pipe. */
  private void drain(BlockingQueue<String> lines) {
    Thread t = new Thread(() -> {
      try {
        for (String l; !(l = lines.take()).equals("\u0000EOF"); ) {
          synchronized (output) {
            if (output.size() < 2000) {
              output.add(l);
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ganache-drain");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Compiles Solidity files with the pinned solc into {@code out} (one JSON per contract). */
  static void compile(Path out, Path... sources) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(System.getProperty("pqzk.node", "node"),
        EVM_DIR.resolve("compile.mjs").toAbsolutePath().toString(), out.toAbsolutePath()
            .toString(), "shanghai"));
    for (Path s : sources) {
      cmd.add(s.toAbsolutePath().toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("solc failed: " + log);
    }
  }
}
