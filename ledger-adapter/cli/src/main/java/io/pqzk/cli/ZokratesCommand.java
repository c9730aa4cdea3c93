package io.pqzk.cli;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.groth16.Groth16Proof;
import io.pqzk.zk.groth16.Groth16Verifier;
import io.pqzk.zk.groth16.Groth16VerifyingKey;
import io.pqzk.zk.groth16.InputTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pqzk zokrates ...}: ZoKrates artifacts from Java. */
@Command(
    name = "zokrates",
    mixinStandardHelpOptions = true,
    description = {
      "ZoKrates (Groth16) operations from Java.",
      "Groth16 is NOT post-quantum sound and needs a trusted setup."
    },
    subcommands = {
      ZokratesCommand.Verify.class,
      ZokratesWorkerCommands.Compile.class,
      ZokratesWorkerCommands.Setup.class,
      ZokratesWorkerCommands.Prove.class,
      ZokratesWorkerCommands.ExportVerifier.class
    })
final class ZokratesCommand implements Runnable {
  static final String WARNING =
      "note: Groth16 is not post-quantum sound (pairings fall to a quantum computer) and its "
          + "soundness rests on a trusted setup.";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code pqzk zokrates verify --vk verification.key.json --proof proof.json}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verify a ZoKrates Groth16 proof.json against its verification.key.json in pure Java "
            + "(no Node), curves bn128 and bls12_381.",
        "Reads both files strictly (at most 16 KiB for the proof and 64 KiB for the key; "
            + "ZoKrates' members, order and layout only; exact-width lowercase hex), then checks "
            + "curve and subgroup membership of every point, public inputs below r and their "
            + "number, then one product of four pairings.",
        "Exit codes: 0 accepted, 1 rejected, 2 malformed or unreadable input."
      })
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--vk", required = true, paramLabel = "FILE", description = "The verification key: verification.key.json in ZoKrates' format.")
    Path vk;

    @Option(names = "--proof", required = true, paramLabel = "FILE", description = "The proof: proof.json in ZoKrates' format.")
    Path proof;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      err.println(WARNING);
      err.flush();
      byte[] vkJson;
      byte[] proofJson;
      try {
        vkJson = read(vk, "verification key", Groth16VerifyingKey.MAX_JSON_BYTES);
        proofJson = read(proof, "proof", Groth16Proof.MAX_JSON_BYTES);
      } catch (InputTooLargeException e) {
        throw CliException.badInput("malformed: " + e.getMessage());
      }
      long t0 = System.nanoTime();
      try {
        Groth16VerifyingKey key = Groth16VerifyingKey.fromJson(vkJson);
        Groth16Proof p = Groth16Proof.fromJson(proofJson);
        Groth16Verifier.verify(key, p);
        double ms = (System.nanoTime() - t0) / 1e6;
        out.printf(
            "accepted: Groth16 proof on %s with %d public inputs (%.1f ms, parsing included)%n",
            key.curve().id(), p.inputs().size(), ms);
        out.flush();
        return Main.OK;
      } catch (ProofRejectedException e) {
        throw CliException.rejected("rejected: " + e.getMessage());
      } catch (MalformedProofException e) {
        throw CliException.badInput("malformed: " + e.getMessage());
      } catch (io.pqzk.zk.ProofException e) {
        throw CliException.badInput(e.getMessage());
      }
    }

    /** At most {@code cap} + 1 bytes: a file over the cap is refused without reading it whole. */
    private static byte[] read(Path file, String what, int cap) throws InputTooLargeException {
      byte[] b;
      long size;
      try (InputStream in = Files.newInputStream(file)) {
        b = in.readNBytes(cap + 1);
        size = b.length > cap && Files.isRegularFile(file) ? Files.size(file) : b.length;
      } catch (IOException | RuntimeException e) {
        throw CliException.badInput("cannot read " + what + " " + file + ": " + e.getMessage());
      }
      if (b.length > cap) {
        throw new InputTooLargeException(what, Math.max(size, b.length), cap);
      }
      return b;
    }
  }
}
