package io.pqzk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options several commands share, as picocli mixins ({@code @Mixin Options.DataDir data;}), so
 * that each is spelled, defaulted and described once.
 */
final class Options {
  private Options() {}

  /** {@code --data DIR}: a ledger data directory. */
  static final class DataDir {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "pqzk-data",
        description = "Ledger data directory, holding genesis.json and blocks/ (default:"
            + " ${DEFAULT-VALUE}).")
    Path dir;
  }

  /** {@code --system SYS}: a proof system id. */
  static final class ProofSystem {
    @Option(names = "--system", defaultValue = "stark", paramLabel = "SYS",
        description = ClaimCommand.Systems.HELP)
    String id;
  }

  /** {@code --passphrase-file FILE}: where an unattended run reads a key's passphrase. */
  static final class PassphraseFile {
    @Option(names = "--passphrase-file", paramLabel = "FILE",
        description = "Read the key's passphrase from the first line of FILE (else $"
            + Passphrases.ENV + ", else a prompt on the terminal).")
    Path file;
  }

  /** {@code --context HEX}: a FIPS 204 / 205 signature context string. */
  static final class SignatureContext {
    @Option(names = "--context", paramLabel = "HEX",
        description = "Signature context string as hex, at most 255 bytes (FIPS 204/205); the"
            + " same context must be given to sign and to verify (default: empty).")
    String hex;

    byte[] bytes() {
      return HexArg.context(hex);
    }
  }
}
