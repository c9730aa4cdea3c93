/**
 * What a custodian costs: importing records (encrypt, wrap, register, with the blocks final) and
 * reading them, the latency including the access event's commit, in one process over the
 * embedded engine. A harness with its own main, not a JMH suite: a read is dominated by block
 * sealing and fsync, which JMH's forks and warm-up iterations would only repeat.
 */
package io.pqzk.bench.records;
