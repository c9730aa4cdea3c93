/**
 * Classes generated from the wire formats in {@code ledger-adapter/proto/src/main/proto/pqzk/v1}.
 * Field numbers are a contract and are never reused. What the ledger signs or hashes is always
 * the exact serialized bytes it carries, never a re-serialization of these objects.
 */
package io.pqzk.ledger.proto;
