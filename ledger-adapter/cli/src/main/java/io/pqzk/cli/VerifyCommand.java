package io.pqzk.cli;

import io.pqzk.sig.PqPublicKey;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pqzk verify}: checks a raw signature over a file against a public key (SPKI PEM or DER,
 * as {@code pqzk keygen}, OpenSSL and other tools write it). Exit 0 when it verifies, 1 when it
 * does not, 2 when an input is malformed (unreadable key, signature of the wrong length, bad
 * context, a provider that cannot verify it).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify a raw signature SIG over MSG with a public key.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the signature verifies",
      "1:the signature does not verify (wrong key, message, context or signature)",
      "2:malformed input (key, signature encoding, context, files)"
    })
final class VerifyCommand implements Callable<Integer> {

  @Option(names = "--pub", required = true, paramLabel = "FILE",
      description = "Public key: SPKI PEM or DER.")
  Path pub;

  @Option(names = "--in", required = true, paramLabel = "MSG",
      description = "The signed message (- for standard input).")
  Path in;

  @Option(names = "--sig", required = true, paramLabel = "SIG",
      description = "The signature, raw bytes.")
  Path sig;

  @Mixin Options.SignatureContext context;

  @Option(names = "--provider", paramLabel = "NAME", defaultValue = "auto",
      description = "Signature provider, any case: auto (default), bc, jdk (JDK 24+, ML-DSA "
          + "without context only) or pqzk (this build's own ML-DSA and SLH-DSA-SHA2 "
          + "verifiers, as the ledger uses).")
  String provider;

  @Override
  public Integer call() {
    byte[] ctx = context.bytes();
    io.pqzk.sig.SignatureProvider p = SigBridge.provider(provider);
    PqPublicKey key = SigBridge.readPublicKey(pub, CliFiles.read("--pub", pub));
    byte[] signature = CliFiles.read("--sig", sig);
    byte[] message = CliFiles.read("--in", in);
    String alg = SigBridge.verify(p, key, message, signature, ctx);
    System.out.println("signature OK (" + alg + ")");
    return Main.OK;
  }
}
