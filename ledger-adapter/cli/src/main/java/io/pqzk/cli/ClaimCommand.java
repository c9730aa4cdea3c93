package io.pqzk.cli;

import io.pqzk.common.DurableFiles;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.ProofSystems;
import io.pqzk.zk.RegistryHash;
import io.pqzk.zk.UnavailableProofSystemException;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.ClaimNotSatisfiedException;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.RecordSchema;
import io.pqzk.zk.registry.Openings;
import io.pqzk.zk.registry.Registry;
import io.pqzk.zk.registry.RegistryException;
import io.pqzk.zk.registry.RegistryIntegrityException;
import io.pqzk.zk.registry.RootCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pqzk claim prove|verify}: the command-line contract of {@code docs/CLI.md}. */
@Command(
    name = "claim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Prove or verify a zero-knowledge claim about a committed record: it is a leaf "
        + "of the registry with the given root and satisfies the policy; the proof is bound to "
        + "the context.",
    subcommands = {
      ClaimCommand.Prove.class,
      ClaimCommand.Verify.class,
      ClaimSecurityCommand.class
    })
final class ClaimCommand implements Runnable {
  /** Proof files above this size are refused before reading (no system makes proofs this big). */
  static final long MAX_PROOF_BYTES = 64L << 20;

  static final String POLICY_HELP = "Predicates joined by &&, each ATTRIBUTE OP INTEGER with OP "
      + ">=, <= or ==, at most 8 of them, e.g. 'fitness>=70 && vax_date>=20260101 && "
      + "birth_year<=2008'.";
  static final String CONTEXT_HELP = "Binding context as hex (1 to 256 bytes: chain id, block "
      + "height, nonce...); a proof verifies only under the context it was made for.";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "prove",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = {
        "Prove that SUBJECT's record in the registry satisfies the policy, bound to the context; "
            + "write the proof bytes to PROOF.",
        "With --integrity --document FILE (a registry of record schema 2): prove that the record "
            + "committed for SUBJECT has FILE's SHA-256 as its document digest, and satisfies the "
            + "policy if one is given; nothing else is revealed (not even the subject: add "
            + "subject_id==S to the policy to name it).",
        "Exit 0 proof written; 1 the record does not satisfy the policy (the failing predicate "
            + "is named), its document is not FILE, or the registry fails its integrity checks; "
            + "2 bad input."
      })
  static final class Prove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Statement in;

    @Option(names = "--registry", paramLabel = "DIR",
        description = "Registry directory (needs its private openings file); with --subject.")
    Path registry;

    @Option(names = "--subject", paramLabel = "ID",
        description = "subject_id of the record to prove about; with --registry.")
    Long subject;

    @Option(names = "--opening", paramLabel = "FILE",
        description = "Instead of --registry and --subject: a record's opening as its custodian"
            + " exports it (`pqzk records opening`), with the record's path to the root of its"
            + " chain's registry at the height it names.")
    Path opening;

    @Option(names = "--out", required = true, paramLabel = "PROOF",
        description = "File to write the proof to (replaced if present).")
    Path out;

    @Mixin Integrity integrity;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Systems.announce(in.system.id, err);
      Policy pol = in.policy(integrity.on);
      ClaimContext ctx = Systems.context(in.context);
      DocumentDigest doc = integrity.digest();
      RegistryHash hash = Systems.hash(in.system.id);
      if ((opening == null) == (registry == null || subject == null)) {
        throw CliException.badInput("give either --opening FILE, or --registry DIR with"
            + " --subject ID");
      }
      Openings openings = null;
      try {
        ClaimWitness witness;
        byte[] root;
        if (opening != null) {
          io.pqzk.records.custodian.Openings.Opened o = exported(opening, in.system.id);
          witness = new ClaimWitness(o.record(), o.path());
          root = o.root();
          err.println("pqzk: proving against the " + in.system.id + " registry root of block "
              + o.rootHeight() + " of chain " + o.chainId() + " (from " + opening + ")");
        } else {
          Registry reg = Registry.load(registry, in.system.id, hash, RootCache.user());
          if (doc != null && !reg.schema().hasDocument()) {
            throw CliException.badInput("--integrity: " + registry + " is a registry of "
                + reg.schema() + ", which commits no document digests (build it from a records"
                + " file with a document_sha256 column)");
          }
          openings = Openings.loadUnchecked(registry, reg);
          witness = openings.witness(subject);
          root = reg.root();
        }
        io.pqzk.zk.claims.RecordSchema schema = witness.record().schema();
        if (doc != null && !schema.hasDocument()) {
          throw CliException.badInput("--integrity: the opening's record is of " + schema
              + ", which commits no document digest");
        }
        if (doc != null && !witness.record().document().orElseThrow().equals(doc)) {
          throw CliException.rejected("the subject's committed document is not "
              + integrity.document + " (its SHA-256 differs); no proof was made");
        }
        Predicate failing = pol.firstFailing(witness.record());
        if (failing != null) {
          throw CliException.rejected("subject " + witness.record().get(
              io.pqzk.zk.claims.Attribute.SUBJECT_ID)
              + "'s record does not satisfy the policy: predicate '" + failing
              + "' is false; no proof was made");
        }
        ProofSystem ps = Systems.system(in.system.id);
        ClaimStatement st = doc != null ? ClaimStatement.integrity(root, pol, ctx, doc)
            : new ClaimStatement(root, pol, ctx, schema);
        long t0 = System.nanoTime();
        byte[] proof = ps.prove(st, witness);
        double ms = (System.nanoTime() - t0) / 1e6;
        writeAtomically(out, proof);
        spec.commandLine().getOut().printf(Locale.ROOT,
            "proof written: %s (%d bytes, system %s, proved in %.1f ms)%n", out, proof.length,
            in.system.id, ms);
        return Main.OK;
      } catch (ClaimNotSatisfiedException e) {
        throw CliException.rejected("claim not satisfied: " + e.getMessage());
      } catch (RegistryException e) {
        throw Systems.registryError(e);
      } catch (ProofException e) {
        throw CliException.badInput("proving failed: " + e.getMessage());
      } finally {
        if (openings != null) {
          openings.destroy();
        }
      }
    }
  }

  /** Reads and checks an exported opening (its commitment and its path to the root it names). */
  static io.pqzk.records.custodian.Openings.Opened exported(Path file, String system) {
    byte[] bytes = CliFiles.read("--opening", file);
    try {
      return io.pqzk.records.custodian.Openings.read(new String(bytes,
          java.nio.charset.StandardCharsets.UTF_8), system);
    } catch (io.pqzk.records.InvalidRecordInputException e) {
      throw CliException.badInput("--opening " + file + ": " + e.getMessage());
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = {
        "Verify a claim proof against a registry root, policy and context; prints the security "
            + "level (conjectured and proven bits: classical figures, then the post-quantum "
            + "estimate) and the time taken.",
        "With --integrity --document FILE: the proof must show that the record committed under "
            + "the root has FILE's SHA-256 as its document digest (and satisfies the policy, if "
            + "one is given). For other claims about a registry of record schema 2, give "
            + "--schema 2.",
        "Exit 0 accepted; 1 rejected; 2 malformed proof or bad input."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Statement in;

    @Option(names = "--root", required = true, paramLabel = "HEX",
        description = "Registry root as hex (as printed by `registry build|root`).")
    String root;

    @Option(names = "--proof", required = true, paramLabel = "PROOF",
        description = "Proof file written by `claim prove`.")
    Path proofFile;

    @Mixin Integrity integrity;

    @Option(names = "--schema", paramLabel = "N", description = "Record schema of the registry "
        + "the root is of: 1 (default) or 2 (records with document digests; implied by "
        + "--integrity).")
    String schema;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Systems.announce(in.system.id, err);
      Policy pol = in.policy(integrity.on);
      ClaimContext ctx = Systems.context(in.context);
      RecordSchema sch = schema(integrity.on);
      DocumentDigest doc = integrity.digest();
      ProofSystem ps = Systems.system(in.system.id);
      byte[] rootBytes = Systems.root(root, ps.registryHash());
      byte[] proof = readProof(proofFile);
      ClaimStatement st = doc != null ? ClaimStatement.integrity(rootBytes, pol, ctx, doc)
          : new ClaimStatement(rootBytes, pol, ctx, sch);
      long t0 = System.nanoTime();
      try {
        ProofSystem.Verification v = ps.verify(st, proof);
        double ms = (System.nanoTime() - t0) / 1e6;
        spec.commandLine().getOut().printf(Locale.ROOT,
            "accepted: system %s, security %s bits conjectured / %s bits proven, verified in "
                + "%.2f ms%s%n", v.system(), bits(v.conjecturedBits()), bits(v.provenBits()), ms,
            v.detail() == null || v.detail().isBlank() ? "" : " (" + v.detail() + ")");
        spec.commandLine().getOut().println(postQuantumLine(v));
        return Main.OK;
      } catch (MalformedProofException e) {
        throw CliException.badInput("malformed proof: " + e.getMessage());
      } catch (ProofRejectedException e) {
        throw CliException.rejected(String.format(Locale.ROOT, "rejected: %s (after %.2f ms)",
            e.getMessage(), (System.nanoTime() - t0) / 1e6));
      } catch (ProofException e) {
        throw CliException.rejected("rejected: " + e.getMessage());
      }
    }

    private RecordSchema schema(boolean integrityClaim) {
      if (schema == null) {
        return integrityClaim ? RecordSchema.V2 : RecordSchema.V1;
      }
      RecordSchema s;
      try {
        s = RecordSchema.parse(schema);
      } catch (IllegalArgumentException e) {
        throw CliException.badInput("--schema: " + e.getMessage());
      }
      if (integrityClaim && !s.hasDocument()) {
        throw CliException.badInput("--integrity needs a registry of record schema 2, not "
            + s);
      }
      return s;
    }

    /** Says what the bits above are, and what is claimed against a quantum adversary. */
    static String postQuantumLine(ProofSystem.Verification v) {
      if (v.postQuantumConjecturedBits() == 0 && v.postQuantumProvenBits() == 0) {
        return "security: those bits are classical only; against a quantum adversary: none"
            + " claimed (" + v.system() + " is not post-quantum)";
      }
      return "security: those bits are classical (random-oracle model); post-quantum estimate "
          + bits(v.postQuantumConjecturedBits()) + " bits conjectured / "
          + bits(v.postQuantumProvenBits()) + " bits proven (see `pqzk claim security` for the"
          + " basis)";
    }

    private static String bits(double b) {
      return b == Math.rint(b) ? Long.toString((long) b) : String.format(Locale.ROOT, "%.1f", b);
    }
  }

  /** {@code --integrity --document FILE}: an integrity claim about the document FILE. */
  static final class Integrity {
    @Option(names = "--integrity", description = "An integrity claim: the record committed "
        + "under the root has the document given by --document (registry of record schema 2);"
        + " --policy becomes optional.")
    boolean on;

    @Option(names = "--document", paramLabel = "FILE", description = "With --integrity: the "
        + "document whose SHA-256 (of its exact bytes) the record must have committed.")
    Path document;

    /** FILE's digest, or null without --integrity. */
    DocumentDigest digest() {
      if (on != (document != null)) {
        throw CliException.badInput(on ? "--integrity needs --document FILE"
            : "--document needs --integrity");
      }
      if (!on) {
        return null;
      }
      try {
        return DocumentDigest.ofFile(document);
      } catch (NoSuchFileException e) {
        throw CliException.badInput("--document: " + document + ": no such file");
      } catch (IOException e) {
        throw CliException.badInput("--document: " + document + ": cannot read: "
            + e.getMessage());
      }
    }
  }

  static byte[] readProof(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_PROOF_BYTES) {
        throw CliException.badInput(file + ": " + size + " bytes, larger than any proof ("
            + MAX_PROOF_BYTES + " bytes max)");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return in.readNBytes((int) MAX_PROOF_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw CliException.badInput(file + ": no such file");
    } catch (IOException e) {
      throw CliException.badInput(file + ": cannot read: " + e.getMessage());
    }
  }

  static void writeAtomically(Path file, byte[] bytes) {
    try {
      // a proof is public: readable like any file the user writes
      DurableFiles.write(file, bytes, DurableFiles.Access.PUBLIC, DurableFiles.Existing.REPLACE);
    } catch (IOException e) {
      throw CliException.badInput(file + ": cannot write: " + e.getMessage());
    }
  }


  /** The options every claim command takes: the proof system, the policy and the context. */
  static final class Statement {
    @Mixin Options.ProofSystem system;

    @Option(names = "--policy", paramLabel = "EXPR", description = POLICY_HELP
        + " Required, except for an integrity claim.")
    String policy;

    @Option(names = "--context", required = true, paramLabel = "HEX", description = CONTEXT_HELP)
    String context;

    /** The policy; {@link Policy#none()} only for an integrity claim given none. */
    Policy policy(boolean integrityClaim) {
      if (policy == null) {
        if (integrityClaim) {
          return Policy.none();
        }
        throw CliException.badInput("Missing required option: '--policy=EXPR'");
      }
      return Systems.policy(policy);
    }
  }

  /** Shared by the registry and claim commands: system choice, input parsing, error mapping. */
  static final class Systems {
    static final String HELP = "Proof system: stark (default; post-quantum, transparent) or "
        + "zokrates-groth16 (not post-quantum, trusted setup; proving needs Node and zokrates-js).";

    private Systems() {}

    /** Says, once per command, what choosing a system that is not post-quantum means. */
    static void announce(String id, PrintWriter err) {
      if (!ProofSystems.postQuantum(id) && ProofSystems.ids().contains(id)) {
        err.println("pqzk: note: " + id + " is NOT post-quantum sound (its security rests"
            + " on elliptic-curve pairings)"
            + (ProofSystems.hasTrustedSetup(id) ? " and needs a trusted setup" : "")
            + "; use --system " + ProofSystems.DEFAULT + " for post-quantum claims.");
        err.flush();
      }
    }

    static RegistryHash hash(String id) {
      try {
        return ProofSystems.registryHash(id);
      } catch (UnavailableProofSystemException e) {
        throw CliException.badInput(e.getMessage());
      }
    }

    static ProofSystem system(String id) {
      try {
        return ProofSystems.get(id);
      } catch (UnavailableProofSystemException e) {
        throw CliException.badInput(e.getMessage());
      }
    }

    static Policy policy(String expr) {
      try {
        return Policy.parse(expr);
      } catch (IllegalArgumentException e) {
        throw CliException.badInput("--policy: " + e.getMessage());
      }
    }

    static ClaimContext context(String hex) {
      try {
        return ClaimContext.ofHex(hex);
      } catch (IllegalArgumentException e) {
        throw CliException.badInput("--context: " + e.getMessage());
      }
    }

    static byte[] root(String hex, RegistryHash hash) {
      String h = hex.trim();
      if (h.startsWith("0x") || h.startsWith("0X")) {
        h = h.substring(2);
      }
      byte[] b;
      try {
        b = HexFormat.of().parseHex(h);
      } catch (IllegalArgumentException e) {
        throw CliException.badInput("--root: not valid hex: " + e.getMessage());
      }
      if (b.length != hash.digestLength()) {
        throw CliException.badInput("--root: " + b.length + " bytes, a root of this system is "
            + hash.digestLength());
      }
      return b;
    }

    /** Stored data failing its own checks is a verification failure; the rest is bad input. */
    static CliException registryError(RegistryException e) {
      return e instanceof RegistryIntegrityException
          ? new CliException(Main.VERIFICATION_FAILED, e.getMessage(), e)
          : new CliException(Main.BAD_INPUT, e.getMessage(), e);
    }
  }
}
