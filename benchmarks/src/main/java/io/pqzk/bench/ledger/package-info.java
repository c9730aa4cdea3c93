/**
 * Ledger throughput, in transactions per second: full block validation on every core, set against
 * one ML-DSA-65 verification on one thread measured in the same run, and appending blocks with one
 * fsync per block. The chains are real (signed, valid) and built in memory.
 */
package io.pqzk.bench.ledger;
