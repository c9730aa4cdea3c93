package io.pqzk.records.custodian;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A custodian running as a process of its own ({@code io.pqzk.records.service.CustodianNode}, what
 * {@code pqzk records serve} runs) on a fixture's data directory: started, waited for until it
 * prints the port it listens on (its standard output is read, nobody sleeps), its standard error
 * kept in a log file, and stopped with SIGKILL or SIGTERM.
 */
final class CustodianProcess implements Closeable {
  final Process process;
  final int port;
  final Path log;
  private final BufferedReader out;

  private CustodianProcess(Process process, int port, Path log, BufferedReader out) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.out = out;
  }

  static CustodianProcess start(Path data, Path passphraseFile, Path log, String main,
      String... extra) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        main, data.toString(), passphraseFile.toString(), "127.0.0.1", "0"));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("listening on ")) {
      p.destroyForcibly();
      throw new IOException("the custodian process did not start: " + line + "; see " + log);
    }
    int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    return new CustodianProcess(p, port, log, out);
  }

  /** The next line the process prints on standard output (blocks until it does). */
  String nextLine() throws IOException {
    return out.readLine();
  }

  void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
