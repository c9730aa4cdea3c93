/**
 * The STARK as it was on {@code main} at commit {@code d18c8b2} (before the claims-v2 work), kept
 * beside the current one so that {@code ClaimProofBench} measures both in the same JMH run
 * ({@code system=stark-baseline}). A verbatim copy of {@code zk-proofs/stark/src/main/java/io/pqzk/zk/stark}
 * at that commit with only the package renamed ({@code io.pqzk.zk.stark} to
 * {@code io.pqzk.bench.zk.baseline}) and its service registration left out, made by:
 *
 * <pre>
 * SRC=zk-proofs/stark/src/main/java/io/pqzk/zk/stark
 * for f in $(git ls-tree -r --name-only d18c8b2 -- $SRC | grep '\.java$' | grep -v StarkProvider.java); do
 *   git show d18c8b2:$f | sed 's/io\.pqzk\.zk\.stark/io.pqzk.bench.zk.baseline/g' \
 *     &gt; benchmarks/src/main/java/io/pqzk/bench/zk/baseline/${f#$SRC/}
 * done
 * </pre>
 *
 * (this file excepted). Do not change it: it is the yardstick. Not a proof system of the project:
 * nothing registers it, and only the benchmarks call it.
 */
package io.pqzk.bench.zk.baseline;
