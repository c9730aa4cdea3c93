/**
 * C2SP Wycheproof ML-DSA files (sign with and without seed, verify), their kind read from the
 * {@code schema} field; each test keeps its id, flags and expected result.
 */
package io.pqzk.vectors.wycheproof;
