/**
 * The ledger's one door to the signature API ({@code io.pqzk.sig}) and its domain-separated
 * hashes. Only the pure ML-DSA and SLH-DSA parameter sets are accepted; every signature carries a
 * FIPS 204 / 205 context string naming its purpose and the chain; verification returns or throws,
 * never returns false. No other package of {@code io.pqzk.ledger} uses {@code io.pqzk.sig}
 * directly (checked by the architecture test).
 */
package io.pqzk.ledger.crypto;
