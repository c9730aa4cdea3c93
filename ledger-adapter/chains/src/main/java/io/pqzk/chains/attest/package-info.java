/**
 * Post-quantum attestations of foreign blocks: attesters sign a block's quorum statement with
 * ML-DSA (and optionally SLH-DSA), and {@link io.pqzk.chains.attest.QuorumDecision} decides whether
 * k of the n attesters of an attesters file signed exactly this block, gathering their signatures
 * into one quorum certificate. Malformed input throws {@link
 * io.pqzk.chains.attest.AttestationException}; a signature that does not count never does, the
 * {@link io.pqzk.chains.attest.Decision} lists it with the reason.
 */
package io.pqzk.chains.attest;
