/**
 * The demo behind {@code pqzk demo}: a genesis with fresh keys, synthetic records, claims, sealed
 * blocks, then an independent re-validation of the files. Its keys are ledger keys and reach the
 * signature API only through {@link io.pqzk.ledger.crypto.Signatures}. Demo only: it stores the
 * key passphrase beside the keys, which no real node may do.
 */
package io.pqzk.cli.demo;
