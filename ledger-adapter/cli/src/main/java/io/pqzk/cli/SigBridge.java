package io.pqzk.cli;

import io.pqzk.sig.ContextTooLongException;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.UnknownAlgorithmException;
import io.pqzk.sig.WrongPassphraseException;
import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.encoding.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The command line's only door to the signature layer ({@code io.pqzk.sig}): algorithm names,
 * key generation, key files (PEM or DER), signing and verifying, with every {@link
 * PqSignatureException} turned into a one-line {@link CliException} naming the file and problem.
 */
final class SigBridge {
  private SigBridge() {}

  /** A provider by name ({@code --provider}), matched without regard to case. */
  static io.pqzk.sig.SignatureProvider provider(String name) {
    try {
      return Signatures.provider(name);
    } catch (PqSignatureException e) {
      throw CliException.badInput("--provider: " + e.getMessage());
    }
  }

  /** A new key pair as file contents (the private one is a secret: wipe it after writing). */
  record GeneratedPair(byte[] privatePem, byte[] publicPem) {}

  /** Every name {@code keygen --alg} accepts, in the library's order. */
  static List<String> algorithmNames() {
    List<String> names = new ArrayList<>();
    for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
      names.add(a.displayName());
    }
    return names;
  }

  /** Looks up {@code --alg}; an unknown name is an error that lists the valid ones. */
  static SignatureAlgorithm algorithm(String name) {
    try {
      return SignatureAlgorithm.fromName(name);
    } catch (UnknownAlgorithmException e) {
      throw CliException.badInput("unknown algorithm '" + name + "'; valid: "
          + String.join(", ", algorithmNames()));
    }
  }

  /** A fresh key pair: PKCS#8 PEM (encrypted unless {@code passphrase} is null) and SPKI PEM. */
  static GeneratedPair generate(SignatureAlgorithm alg, char[] passphrase) {
    PqKeyPair pair;
    try {
      pair = Signatures.generateKeyPair(alg);
    } catch (PqSignatureException e) {
      throw CliException.badInput(alg.displayName() + " key generation failed: " + e.getMessage());
    }
    PqPrivateKey key = pair.privateKey();
    try {
      String priv = passphrase == null
          ? KeyCodec.privateKeyToUnencryptedPem(key)
          : KeyCodec.privateKeyToEncryptedPem(key, passphrase);
      return new GeneratedPair(priv.getBytes(StandardCharsets.US_ASCII),
          KeyCodec.publicKeyToPem(pair.publicKey()).getBytes(StandardCharsets.US_ASCII));
    } catch (PqSignatureException e) {
      throw CliException.badInput(alg.displayName() + " key encoding failed: " + e.getMessage());
    } finally {
      key.destroy();
    }
  }

  /**
   * Reads a private key file: PEM ("ENCRYPTED PRIVATE KEY" or "PRIVATE KEY") or DER (clear
   * PKCS#8, else EncryptedPrivateKeyInfo). {@code passphrase} is asked only for an encrypted key;
   * the caller wipes what it returns.
   */
  static PqPrivateKey readPrivateKey(Path file, byte[] contents, Supplier<char[]> passphrase) {
    String label = pemLabel(file, contents);
    try {
      if (label != null) {
        String pem = new String(contents, StandardCharsets.US_ASCII);
        if (label.equals(KeyCodec.PEM_PUBLIC)) {
          throw CliException.badInput(file + " is a public key; signing needs the private key");
        }
        if (label.equals(KeyCodec.PEM_ENCRYPTED)) {
          return KeyCodec.decryptPrivateKey(Pem.decode(pem, KeyCodec.PEM_ENCRYPTED),
              passphrase.get());
        }
        if (!label.equals(KeyCodec.PEM_PRIVATE)) {
          throw CliException.badInput(file + " is a PEM '" + label
              + "', not a PKCS#8 'PRIVATE KEY' or 'ENCRYPTED PRIVATE KEY'");
        }
        byte[] der = Pem.decode(pem, KeyCodec.PEM_PRIVATE);
        try {
          return KeyCodec.decodePrivateKey(der);
        } finally {
          Arrays.fill(der, (byte) 0);
        }
      }
      return readPrivateDer(file, contents, passphrase);
    } catch (WrongPassphraseException e) {
      throw CliException.badInput(file + ": wrong passphrase (or the file was altered)");
    } catch (PqSignatureException e) {
      throw CliException.badInput(file + ": " + e.getMessage());
    }
  }

  private static PqPrivateKey readPrivateDer(Path file, byte[] der, Supplier<char[]> passphrase)
      throws PqSignatureException {
    if (der.length == 0 || der[0] != 0x30) {
      throw CliException.badInput(file + " is neither PEM nor DER");
    }
    try {
      return KeyCodec.decodePrivateKey(der);
    } catch (PqSignatureException clearFailed) {
      if (isPublicKeyDer(der)) {
        throw CliException.badInput(file + " is a public key; signing needs the private key");
      }
      try {
        return KeyCodec.decryptPrivateKey(der, passphrase.get());
      } catch (io.pqzk.sig.MalformedKeyException notEncrypted) {
        throw clearFailed; // neither form: report why it is not a clear key
      }
    }
  }

  /** Reads a public key file: SPKI as PEM ("PUBLIC KEY") or DER. */
  static PqPublicKey readPublicKey(Path file, byte[] contents) {
    String label = pemLabel(file, contents);
    try {
      if (label == null) {
        if (contents.length == 0 || contents[0] != 0x30) {
          throw CliException.badInput(file + " is neither PEM nor DER");
        }
        return KeyCodec.decodePublicKey(contents);
      }
      if (label.equals(KeyCodec.PEM_PRIVATE) || label.equals(KeyCodec.PEM_ENCRYPTED)) {
        throw CliException.badInput(file + " is a private key; verify needs the public key"
            + " (keygen wrote it to FILE.pub)");
      }
      return KeyCodec.publicKeyFromPem(new String(contents, StandardCharsets.US_ASCII));
    } catch (PqSignatureException e) {
      throw CliException.badInput(file + ": " + e.getMessage());
    }
  }

  /** Signs with {@code key}; the caller keeps and destroys the key. */
  static byte[] sign(Path keyFile, PqPrivateKey key, byte[] message, byte[] ctx,
      boolean deterministic) {
    SignatureOptions opts = options(ctx);
    opts = deterministic ? opts.deterministic() : opts.hedged();
    SignatureAlgorithm alg = key.algorithm();
    if (alg.isSlhDsa() && alg.displayName().endsWith("s")) {
      // the small-signature SLH-DSA sets take from a fraction of a second to several seconds
      System.err.println("pqzk: signing with " + alg.displayName() + " (slow by design)...");
    }
    try {
      return Signatures.signer(key, opts).sign(message);
    } catch (PqSignatureException e) {
      throw CliException.badInput(key.algorithm().displayName() + " signing with " + keyFile
          + " failed: " + e.getMessage());
    }
  }

  /**
   * Verifies and returns the algorithm's name. A signature of the wrong length for the key's
   * parameter set is malformed input (exit 2); a well-formed one that does not verify is a
   * rejection (exit 1); a provider that cannot verify this kind of signature is bad input.
   */
  static String verify(io.pqzk.sig.SignatureProvider provider, PqPublicKey key, byte[] message,
      byte[] signature, byte[] ctx) {
    SignatureAlgorithm alg = key.algorithm();
    int expected = alg.signatureLength();
    if (expected >= 0 && signature.length != expected) {
      throw CliException.badInput("malformed signature: " + signature.length + " bytes, but "
          + alg.displayName() + " signatures have " + expected
          + " (a key of another parameter set, or a truncated file?)");
    }
    try {
      provider.verifier(key, options(ctx)).verify(message, signature);
    } catch (SignatureVerificationException e) {
      throw CliException.rejected("signature rejected: " + e.getMessage());
    } catch (PqSignatureException e) {
      throw CliException.badInput(alg.displayName() + " verification with provider "
          + provider.name() + " failed: " + e.getMessage());
    }
    return alg.displayName();
  }

  private static SignatureOptions options(byte[] ctx) {
    try {
      return SignatureOptions.defaults().withContext(ctx);
    } catch (ContextTooLongException e) {
      throw CliException.badInput("--context: " + e.getMessage());
    }
  }

  /** The PEM label if the file is PEM text, else null (DER or garbage). */
  private static String pemLabel(Path file, byte[] contents) {
    String head = new String(contents, 0, Math.min(contents.length, 4096),
        StandardCharsets.US_ASCII);
    if (!head.contains("-----BEGIN ")) {
      return null;
    }
    String label = Pem.label(head);
    if (label == null) {
      throw CliException.badInput(file + " has a '-----BEGIN ' line without a PEM label"
          + " (RFC 7468: printable words, at most " + Pem.MAX_LABEL + " characters, then"
          + " '-----' on the same line)");
    }
    return label;
  }

  private static boolean isPublicKeyDer(byte[] der) {
    try {
      KeyCodec.decodePublicKey(der);
      return true;
    } catch (PqSignatureException | RuntimeException e) {
      return false;
    }
  }
}
