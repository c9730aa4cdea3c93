/**
 * Not API: the {@code pqzk} provider behind {@code Signatures.provider("pqzk")}, pure-Java
 * verification cores for ML-DSA (FIPS 204 Alg. 8, public keys expanded once and kept in a bounded
 * cache) and SLH-DSA-SHA2 (FIPS 205 Alg. 20 on the JDK's SHA-2), with its own Keccak and an
 * optional Vector API path for ExpandA. Use {@link io.pqzk.sig.Signatures}; nothing outside
 * {@code pqc-signatures} may import this package.
 */
package io.pqzk.sig.internal.fast;
