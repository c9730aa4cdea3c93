package io.pqzk.cli;

import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.ChainException;
import io.pqzk.chains.FabricAttestations;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.attest.AttestationException;
import io.pqzk.chains.attest.Attestations;
import io.pqzk.chains.attest.Attesters;
import io.pqzk.chains.attest.Decision;
import io.pqzk.chains.attest.QuorumDecision;
import io.pqzk.chains.proto.Attestation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pqzk attest}: post-quantum attestations of foreign blocks. */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description = {"Sign and verify post-quantum attestations of existing chains' blocks."},
    subcommands = {AttestCommand.Sign.class, AttestCommand.Verify.class})
final class AttestCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code pqzk attest sign}. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = {
        "Attest one foreign block: sign its chain, chain id, number and hash (for Fabric also"
            + " its metadata entries 0 to 4) with ML-DSA, and with SLH-DSA too when --slh-key is"
            + " given.",
        "Keys are pqzk keygen's: the private key FILE and its public key FILE.pub beside it.",
        "An encrypted key's passphrase comes from --passphrase-file, else $" + Passphrases.ENV
            + ", else a prompt on the terminal."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:attestation written", "1:the block's own commitments do not hold",
          "2:bad usage or input"})
  static final class Sign implements Callable<Integer> {
    @Option(names = "--chain", required = true, paramLabel = "CHAIN",
        description = "The adapter: fabric or ethereum.")
    String chain;

    @Option(names = "--in", required = true, paramLabel = "FILE",
        description = "The block or header file.")
    Path in;

    @Option(names = "--key", required = true, paramLabel = "K",
        description = "The attester's ML-DSA private key (its public key is K.pub).")
    Path key;

    @Option(names = "--slh-key", paramLabel = "K2",
        description = "Also sign with this SLH-DSA private key (its public key is K2.pub).")
    Path slhKey;

    @Option(names = "--chain-id", paramLabel = "ID",
        description = "The foreign chain's id: Fabric blocks name their channel (which this must"
            + " then equal); Ethereum headers name none (default 1, mainnet).")
    String chainId;

    @Option(names = "--out", required = true, paramLabel = "ATT",
        description = "Where to write the attestation (replaced if it exists).")
    Path out;

    @Mixin Options.PassphraseFile passphraseFile;

    @Override
    public Integer call() {
      ForeignBlock block = ChainFiles.block(chain, in);
      String id = chainId == null && block.chainId().isEmpty() ? "1" : chainId;
      String resolved;
      try {
        resolved = Attestations.chainIdOf(block, id);
      } catch (AttestationException e) {
        throw ChainFiles.bad(e);
      }
      var ml = AttesterKeys.read(key, true, passphraseFile.file);
      var slh = slhKey == null ? null : AttesterKeys.read(slhKey, false, passphraseFile.file);
      Attestation a;
      try {
        a = Attestations.sign(block, resolved, ml, slh);
      } finally {
        ml.destroy();
        if (slh != null) {
          slh.destroy();
        }
      }
      CliFiles.write("--out", out, Attestations.bundle(List.of(a)), CliFiles.PUBLIC, true);
      System.out.println("wrote " + out + ": " + ml.algorithm()
          + (slh == null ? "" : " + " + slh.algorithm()) + " attestation of " + chain
          + " block " + block.number() + " " + block.hashHex() + " on chain id '" + resolved
          + "' by key " + ml.publicKey().keyIdHex().substring(0, 16));
      return Main.OK;
    }
  }

  /** {@code pqzk attest verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Decide whether a foreign block is attested: at least K of the attesters in the"
            + " validators file signed exactly this block.",
        "Attestations for another block or chain, by keys outside the file, repeated, or whose"
            + " signatures fail are left out, each with the reason; the rest form one quorum"
            + " certificate.",
        "A Fabric block may carry its attestations in its metadata (index "
            + FabricAttestations.INDEX + "): without --att they are read from there."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:enough valid attestations cover exactly this block",
          "1:they do not (or the block's own commitments do not hold)",
          "2:bad usage or malformed input"})
  static final class Verify implements Callable<Integer> {
    @Option(names = "--chain", required = true, paramLabel = "CHAIN",
        description = "The adapter: fabric or ethereum.")
    String chain;

    @Option(names = "--in", required = true, paramLabel = "FILE",
        description = "The block or header file.")
    Path in;

    @Option(names = "--att", arity = "1..*", paramLabel = "ATT",
        description = "Attestation files (pqzk attest sign's output); several may follow.")
    List<Path> att = new ArrayList<>();

    @Option(names = "--validators", required = true, paramLabel = "FILE",
        description = "The attesters file (pqzk-attesters/v1 JSON, members as in a genesis"
            + " file).")
    Path validators;

    @Option(names = "--quorum", paramLabel = "K",
        description = "How many attesters must have signed (default: the file's quorum, else"
            + " floor(2n/3)+1).")
    Integer quorum;

    @Option(names = "--certificate", paramLabel = "OUT",
        description = "When attested, write the quorum certificate gathering the attestations"
            + " here.")
    Path certificate;

    @Override
    public Integer call() {
      Attesters attesters;
      try {
        attesters = Attesters.parse(CliFiles.read("--validators", validators));
      } catch (AttestationException e) {
        throw CliException.badInput(validators + ": " + e.getMessage());
      }
      ChainFiles.adapter(chain);
      if (!attesters.chain().equals(chain)) {
        throw CliException.badInput(validators + " lists attesters of " + attesters.chain()
            + ", not " + chain);
      }
      ForeignBlock block = ChainFiles.block(chain, in);
      List<Attestation> all = new ArrayList<>();
      try {
        for (Path p : att) {
          all.addAll(Attestations.parse(CliFiles.read("--att", p), p.toString()));
        }
        if (att.isEmpty()) {
          all.addAll(carried());
        }
        int k = quorum == null ? attesters.quorum() : quorum;
        Decision d = QuorumDecision.decide(block, attesters, k, all);
        for (Decision.Rejected r : d.rejected()) {
          System.out.println("left out attestation " + (r.index() + 1) + ": " + r.reason());
        }
        System.out.println(chain + " block " + block.number() + " " + block.hashHex() + ": "
            + d.summary() + (d.counted().isEmpty() ? "" : " (" + String.join(", ", d.counted())
                + ")"));
        if (!d.attested()) {
          return Main.VERIFICATION_FAILED;
        }
        if (certificate != null) {
          CliFiles.write("--certificate", certificate, d.certificate().orElseThrow()
              .toByteArray(), CliFiles.PUBLIC, true);
        }
        return Main.OK;
      } catch (AttestationException e) {
        throw ChainFiles.bad(e);
      }
    }

    private List<Attestation> carried() throws AttestationException {
      if (!ChainAdapters.FABRIC.equals(chain)) {
        throw CliException.badInput("give the attestations with --att (only Fabric blocks"
            + " carry their own)");
      }
      Optional<byte[]> bundle;
      try {
        bundle = FabricAttestations.read(CliFiles.read("--in", in));
      } catch (ChainException e) {
        throw CliException.badInput(in + ": " + e.getMessage());
      }
      if (bundle.isEmpty()) {
        throw CliException.badInput(in + " carries no attestations at metadata index "
            + FabricAttestations.INDEX + "; give them with --att");
      }
      return Attestations.parse(bundle.get(), in + " metadata " + FabricAttestations.INDEX);
    }
  }
}
