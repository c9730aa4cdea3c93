/**
 * NIST-style {@code .rsp} KAT files (FIPS 204 ML-DSA): one entry per {@code count}; declared
 * lengths are checked against the decoded bytes.
 */
package io.pqzk.vectors.kat;
