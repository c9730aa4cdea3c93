/**
 * Benchmarks of the attestations of foreign blocks ({@code ledger-adapter/chains}): attestations
 * signed and quorums decided per second, and the bytes they add per foreign block.
 */
package io.pqzk.bench.chains;
