package io.pqzk.sig.jca;

import io.pqzk.sig.ContextTooLongException;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.SignatureProvider;
import io.pqzk.sig.SignatureVerificationException;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.Signer;
import io.pqzk.sig.UnsupportedByProviderException;
import io.pqzk.sig.Verifier;
import io.pqzk.sig.internal.bc.BcProvider;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;

/**
 * {@code Signature} for pure ML-DSA (FIPS 204 Alg. 2/3) and pure SLH-DSA (FIPS 205 Alg. 22/24)
 * with an optional context string, set by {@link ContextParameterSpec} before the message. The
 * message is buffered (both algorithms need it whole: ML-DSA after tr, SLH-DSA after R) and the
 * work is done in {@code sign} / {@code verify} through the {@code pqzk} provider. An invalid
 * or malformed signature makes {@code verify} return false. Like every JCA object, not
 * thread-safe; after {@code sign} or {@code verify} it is ready for the next message with the
 * same key and context.
 */
final class PqzkSignatureSpi extends SignatureSpi {
  private static final SignatureProvider PQZK = pqzk();
  private static final BcProvider BC = new BcProvider();

  private final SignatureAlgorithm.Family family;
  private final SignatureAlgorithm fixed;
  private PqPublicKey publicKey;
  private PqPrivateKey privateKey;
  private SecureRandom random;
  private SignatureOptions options = SignatureOptions.defaults();
  private Verifier verifier;
  private Signer signer;
  private byte[] buffer = new byte[256];
  private int length;

  PqzkSignatureSpi(SignatureAlgorithm.Family family, SignatureAlgorithm fixed) {
    this.family = family;
    this.fixed = fixed;
  }

  private static SignatureProvider pqzk() {
    try {
      return Signatures.provider("pqzk");
    } catch (UnsupportedByProviderException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
    PqPublicKey pk = JcaKeys.publicKey(key);
    JcaKeys.require(family, fixed, pk.algorithm());
    publicKey = pk;
    privateKey = null;
    verifier = null;
    signer = null;
    length = 0;
  }

  @Override
  protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
    engineInitSign(key, null);
  }

  @Override
  protected void engineInitSign(PrivateKey key, SecureRandom random) throws InvalidKeyException {
    PqPrivateKey sk = JcaKeys.privateKey(key);
    JcaKeys.require(family, fixed, sk.algorithm());
    if (sk.isDestroyed()) {
      throw new InvalidKeyException(
          sk.algorithm().displayName() + " private key has been destroyed");
    }
    privateKey = sk;
    publicKey = null;
    this.random = random;
    verifier = null;
    signer = null;
    length = 0;
  }

  @Override
  protected void engineUpdate(byte b) {
    ensure(1);
    buffer[length++] = b;
  }

  @Override
  protected void engineUpdate(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buffer, length, len);
    length += len;
  }

  private void ensure(int more) {
    if (more > buffer.length - length) {
      long need = (long) length + more;
      if (need > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("message longer than a Java array");
      }
      buffer = Arrays.copyOf(buffer, (int) Math.max(need, Math.min(2L * buffer.length,
          Integer.MAX_VALUE - 8)));
    }
  }

  private byte[] takeMessage() {
    byte[] m = Arrays.copyOf(buffer, length);
    length = 0;
    if (buffer.length > 1 << 16) {
      buffer = new byte[256]; // do not keep a large message's buffer alive
    }
    return m;
  }

  /**
   * Hedged signing (FIPS 204 section 3.4, FIPS 205 section 9.2) through the {@code pqzk}
   * provider's delegate, or, when {@code initSign} was given a {@code SecureRandom}, through
   * BouncyCastle drawing each signature's randomness from it.
   */
  @Override
  protected byte[] engineSign() throws SignatureException {
    byte[] message = takeMessage();
    try {
      if (signer == null) {
        signer = random == null ? PQZK.signer(privateKey, options)
            : BC.signer(privateKey, options, random);
      }
      return signer.sign(message);
    } catch (PqSignatureException e) {
      throw new SignatureException(e.getMessage(), e);
    }
  }

  @Override
  protected boolean engineVerify(byte[] signature) throws SignatureException {
    byte[] message = takeMessage();
    try {
      if (verifier == null) {
        verifier = PQZK.verifier(publicKey, options);
      }
      verifier.verify(message, signature);
      return true;
    } catch (SignatureVerificationException e) {
      return false;
    } catch (PqSignatureException e) {
      throw new SignatureException(e.getMessage(), e);
    }
  }

  /**
   * Accepts BouncyCastle's {@link ContextParameterSpec}: the context string ctx (0 to 255 bytes)
   * of FIPS 204 Alg. 2 / FIPS 205 Alg. 22, kept for the following messages until set again.
   */
  @Override
  protected void engineSetParameter(AlgorithmParameterSpec params)
      throws InvalidAlgorithmParameterException {
    if (!(params instanceof ContextParameterSpec)) {
      throw new InvalidAlgorithmParameterException("only "
          + ContextParameterSpec.class.getName() + " is supported, not "
          + (params == null ? "null" : params.getClass().getName()));
    }
    if (length != 0) {
      throw new InvalidAlgorithmParameterException(
          "the context must be set before the message is given");
    }
    try {
      byte[] ctx = ((ContextParameterSpec) params).getContext();
      options = SignatureOptions.defaults().withContext(ctx);
    } catch (ContextTooLongException e) {
      throw new InvalidAlgorithmParameterException(e.getMessage(), e);
    }
    verifier = null;
    signer = null;
  }

  @Override
  protected AlgorithmParameters engineGetParameters() {
    return null;
  }

  @Override
  @Deprecated
  protected void engineSetParameter(String param, Object value) {
    throw new InvalidParameterException("no string parameters; use ContextParameterSpec");
  }

  @Override
  @Deprecated
  protected Object engineGetParameter(String param) {
    throw new InvalidParameterException("no string parameters");
  }
}
