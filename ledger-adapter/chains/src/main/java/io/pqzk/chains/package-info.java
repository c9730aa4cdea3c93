/**
 * Existing chains: canonical block hashes of Hyperledger Fabric and Ethereum blocks ({@link
 * io.pqzk.chains.ChainAdapter}, {@link io.pqzk.chains.ChainAdapters}), computed exactly as those
 * chains compute them, with every commitment the input makes checkable checked, and chains of
 * blocks linked ({@link io.pqzk.chains.Sequences}). An adapter returns a block only when all of
 * that holds; otherwise it throws a {@link io.pqzk.chains.ChainException} saying what failed.
 * {@code io.pqzk.chains.internal} is not API.
 */
package io.pqzk.chains;
