/**
 * Post-quantum signatures behind one small API: FIPS 204 ML-DSA, FIPS 205 SLH-DSA (pure and
 * pre-hash) and ML-DSA composites, through {@link io.pqzk.sig.Signatures},
 * {@link io.pqzk.sig.Signer} and {@link io.pqzk.sig.Verifier}.
 *
 * <p>A verifier returns normally only for a valid signature and otherwise throws
 * {@link io.pqzk.sig.SignatureVerificationException}: it never returns a boolean to ignore. Every
 * failure is a typed {@link io.pqzk.sig.PqSignatureException} (a
 * {@link java.security.GeneralSecurityException}); unchecked exceptions from the underlying
 * provider are wrapped. Keys are final classes that hand out copies, compare in constant time,
 * print redacted and can be destroyed. Signing is hedged unless asked otherwise.
 */
package io.pqzk.sig;
