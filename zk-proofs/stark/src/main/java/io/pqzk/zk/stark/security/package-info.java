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
 * <p>Written from the formulas of those papers in the form of Winterfell's estimator
 * ({@code air/src/proof/security.rs}, v0.13.1); tested against every assertion of Winterfell
 * v0.13.1's estimator tests, the v0.11.0 tests for the legacy model, oracle values printed by
 * Winterfell's estimator functions and 600 random configurations
 * ({@code zk-proofs/stark/src/test/resources/stark-security}).
 */
package io.pqzk.zk.stark.security;
