/**
 * Not API: the BouncyCastle provider behind {@code Signatures.provider("bc")}. Use
 * {@link io.pqzk.sig.Signatures}; nothing outside {@code pqc-signatures} may import this package.
 */
package io.pqzk.sig.internal.bc;
