package io.pqzk.bench.report;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.encoding.PrivateKeyForm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sizes in bytes of what each measured algorithm puts on the wire and on disk, found by making one
 * key pair and one signature through the project's API (not copied from the standards): raw
 * public key, SPKI, signature, PKCS#8 DER of the private key (RFC 9881 seed form and expanded
 * form for ML-DSA; RFC 9909's one form for SLH-DSA) and the encrypted PEM file {@code pqzk keygen}
 * writes. Sizes do not depend on the machine, so the report computes them instead of JMH.
 */
public final class SignatureSizes {
  /** The algorithms the report measures, in report order. */
  public static final List<String> ALGORITHMS = List.of("ML-DSA-44", "ML-DSA-65", "ML-DSA-87",
      "SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f", "SLH-DSA-SHA2-192f",
      "SLH-DSA-SHA2-256f");

  /** One row of the table; {@code pkcs8Expanded} is -1 where the algorithm has one form only. */
  public record Row(String algorithm, int publicKey, int spki, int signature, int pkcs8Seed,
      int pkcs8Expanded, int encryptedPem) {}

  private SignatureSizes() {}

  public static List<Row> measure() {
    List<Row> rows = new ArrayList<>();
    for (String name : ALGORITHMS) {
      try {
        SignatureAlgorithm alg = SignatureAlgorithm.fromName(name);
        PqKeyPair kp = Signatures.generateKeyPair(alg);
        byte[] sig = Signatures.signer(kp.privateKey(), SignatureOptions.defaults()).sign(new byte[32]);
        int seed = KeyCodec.encodePrivateKeyUnencrypted(kp.privateKey()).length;
        int expanded = alg.isMlDsa()
            ? KeyCodec.encodePrivateKeyUnencrypted(kp.privateKey(), PrivateKeyForm.EXPANDED).length
            : -1;
        // the passphrase only sizes the file: scrypt salt, GCM nonce and tag have fixed lengths
        String pem = KeyCodec.privateKeyToEncryptedPem(kp.privateKey(), "size only".toCharArray());
        rows.add(new Row(name, kp.publicKey().raw().length,
            KeyCodec.encodePublicKey(kp.publicKey()).length, sig.length, seed, expanded,
            pem.getBytes(StandardCharsets.US_ASCII).length));
        kp.privateKey().destroy();
      } catch (PqSignatureException e) {
        throw new IllegalStateException("cannot size " + name + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  /** The Markdown section. */
  public static String render(List<Row> rows) {
    StringBuilder b = new StringBuilder("## Signature, key and file sizes\n\n");
    b.append("Bytes, from one key pair and one signature made through the project's API when this ")
        .append("report was written (the same on every machine). PKCS#8 is DER in clear: the seed ")
        .append("form (RFC 9881 `seed`; SLH-DSA has one form, RFC 9909) and, for ML-DSA, the ")
        .append("expanded form; the encrypted PEM is the file `pqzk keygen` writes (PBES2: ")
        .append("PBKDF2-HMAC-SHA256, AES-256-CBC).\n\n");
    b.append("| algorithm | public key | SPKI | signature | PKCS#8 (seed) | PKCS#8 (expanded) ")
        .append("| encrypted PEM |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      b.append("| ").append(r.algorithm()).append(" | ").append(r.publicKey())
          .append(" | ").append(r.spki()).append(" | ").append(r.signature())
          .append(" | ").append(r.pkcs8Seed())
          .append(" | ").append(r.pkcs8Expanded() < 0 ? "" : Integer.toString(r.pkcs8Expanded()))
          .append(" | ").append(r.encryptedPem()).append(" |\n");
    }
    return b.append('\n').toString();
  }
}
