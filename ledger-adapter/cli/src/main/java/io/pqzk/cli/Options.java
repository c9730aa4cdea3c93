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

  /** {@code --ca/--cert/--cert-key}: a client's mutual-TLS files for a network's nodes. */
  static final class ClientTls {
    @Option(names = "--ca", paramLabel = "FILE", required = true,
        description = "The network CA's certificate (PEM) the node must present a certificate"
            + " of.")
    Path ca;

    @Option(names = "--cert", paramLabel = "FILE", required = true,
        description = "This client's certificate (PEM), issued by that CA.")
    Path cert;

    @Option(names = "--cert-key", paramLabel = "FILE", required = true,
        description = "The certificate's private key (PEM PKCS#8).")
    Path key;

    io.pqzk.replication.Tls tls() {
      return new io.pqzk.replication.Tls(ca, cert, key);
    }
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
