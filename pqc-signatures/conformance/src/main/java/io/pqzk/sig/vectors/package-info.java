/**
 * Runs published vector files (NIST ACVP, C2SP Wycheproof, FIPS 204 KAT) through the public
 * signature API and reports each case as passed, failed or skipped. A case passes only if the API
 * gives the published answer byte for byte, or rejects an invalid case with the expected typed
 * exception; an unchecked exception escaping the API is a failure, never a skip. Skips are only
 * what a provider says it cannot do, or sampled slow sets, and always carry their reason.
 */
package io.pqzk.sig.vectors;
