package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as {@code ./pqzk} runs it: {@code target/pqzk.jar} with the class path its
 * manifest names in {@code target/lib/}, in a process of its own. The unit tests run the commands
 * on Maven's test class path, which holds every test dependency too; a library the jar needs at
 * run time but whose scope a pom narrowed to {@code test} is missing only here (Gson was: {@code
 * ./pqzk demo} ended with {@code NoClassDefFoundError: com/google/gson/JsonElement} while every
 * unit test passed). Run by Failsafe after {@code package}.
 */
class PackagedJarIT {
  private static final Path JAR = Path.of(System.getProperty("pqzk.jar", "target/pqzk.jar"));

  record Run(int exit, String out) {}

  private static Run pqzk(Path work, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Dpqzk.home=" + Path.of("../..").toAbsolutePath().normalize());
    cmd.add("-jar");
    cmd.add(JAR.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    Path log = work.resolve("out-" + args[0] + "-" + System.nanoTime() + ".txt");
    Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("pqzk " + String.join(" ", args) + " did not end in 10 minutes");
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void demo_thenChainVerify_fromThePackagedJar(@TempDir Path work) throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase");
    Run demo = pqzk(work, "demo", "--data", "d", "--records", "12", "--groth16", "off");
    assertEquals(0, demo.exit(), demo.out());
    assertFalse(demo.out().contains("Exception") || demo.out().contains("Error:"), demo.out());
    assertTrue(demo.out().contains("independent validation"), demo.out());
    Run verify = pqzk(work, "chain", "verify", "--data", "d");
    assertEquals(0, verify.exit(), verify.out());
    assertTrue(verify.out().contains("finalized head"), verify.out());
  }

  @Test
  void everyCommandsHelp_loadsItsClasses(@TempDir Path work) throws Exception {
    Run help = pqzk(work, "--help");
    assertEquals(0, help.exit(), help.out());
    for (String command : new String[] {"records", "fhir", "node", "adapter", "attest", "claim",
        "vectors", "chain"}) {
      Run r = pqzk(work, command, "--help");
      assertEquals(0, r.exit(), command + ": " + r.out());
      assertFalse(r.out().contains("NoClassDefFoundError"), command + ": " + r.out());
    }
  }
}
