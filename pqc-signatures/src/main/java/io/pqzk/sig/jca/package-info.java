/**
 * The signature module as a JCA provider: {@link io.pqzk.sig.jca.PqzkProvider} ("PQZK")
 * registers {@code Signature} and {@code KeyFactory} for ML-DSA-44/65/87 (FIPS 204) and the twelve
 * SLH-DSA sets (FIPS 205) under their standard names, so that code written against the JCA
 * verifies with this module's pure-Java verifiers:
 *
 * <pre>{@code
 * Security.addProvider(new PqzkProvider());
 * Signature s = Signature.getInstance("ML-DSA-65", "PQZK");
 * s.initVerify(publicKey);                          // any X.509-encodable ML-DSA-65 key
 * s.setParameter(new ContextParameterSpec(ctx));    // optional, BouncyCastle's spec class
 * s.update(message);
 * boolean ok = s.verify(signature);
 * }</pre>
 *
 * <p>Verification runs on the {@code pqzk} provider of {@link io.pqzk.sig.Signatures} (its ML-DSA
 * public keys expanded once and cached); signing is delegated as that provider delegates it.
 * Keys are X.509 SubjectPublicKeyInfo and PKCS#8 in the encodings of {@link
 * io.pqzk.sig.encoding.KeyCodec} (RFC 9881, RFC 9909). Only pure ML-DSA and SLH-DSA with an
 * optional context are offered through the JCA; HashML-DSA, HashSLH-DSA, external mu and the
 * internal interface stay in the {@code io.pqzk.sig} API.
 */
package io.pqzk.sig.jca;
