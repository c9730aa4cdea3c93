package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.jca.PqzkProvider;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signatures OpenSSL 3.5 made (test resources {@code openssl/}, see its README), with and without
 * a context, verify under every provider that can take them, the {@code pqzk} one and the JCA
 * provider PQZK included; altered, they are rejected.
 */
class OpenSslSignaturesTest {
  private static final byte[] CONTEXT = "pqzk/openssl".getBytes(StandardCharsets.US_ASCII);

  static byte[] resource(String name) throws Exception {
    try (InputStream in = OpenSslSignaturesTest.class.getResourceAsStream("/openssl/" + name)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ml-dsa-44", "ml-dsa-65", "ml-dsa-87", "slh-dsa-sha2-128f",
      "slh-dsa-sha2-192f", "slh-dsa-sha2-256s", "slh-dsa-shake-128f"})
  void opensslSignatures_verify(String name) throws Exception {
    String pem = new String(resource("sig-" + name + ".pub.pem"), StandardCharsets.US_ASCII);
    PqPublicKey pk = KeyCodec.publicKeyFromPem(pem);
    byte[] msg = resource("message.txt");
    byte[] pure = resource("sig-" + name + ".bin");
    byte[] withCtx = resource("sig-" + name + "-ctx.bin");
    SignatureOptions ctx = SignatureOptions.defaults().withContext(CONTEXT);
    for (String p : Signatures.availableProviders()) {
      SignatureProvider provider = Signatures.provider(p);
      if (provider.supports(SignatureProvider.Operation.VERIFY, pk.algorithm(), SignatureOptions.defaults())) {
        provider.verifier(pk, SignatureOptions.defaults()).verify(msg, pure);
      }
      if (provider.supports(SignatureProvider.Operation.VERIFY, pk.algorithm(), ctx)) {
        provider.verifier(pk, ctx).verify(msg, withCtx);
        assertThrows(SignatureVerificationException.class,
            () -> provider.verifier(pk, SignatureOptions.defaults()).verify(msg, withCtx), p);
      }
    }
    Verifier pqzk = Signatures.provider("pqzk").verifier(pk, SignatureOptions.defaults());
    byte[] bad = pure.clone();
    bad[bad.length / 2] ^= 1;
    assertThrows(SignatureVerificationException.class, () -> pqzk.verify(msg, bad));

    PqzkProvider jca = new PqzkProvider();
    PublicKey key = KeyFactory.getInstance(pk.algorithm().displayName(), jca)
        .generatePublic(new X509EncodedKeySpec(KeyCodec.encodePublicKey(pk)));
    Signature s = Signature.getInstance(pk.algorithm().displayName(), jca);
    s.initVerify(key);
    s.update(msg);
    assertTrue(s.verify(pure));
    s.setParameter(new ContextParameterSpec(CONTEXT));
    s.update(msg);
    assertTrue(s.verify(withCtx));
    s.update(msg);
    assertFalse(s.verify(pure));
  }
}
