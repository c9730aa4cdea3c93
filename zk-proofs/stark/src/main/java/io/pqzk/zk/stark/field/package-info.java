/**
 * Goldilocks (p = 2^64 - 2^32 + 1), its cubic extension GF(p)[x]/(x^3 - x - 1) and radix-2 NTTs
 * with coset evaluation. Elements are canonical unsigned longs in [0, p); every verifier challenge
 * is drawn from the extension, so soundness is not capped by the 64-bit base field.
 */
package io.pqzk.zk.stark.field;
