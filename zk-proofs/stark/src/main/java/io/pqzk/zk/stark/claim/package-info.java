/**
 * The {@code stark} proof system: the claim statement as an AIR, its trace, and
 * {@link io.pqzk.zk.stark.claim.StarkProvider}, which registers it as transparent (no trusted
 * setup) and post-quantum. {@link io.pqzk.zk.stark.claim.StarkRegistryHash} is exactly the RPO
 * hash the AIR recomputes, so a registry built with it is the one the proofs open. The engine in
 * {@code io.pqzk.zk.stark} never depends on this package.
 */
package io.pqzk.zk.stark.claim;
