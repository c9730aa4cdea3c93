package io.pqzk.ledger.crypto;

import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.Signer;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A private key with its public half. Never printed; {@link #destroy()} wipes the key material
 * held by the signature module. Signers (hedged, thread-safe) are cached per context string.
 */
public final class LedgerSigningKey {
  private final LedgerPublicKey publicKey;
  private final PqPrivateKey key;
  private final ConcurrentHashMap<ByteBuffer, Signer> signers = new ConcurrentHashMap<>();

  LedgerSigningKey(LedgerPublicKey publicKey, PqPrivateKey key) {
    this.publicKey = publicKey;
    this.key = key;
  }

  public LedgerPublicKey publicKey() {
    return publicKey;
  }

  public String algorithm() {
    return publicKey.algorithm();
  }

  PqPrivateKey pqKey() {
    if (key.isDestroyed()) {
      throw new IllegalStateException("signing key was destroyed");
    }
    return key;
  }

  Signer signer(byte[] context) throws PqSignatureException {
    ByteBuffer k = ByteBuffer.wrap(context.clone());
    Signer s = signers.get(k);
    if (s == null) {
      s = io.pqzk.sig.Signatures.signer(pqKey(), SignatureOptions.defaults().withContext(context));
      Signer prev = signers.putIfAbsent(k, s);
      if (prev != null) {
        s = prev;
      }
    }
    return s;
  }

  public void destroy() {
    signers.clear();
    key.destroy();
  }

  @Override
  public String toString() {
    return "LedgerSigningKey[" + publicKey + ", private part redacted]";
  }
}
