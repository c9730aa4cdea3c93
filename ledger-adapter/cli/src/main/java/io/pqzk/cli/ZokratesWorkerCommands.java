package io.pqzk.cli;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.zokrates.Artifacts;
import io.pqzk.zk.zokrates.Keypair;
import io.pqzk.zk.zokrates.Witness;
import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesException;
import io.pqzk.zk.zokrates.ZoKratesOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pqzk zokrates compile|setup|prove|export-verifier}: ZoKrates operations through the
 * zokrates-js worker (Node, {@code zk-proofs/groth16/node}, installed with {@code npm ci}). Files are
 * ZoKrates' own formats ({@code out}, {@code abi.json}, {@code proving.key},
 * {@code verification.key.json}, {@code proof.json}), interchangeable with the ZoKrates CLI.
 */
final class ZokratesWorkerCommands {
  private ZokratesWorkerCommands() {}

  /** Options shared by the worker commands. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--curve", defaultValue = "bn128", description = "Curve: bn128 (default), bls12_381, bls12_377 or bw6_761.")
    String curve;

    @Option(names = "--scheme", defaultValue = "g16", description = "Proof scheme: g16 (default), gm17 or marlin.")
    String scheme;

    @Option(names = "--backend", defaultValue = "ark", description = "ZoKrates backend: ark (default) or bellman.")
    String backend;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS", description = "Timeout of each operation in seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    ZoKratesOptions options() {
      try {
        return new ZoKratesOptions(backend, curve, scheme);
      } catch (IllegalArgumentException e) {
        throw CliException.badInput(e.getMessage());
      }
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    abstract void run(ZoKrates zok) throws ProofException, IOException;

    @Override
    public Integer call() {
      spec.commandLine().getErr().println(ZokratesCommand.WARNING);
      try (ZoKrates zok = ZoKrates.create(Duration.ofSeconds(timeoutSeconds))) {
        run(zok);
        out().flush();
        return Main.OK;
      } catch (ZoKratesException.Compile e) {
        throw CliException.badInput("compile error: " + oneLine(e.getMessage()));
      } catch (ZoKratesException.Witness e) {
        throw CliException.rejected("the arguments do not satisfy the program: " + oneLine(e.getMessage()));
      } catch (ProofException e) {
        throw CliException.badInput("zokrates: " + oneLine(e.getMessage()));
      } catch (IOException e) {
        throw CliException.badInput("I/O error: " + e.getMessage());
      }
    }
  }

  static String oneLine(String s) {
    StringBuilder b = new StringBuilder();
    for (String l : s.split("\n")) {
      String t = l.strip();
      if (!t.isEmpty() && !t.equals("|") && !t.matches("\\|\\s*\\^-*")) {
        b.append(b.length() == 0 ? "" : " ").append(t);
      }
    }
    return b.toString();
  }

  static String readText(Path p, String what) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw CliException.badInput("cannot read " + what + " " + p + ": " + e.getMessage());
    }
  }

  static byte[] readBytes(Path p, String what) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException | RuntimeException e) {
      throw CliException.badInput("cannot read " + what + " " + p + ": " + e.getMessage());
    }
  }

  /** Writes an output durably, replacing an earlier one (the folder is created if needed). */
  static void put(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    java.nio.file.Files.createDirectories(dir);
    CliFiles.write("--out", file, bytes, CliFiles.PUBLIC, true);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Command(name = "compile", mixinStandardHelpOptions = true,
      description = "Compile a .zok program (standard-library imports resolve); writes DIR/out and DIR/abi.json.")
  static final class Compile extends Base {
    @Option(names = "--input", required = true, paramLabel = "FILE.zok",
        description = "The ZoKrates program to compile.") Path input;
    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Folder for the compiled program (out) and its ABI (abi.json).") Path outDir;

    @Override
    void run(ZoKrates zok) throws ProofException, IOException {
      Artifacts a = zok.compile(readText(input, "program"), input.getFileName().toString(), options());
      put(outDir.resolve("out"), a.program());
      put(outDir.resolve("abi.json"), utf8(a.abiJson()));
      out().printf("compiled %s: %d constraints -> %s%n", input, a.constraintCount(), outDir.resolve("out"));
    }
  }

  @Command(name = "setup", mixinStandardHelpOptions = true,
      description = {"Trusted setup for a compiled program; writes DIR/proving.key and DIR/verification.key.json.",
          "Whoever sees this setup's randomness can forge proofs: for production use an MPC ceremony."})
  static final class Setup extends Base {
    @Option(names = "--program", required = true, paramLabel = "FILE",
        description = "The compiled program (the out file of zokrates compile).") Path program;
    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Folder for proving.key and verification.key.json.") Path outDir;

    @Override
    void run(ZoKrates zok) throws ProofException, IOException {
      Keypair k = zok.setup(Artifacts.of(readBytes(program, "program"), "{}", options()));
      put(outDir.resolve("proving.key"), k.provingKey());
      put(outDir.resolve("verification.key.json"), utf8(k.verificationKeyJson()));
      out().printf("setup done -> %s, %s%n", outDir.resolve("proving.key"), outDir.resolve("verification.key.json"));
    }
  }

  @Command(name = "prove", mixinStandardHelpOptions = true,
      description = "Compute the witness from ARGS (a JSON array in ABI order) and write proof.json.")
  static final class Prove extends Base {
    @Option(names = "--program", required = true, paramLabel = "FILE",
        description = "The compiled program (the out file of zokrates compile).") Path program;
    @Option(names = "--proving-key", required = true, paramLabel = "FILE",
        description = "The proving key of the program's setup.") Path provingKey;
    @Option(names = "--args", required = true, paramLabel = "JSON",
        description = "The program's arguments as a JSON array in ABI order, e.g. '[\"3\", \"35\"]'.") String args;
    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "Where to write proof.json (replaced if present).") Path outFile;

    @Override
    void run(ZoKrates zok) throws ProofException, IOException {
      Artifacts a = Artifacts.of(readBytes(program, "program"), "{}", options());
      Witness w;
      try {
        w = zok.computeWitness(a, args);
      } catch (IllegalArgumentException e) {
        throw CliException.badInput(e.getMessage());
      }
      try {
        String proof = zok.generateProof(a, w, new Keypair("{}", readBytes(provingKey, "proving key")));
        put(outFile, utf8(proof));
      } finally {
        w.destroy();
      }
      out().printf("proof -> %s%n", outFile);
    }
  }

  @Command(name = "export-verifier", mixinStandardHelpOptions = true,
      description = "Write the Solidity verifier contract for a bn128 verification key.")
  static final class ExportVerifier extends Base {
    @Option(names = "--vk", required = true, paramLabel = "FILE",
        description = "The bn128 verification key (verification.key.json).") Path vk;
    @Option(names = "--out", required = true, paramLabel = "FILE.sol",
        description = "Where to write the Solidity contract (replaced if present).") Path outFile;

    @Override
    void run(ZoKrates zok) throws ProofException, IOException {
      put(outFile, utf8(zok.exportSolidityVerifier(readText(vk, "verification key"), options())));
      out().printf("Solidity verifier -> %s%n", outFile);
    }
  }
}
