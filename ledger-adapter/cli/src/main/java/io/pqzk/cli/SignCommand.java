package io.pqzk.cli;

import io.pqzk.sig.PqPrivateKey;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pqzk sign}: signs a file with a private key file written by {@code pqzk keygen} (encrypted
 * or not) or by another tool (clear PKCS#8: RFC 9881's seed, expanded and both forms for ML-DSA;
 * RFC 9909 for SLH-DSA). The signature is written as raw bytes (FIPS 204 / FIPS 205 encoding).
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign MSG with a private key; write the raw signature bytes to SIG.",
      "Signing is hedged (fresh randomness) unless --deterministic.",
      "Keys: pqzk keygen's, or clear or encrypted PKCS#8 from other tools (OpenSSL...).",
      "An encrypted key's passphrase comes from --passphrase-file, else $" + Passphrases.ENV
          + ", else a prompt on the terminal."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:signature written", "2:bad usage or input (wrong passphrase, bad key...)"})
final class SignCommand implements Callable<Integer> {

  @Option(names = "--key", required = true, paramLabel = "FILE",
      description = "Private key: PKCS#8 PEM or DER, encrypted or clear.")
  Path key;

  @Option(names = "--in", required = true, paramLabel = "MSG",
      description = "The message to sign (- for standard input).")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "SIG",
      description = "Where to write the signature (raw bytes; replaced if it exists).")
  Path out;

  @Mixin Options.SignatureContext context;

  @Option(names = "--deterministic",
      description = "Deterministic signing (FIPS 204 rnd = 0; FIPS 205 opt_rand = PK.seed).")
  boolean deterministic;

  @Mixin Options.PassphraseFile passphraseFile;

  @Override
  public Integer call() {
    byte[] ctx = context.bytes();
    byte[] message = CliFiles.read("--in", in);
    byte[] keyBytes = CliFiles.read("--key", key);
    char[][] asked = new char[1][];
    PqPrivateKey privateKey;
    try {
      privateKey = SigBridge.readPrivateKey(key, keyBytes,
          () -> asked[0] = Passphrases.forDecrypt(passphraseFile.file, key));
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
      if (asked[0] != null) {
        Arrays.fill(asked[0], '\0');
      }
    }
    byte[] signature;
    try {
      signature = SigBridge.sign(key, privateKey, message, ctx, deterministic);
    } finally {
      privateKey.destroy();
    }
    CliFiles.write("--out", out, signature, CliFiles.PUBLIC, true);
    System.err.println("pqzk: wrote " + out + " (" + privateKey.algorithm().displayName()
        + " signature, " + signature.length + " bytes)");
    return Main.OK;
  }
}
