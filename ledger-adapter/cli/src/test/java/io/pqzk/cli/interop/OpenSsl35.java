package io.pqzk.cli.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * OpenSSL 3.5, the independent peer of the interoperability tests, obtained through
 * {@code scripts/openssl35.sh} (Debian trixie packages unpacked into {@code .build/openssl35},
 * run under their own loader). When it cannot be had, the tests fail if the environment variable
 * {@code CI} is set and are otherwise skipped with the reason printed, never silently.
 */
final class OpenSsl35 {
  private static Path wrapper;
  private static String unavailable;
  private static boolean skipReported;

  private OpenSsl35() {}

  /** The openssl wrapper, fetching it on first use; fails or skips the calling test without it. */
  static synchronized Path require() {
    if (wrapper == null && unavailable == null) {
      locate();
    }
    if (wrapper != null) {
      return wrapper;
    }
    String ci = System.getenv("CI");
    if (ci != null && !ci.isEmpty()) {
      fail("OpenSSL 3.5 is required when CI is set, and " + unavailable);
    }
    if (!skipReported) {
      skipReported = true;
      System.err.println("[interop] SKIPPED: " + unavailable + " (set CI=1 to make this a failure)");
    }
    Assumptions.abort("OpenSSL 3.5 unavailable: " + unavailable);
    throw new AssertionError("unreachable");
  }

  private static void locate() {
    Path script = findScript();
    if (script == null) {
      unavailable = "scripts/openssl35.sh was not found above " + Path.of("").toAbsolutePath();
      return;
    }
    try {
      Process p = new ProcessBuilder("bash", script.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        unavailable = script + " did not finish within 10 minutes";
      } else if (p.exitValue() != 0 || out.isEmpty()) {
        unavailable = script + " could not fetch it (exit " + p.exitValue()
            + "; no network to deb.debian.org, or no apt-get/dpkg?)";
      } else {
        wrapper = Path.of(out);
        System.err.println("[interop] using " + run(List.of("version")).stdoutText().strip());
      }
    } catch (IOException e) {
      unavailable = "running " + script + " failed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable = "interrupted while fetching OpenSSL 3.5";
    }
  }

  private static Path findScript() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path s = d.resolve("scripts/openssl35.sh");
      if (Files.isRegularFile(s)) {
        return s;
      }
    }
    return null;
  }

  /** The result of one openssl run. */
  record Result(int exit, byte[] stdout, String stderr) {
    String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code openssl ARGS} and returns its exit code and output. */
  static Result run(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(wrapper.toString());
    cmd.addAll(args);
    try {
      Path err = Files.createTempFile("openssl-err", ".txt");
      try {
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          fail("openssl " + args + " did not finish within 5 minutes");
        }
        return new Result(p.exitValue(), out, Files.readString(err));
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run openssl " + args + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running openssl " + args, e);
    }
  }

  /** Runs {@code openssl ARGS} and fails the test unless it exits 0. */
  static Result ok(String... args) {
    Result r = run(List.of(args));
    if (r.exit() != 0) {
      fail("openssl " + String.join(" ", args) + " exited " + r.exit() + ": "
          + r.stderr().strip());
    }
    return r;
  }
}
