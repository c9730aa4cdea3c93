package io.pqzk.cli;

import io.pqzk.records.kem.Hpke;
import io.pqzk.records.kem.KemKeyFiles;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.kem.XWing;
import io.pqzk.sig.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pqzk keygen}: a new key pair for any supported algorithm. The private key is written as
 * encrypted PKCS#8 PEM (RFC 5958 EncryptedPrivateKeyInfo) with mode 0600, the public key as SPKI
 * PEM (RFC 9881 for ML-DSA, RFC 9909 for SLH-DSA) next to it; a clear private key only with
 * {@code --unencrypted}.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a key pair: a signature key (ML-DSA, SLH-DSA) or an X-Wing KEM key (records are"
          + " released sealed to a reader's X-Wing key).",
      "FILE gets the private key (encrypted PKCS#8 PEM, mode 0600), FILE.pub the public key"
          + " (SPKI PEM). The passphrase comes from --passphrase-file, else $" + Passphrases.ENV
          + ", else a prompt on the terminal (asked twice)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:key pair written", "2:bad usage or input (nothing written)"})
final class KeygenCommand implements Callable<Integer> {

  @Option(names = "--alg", required = true, paramLabel = "ALG",
      description = "Algorithm, e.g. ML-DSA-65, SLH-DSA-SHA2-128f or X-Wing (`pqzk keygen --alg"
          + " list` lists them all).")
  String algorithm;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Private key file; the public key goes to FILE.pub.")
  Path out;

  @Option(names = "--force", description = "Overwrite FILE and FILE.pub if they exist.")
  boolean force;

  @Option(names = "--unencrypted",
      description = "Write the private key in clear (PKCS#8 PEM, still mode 0600). Not advised.")
  boolean unencrypted;

  @Mixin Options.PassphraseFile passphraseFile;

  @Override
  public Integer call() {
    if (algorithm.equalsIgnoreCase("list")) {
      System.out.println(String.join("\n", SigBridge.algorithmNames()));
      System.out.println(XWing.NAME);
      return Main.OK;
    }
    boolean kem = algorithm.equalsIgnoreCase(XWing.NAME);
    SignatureAlgorithm alg = kem ? null : SigBridge.algorithm(algorithm);
    if (out == null) {
      throw CliException.badInput("missing --out FILE (where to write the private key)");
    }
    Path pub = Path.of(out + ".pub");
    CliFiles.checkWritable("--out", out, force);
    CliFiles.checkWritable("--out", pub, force);
    if (unencrypted && passphraseFile.file != null) {
      throw CliException.badInput("--unencrypted and --passphrase-file contradict each other");
    }
    char[] passphrase = unencrypted ? null : Passphrases.forEncrypt(passphraseFile.file, out);
    byte[] privatePem = null;
    try {
      SigBridge.GeneratedPair pair = kem ? kemPair(passphrase) : SigBridge.generate(alg,
          passphrase);
      privatePem = pair.privatePem();
      CliFiles.write("--out", out, privatePem, CliFiles.PRIVATE, force);
      CliFiles.write("--out", pub, pair.publicPem(), CliFiles.PUBLIC, force);
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
      if (privatePem != null) {
        Arrays.fill(privatePem, (byte) 0);
      }
    }
    if (unencrypted) {
      System.err.println("pqzk: WARNING: " + out + " holds the private key in clear "
          + "(--unencrypted); anyone who can read the file can sign as you");
    }
    System.out.println("wrote " + out + " (" + (kem ? XWing.NAME
        : alg.displayName()) + " private key, "
        + (unencrypted ? "unencrypted" : "encrypted") + " PKCS#8 PEM) and " + pub
        + " (public key, SPKI PEM)");
    return Main.OK;
  }

  /**
   * An X-Wing key pair in the draft's encodings (PKCS#8 holding the 32-byte seed, SPKI of the
   * 1216-byte key). The KEM lives in the records module, not the signature module, whose API is
   * signing and verifying; the private key file uses the signature module's encryption.
   */
  private static SigBridge.GeneratedPair kemPair(char[] passphrase) {
    KemPrivateKey k = Hpke.generate();
    try {
      String priv = passphrase == null ? KemKeyFiles.privateToUnencryptedPem(k)
          : KemKeyFiles.privateToEncryptedPem(k, passphrase);
      return new SigBridge.GeneratedPair(priv.getBytes(StandardCharsets.US_ASCII),
          KemKeyFiles.publicToPem(k.publicKey())
              .getBytes(StandardCharsets.US_ASCII));
    } finally {
      k.destroy();
    }
  }
}
