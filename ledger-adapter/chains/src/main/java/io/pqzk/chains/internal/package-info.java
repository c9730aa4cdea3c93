/**
 * Not API: the adapters behind {@link io.pqzk.chains.ChainAdapters} (Fabric, Ethereum), strict
 * RLP, Keccak-256 and the Merkle Patricia root of a list. Reached only through {@code
 * io.pqzk.chains}; other modules must not use it (an architecture rule checks this).
 */
package io.pqzk.chains.internal;
