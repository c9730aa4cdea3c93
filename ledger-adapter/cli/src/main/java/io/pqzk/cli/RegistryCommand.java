package io.pqzk.cli;

import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.registry.Openings;
import io.pqzk.zk.registry.RecordsCsv;
import io.pqzk.zk.registry.Registry;
import io.pqzk.zk.registry.RegistryException;
import io.pqzk.zk.registry.RootCache;
import io.pqzk.zk.registry.SparseMerkleTree;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pqzk registry build|root}: the command-line contract of {@code docs/CLI.md}. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Commit a CSV of records into a record registry (a depth-"
        + SparseMerkleTree.DEPTH + " Merkle tree per proof system) and print its root.",
    subcommands = {RegistryCommand.Build.class, RegistryCommand.Root.class})
final class RegistryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = {
        "Salt every record (fresh SecureRandom salt), commit it with the system's hash and "
            + "write DIR/" + Registry.REGISTRY_FILE + " (public: commitments, root) and DIR/"
            + Openings.FILE + " (private: records and salts, mode 0600; keep it secret).",
        "Prints the root as hex on standard output.",
        "CSV: header subject_id,birth_year,blood_group,fitness,vax_date,clearance,issuer, then "
            + "one record a row; every value an integer in [0, 2^32); subject ids unique.",
        "An optional column document_sha256 (64 hex digits: the SHA-256 of each record's full "
            + "document) makes a registry of record schema 2, whose records can be proven "
            + "against their documents (`claim prove --integrity`)."
      })
  static final class Build implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Options.ProofSystem system;

    @Option(names = "--records", required = true, paramLabel = "FILE.csv",
        description = "Records CSV.")
    Path records;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Directory to write the registry into (created if needed).")
    Path out;

    @Option(names = "--force",
        description = "Replace a registry already in DIR (its openings are lost).")
    boolean force;

    @Override
    public Integer call() {
      ClaimCommand.Systems.announce(system.id, spec.commandLine().getErr());
      RegistryHash hash = ClaimCommand.Systems.hash(system.id);
      try {
        RecordsCsv.Table table = RecordsCsv.readTable(records);
        long t0 = System.nanoTime();
        Registry r = Registry.create(out, system.id, hash, table, new SecureRandom(), force,
            progress(spec.commandLine().getErr(), t0));
        table.rows().forEach(row -> java.util.Arrays.fill(row, 0));
        spec.commandLine().getErr().printf(
            "pqzk: committed %d record(s) into %s (system %s, depth %d, record schema %s) in %.1f"
                + " s; %s is secret%n", r.size(), out, system.id, r.depth(), r.schema(),
            (System.nanoTime() - t0) / 1e9, out.resolve(Openings.FILE));
        spec.commandLine().getOut().println(r.rootHex());
        return Main.OK;
      } catch (RegistryException e) {
        throw ClaimCommand.Systems.registryError(e);
      }
    }
  }

  /** Progress on stderr, at most one line every two seconds (quiet for small registries). */
  static Registry.Progress progress(java.io.PrintWriter err, long start) {
    long[] last = {start};
    return (phase, done, total) -> {
      long now = System.nanoTime();
      if (now - last[0] >= 2_000_000_000L) {
        last[0] = now;
        err.printf("pqzk: %s%s (%.0f s)%n", phase,
            total > 1 ? String.format(" %d/%d", done, total) : "", (now - start) / 1e9);
        err.flush();
      }
    };
  }

  @Command(
      name = "root",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Load DIR/" + Registry.REGISTRY_FILE + ", recompute the root from its "
          + "commitments (exit 1 if it differs from the stored root) and print it as hex. The "
          + "exact file checked before is found in a per-user cache of checked roots "
          + "(~/.cache/pqzk/registry-roots, or $PQZK_REGISTRY_CACHE; 'off' disables it) and "
          + "not recomputed; any change to the file is recomputed and checked.")
  static final class Root implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Options.ProofSystem system;

    @Option(names = "--registry", required = true, paramLabel = "DIR",
        description = "Registry directory written by `registry build`.")
    Path registry;

    @Override
    public Integer call() {
      ClaimCommand.Systems.announce(system.id, spec.commandLine().getErr());
      RegistryHash hash = ClaimCommand.Systems.hash(system.id);
      try {
        spec.commandLine().getOut().println(
            Registry.load(registry, system.id, hash, RootCache.user()).rootHex());
        return Main.OK;
      } catch (RegistryException e) {
        throw ClaimCommand.Systems.registryError(e);
      }
    }
  }
}
