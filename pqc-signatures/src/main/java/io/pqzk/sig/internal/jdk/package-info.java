/**
 * Not API: the JDK's own ML-DSA (JDK 24+) behind {@code Signatures.provider("jdk")}, found at run
 * time so that the module still compiles for and runs on JDK 17. Use
 * {@link io.pqzk.sig.Signatures}; nothing outside {@code pqc-signatures} may import this package.
 */
package io.pqzk.sig.internal.jdk;
