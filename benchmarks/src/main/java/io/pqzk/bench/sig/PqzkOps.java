package io.pqzk.bench.sig;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureProvider;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.Signer;
import io.pqzk.sig.Verifier;

/**
 * The project's API ({@code io.pqzk.sig}) with one named provider, used as an application uses
 * it: a {@link Signer} and a {@link Verifier} built once per key, then one call per operation.
 * {@link RawJcaOps} likewise keeps one initialised {@code Signature} per key, so the difference
 * is the cost of the project's layer per operation.
 */
final class PqzkOps implements SigOps {
  private final SignatureProvider provider;
  /** Where the prepared key pair comes from: the JDK provider makes no keys (no seed form). */
  private final SignatureProvider keySource;
  private final SignatureAlgorithm algorithm;
  private final SignatureOptions options = SignatureOptions.defaults().hedged();
  private PqKeyPair keyPair;
  private Signer signer;
  private Verifier verifier;
  private byte[] message;
  private byte[] signature;
  private PqPublicKey[] freshKeys = new PqPublicKey[0];
  private byte[][] freshSignatures = new byte[0][];
  private int next;

  /**
   * {@code provider} is {@code BC}, {@code JDK} or {@code PQZK}, the names the benchmarks'
   * parameters use (the API matches provider names without regard to case).
   */
  PqzkOps(String provider, String algorithm) throws Exception {
    this.provider = Signatures.provider(provider);
    this.algorithm = SignatureAlgorithm.fromName(algorithm);
    if (!this.provider.supports(SignatureProvider.Operation.SIGN, this.algorithm, options)) {
      throw new IllegalStateException(
          "provider " + provider + " cannot sign " + algorithm + " on this JVM");
    }
    this.keySource =
        this.provider.supports(SignatureProvider.Operation.KEYGEN, this.algorithm, options)
            ? this.provider
            : Signatures.provider("bc");
  }

  @Override
  public Object keygen() throws Exception {
    if (keySource != provider) {
      throw new UnsupportedOperationException("the project's " + provider.name()
          + " provider has no key generation (its keys come from bc): no figure for this cell");
    }
    return provider.generateKeyPair(algorithm, null);
  }

  @Override
  public byte[] sign() throws Exception {
    return signer.sign(message);
  }

  @Override
  public void verify() throws Exception {
    verifier.verify(message, signature);
  }

  @Override
  public void prepare(byte[] message) throws Exception {
    this.message = message.clone();
    this.keyPair = keySource.generateKeyPair(algorithm, null);
    this.signer = provider.signer(keyPair.privateKey(), options);
    this.verifier = provider.verifier(keyPair.publicKey(), options);
    this.signature = sign();
    verify();
  }

  @Override
  public void verifyRepeatedKey() throws Exception {
    provider.verifier(keyPair.publicKey(), options).verify(message, signature);
  }

  @Override
  public void prepareKeys(int count) throws Exception {
    freshKeys = new PqPublicKey[count];
    freshSignatures = new byte[count][];
    for (int i = 0; i < count; i++) {
      PqKeyPair kp = keySource.generateKeyPair(algorithm, null);
      freshKeys[i] = kp.publicKey();
      freshSignatures[i] = provider.signer(kp.privateKey(), options).sign(message);
      kp.privateKey().destroy();
    }
  }

  @Override
  public void verifyFreshKey() throws Exception {
    int i = next;
    next = i + 1 == freshKeys.length ? 0 : i + 1;
    provider.verifier(freshKeys[i], options).verify(message, freshSignatures[i]);
  }
}
