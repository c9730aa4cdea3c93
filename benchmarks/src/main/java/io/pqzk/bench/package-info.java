/**
 * Entry points of the benchmarks: {@link io.pqzk.bench.BenchMain} runs every suite and writes the
 * report ({@code pqzk bench} calls it in a child JVM); {@link io.pqzk.bench.Home} finds fixtures
 * under the installation. Not a library: this module depends on the libraries and never on the
 * command line, and nothing depends on it.
 */
package io.pqzk.bench;
