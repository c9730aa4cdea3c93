/**
 * The claim model every proof system shares. A {@link io.pqzk.zk.claims.Record} holds the seven
 * schema attributes (each below 2^32) and a salt, and never prints them; a
 * {@link io.pqzk.zk.claims.Policy} is 1 to 8 predicates joined by {@code &&}; a
 * {@link io.pqzk.zk.claims.ClaimStatement} is what a verifier knows (registry root, policy,
 * context) and a {@link io.pqzk.zk.claims.ClaimWitness} what only the prover knows (record, path).
 * Values are checked when built: an out-of-range attribute, an unknown attribute name or an empty
 * context is refused at construction.
 */
package io.pqzk.zk.claims;
