/**
 * Not API: the default provider, message formatting and checks shared by every provider, and the
 * OIDs. Use {@link io.pqzk.sig.Signatures}. Nothing outside {@code pqc-signatures} may import an
 * {@code internal} package (checked by the architecture test).
 */
package io.pqzk.sig.internal;
