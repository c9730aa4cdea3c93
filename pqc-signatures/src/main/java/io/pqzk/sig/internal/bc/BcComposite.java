package io.pqzk.sig.internal.bc;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureProvider.Operation;
import io.pqzk.sig.Signer;
import io.pqzk.sig.UnsupportedByProviderException;
import io.pqzk.sig.Verifier;
import java.security.SecureRandom;

/** Composite ML-DSA + classical signatures. TODO(sig): implemented in the next commit. */
final class BcComposite {
  private BcComposite() {}

  static boolean supports(SignatureAlgorithm alg, Operation op, SignatureOptions o) {
    return false;
  }

  static PqKeyPair generate(SignatureAlgorithm alg, SecureRandom r) throws PqSignatureException {
    throw unsupported(alg);
  }

  static PqPrivateKey privateKey(SignatureAlgorithm alg, byte[] encoded) throws PqSignatureException {
    throw unsupported(alg);
  }

  static Signer signer(PqPrivateKey key, SignatureOptions o, SecureRandom r) throws PqSignatureException {
    throw unsupported(key.algorithm());
  }

  static Verifier verifier(PqPublicKey key, SignatureOptions o) throws PqSignatureException {
    throw unsupported(key.algorithm());
  }

  private static UnsupportedByProviderException unsupported(SignatureAlgorithm alg) {
    return new UnsupportedByProviderException(BcProvider.NAME, alg.displayName() + " (not yet)");
  }
}
