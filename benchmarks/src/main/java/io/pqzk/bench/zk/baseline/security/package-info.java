/**
 * Soundness estimates for STARK (FRI) parameters, in the form Winterfell reports them.
 *
 * <ul>
 *   <li>Conjectured: ethSTARK documentation, ePrint 2021/582, Conjecture 1 and §5.10.1 Eq. (19).
 *   <li>Proven: round-by-round soundness of ePrint 2024/1553 (Theorem 2, list-decoding regime;
 *       Theorem 3, unique-decoding regime), building on ePrint 2022/1216 Theorem 8 and ePrint
 *       2021/582 Theorem 5.
 * </ul>
 *
 * <p>Written from the formulas in {@code shared/tools/stark-security/README.md}; tested against
 * every assertion of Winterfell v0.13.1's estimator tests, the v0.11.0 tests for the legacy
 * model, the tool's oracle values and 600 random configurations of the reference tool
 * ({@code src/test/resources/stark-security}).
 */
package io.pqzk.bench.zk.baseline.security;
