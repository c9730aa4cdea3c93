/**
 * Quorum certificates: ML-DSA (optionally SLH-DSA) signatures of at least a threshold of distinct
 * members of a signer set over one fixed-layout statement (domain, chain id, height, hash). One
 * format serves block commits and every other k-of-n decision; checking never trusts an encoder.
 */
package io.pqzk.ledger.quorum;
