package io.pqzk.zk.zokrates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs zokrates-js beside the worker script the first time it is needed, from the pinned
 * lockfile ({@code npm ci}: the exact versions and integrity hashes the project tested), and says
 * so on standard error. Without Node or npm it names exactly what is missing.
 */
final class NodeModules {
  private static final long INSTALL_MINUTES = 10;

  private NodeModules() {}

  static synchronized void ensureInstalled(String node, Path folder) throws ZoKratesException {
    if (Files.isDirectory(folder.resolve("node_modules").resolve("zokrates-js"))) {
      return;
    }
    if (!Files.isRegularFile(folder.resolve("package-lock.json"))) {
      throw new ZoKratesException.Worker("zokrates-js is not installed in " + folder
          + " and there is no package-lock.json to install it from");
    }
    requireOnPath(node, "Node.js 18 or later (`" + node + "`)");
    requireOnPath("npm", "npm (it comes with Node.js)");
    System.err.println("pqzk: installing zokrates-js from the lockfile (npm ci in " + folder
        + "); this happens once");
    ProcessBuilder pb = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
        .directory(folder.toFile())
        .redirectOutput(ProcessBuilder.Redirect.to(nullFile()))
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process p = pb.start();
      if (!p.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new ZoKratesException.Worker("npm ci in " + folder + " did not finish within "
            + INSTALL_MINUTES + " minutes");
      }
      if (p.exitValue() != 0) {
        throw new ZoKratesException.Worker("npm ci in " + folder + " failed (exit "
            + p.exitValue() + "; its messages are above)");
      }
    } catch (IOException e) {
      throw new ZoKratesException.Worker("cannot run npm ci in " + folder + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ZoKratesException.Worker("interrupted while installing zokrates-js", e);
    }
    if (!Files.isDirectory(folder.resolve("node_modules").resolve("zokrates-js"))) {
      throw new ZoKratesException.Worker("npm ci in " + folder + " did not install zokrates-js");
    }
  }

  private static void requireOnPath(String command, String what) throws ZoKratesException {
    try {
      Process p = new ProcessBuilder(List.of(command, "--version"))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(nullFile())).start();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // not on the PATH: reported below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ZoKratesException.Worker("zokrates-groth16 proving needs " + what
        + ", which was not found on the PATH; install it (https://nodejs.org) and retry, or use"
        + " --system stark, which needs nothing but the JDK");
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
