/**
 * ZoKrates from Java: compile, witness, setup, prove, verify and Solidity export through one
 * long-lived Node process running the pinned zokrates-js ({@code zk-proofs/groth16/node}).
 * Artifacts stay in ZoKrates' own formats; errors are {@link io.pqzk.zk.zokrates.ZoKratesException}
 * subclasses carrying ZoKrates' message; a witness is never printed and can be wiped. Needs
 * Node 18+; zokrates-js is installed once from the lockfile, and a missing Node or npm is named.
 */
package io.pqzk.zk.zokrates;
